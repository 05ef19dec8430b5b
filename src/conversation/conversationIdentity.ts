import { ConversationState, type Middleware, type TurnContext, UserState } from 'botbuilder'

/**
 * Who a conversation belongs to is more than its channelId: the route it came in by is part of it. This
 * service's own web chat (channel 'webchat') and texts ('sms', 'whatsapp') are identified as before; anything
 * arriving through the Bot Framework endpoint is identified as 'botframework.<channelId>', so an activity
 * posted to /api/messages can never name, continue or overwrite a conversation of another route, whatever
 * channelId and conversation id it claims. Storage keys, conversation references and drafts all use this.
 */
export const botFrameworkRoute = 'botframework'

const routeKey = Symbol('conversation route')

/** Adapter middleware: marks every turn with the route it arrived by. */
export function markConversationRoute(route: string): Middleware {
  return {
    async onTurn(context, next) {
      context.turnState.set(routeKey, route)
      await next()
    },
  }
}

/** The channel part of a conversation's identity. */
export function conversationChannel(context: TurnContext): string {
  const channelId = context.activity.channelId ?? 'unknown'
  const route = context.turnState.get(routeKey) as string | undefined
  return route ? `${route}.${channelId}` : channelId
}

/** "channel:conversation id", as drafts and conversation references store it. */
export function conversationKeyOf(context: TurnContext): string {
  return `${conversationChannel(context)}:${context.activity.conversation?.id ?? 'unknown'}`
}

/** ConversationState keyed by the full identity (the same keys as botbuilder's for this service's own routes). */
export class RouteScopedConversationState extends ConversationState {
  override getStorageKey(context: TurnContext): string | undefined {
    const conversationId = context.activity.conversation?.id
    return conversationId ? `${conversationChannel(context)}/conversations/${conversationId}/` : undefined
  }
}

/** UserState keyed the same way. */
export class RouteScopedUserState extends UserState {
  override getStorageKey(context: TurnContext): string | undefined {
    const userId = context.activity.from?.id
    return userId ? `${conversationChannel(context)}/users/${userId}/` : undefined
  }
}
