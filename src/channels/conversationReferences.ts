import { ActivityTypes, type ConversationReference, type Middleware, TurnContext } from 'botbuilder'
import type { Connection } from 'mongoose'
import type { Clock } from '../clock'
import {
  type ConversationReferenceModel,
  conversationReferenceKey,
  conversationReferenceModel,
} from '../data/models/conversationReference'
import type { Logger } from '../logger'
import { conversationChannel } from '../conversation/conversationIdentity'

export interface RememberedConversation {
  reference: Partial<ConversationReference>
  /** Sealed phone number, for SMS and WhatsApp conversations only. */
  sealedAddress?: string
}

/** How long a reference this process wrote is trusted before lastSeenAt is written again. */
const rememberedForMs = 60 * 60_000
const rememberedAtMost = 20_000

/**
 * Where each conversation can be reached again later: one record per channel and conversation. A reference is
 * written when it changes (or hourly), not on every turn: it is the same on every turn of a conversation.
 */
export class ConversationReferenceStore {
  private readonly references: ConversationReferenceModel
  /** key → what this process last wrote, and when. Another instance writing meanwhile only costs a repeat write. */
  private readonly written = new Map<string, { json: string; sealedAddress?: string; at: number }>()

  constructor(
    connection: Connection,
    private readonly clock: Clock,
  ) {
    this.references = conversationReferenceModel(connection)
  }

  /** `channel` is the conversation's identity channel (see conversationIdentity); the reference keeps the real channelId. */
  async remember(reference: Partial<ConversationReference>, sealedAddress?: string, channel = reference.channelId): Promise<void> {
    const channelId = channel
    const conversationId = reference.conversation?.id
    if (!channelId || !conversationId) return
    // The activity id changes every turn and is not needed to reach the conversation again.
    const { activityId: _activityId, ...lasting } = reference
    const key = conversationReferenceKey(channelId, conversationId)
    const json = JSON.stringify(lasting)
    const now = this.clock.now()
    const last = this.written.get(key)
    if (last && last.json === json && (!sealedAddress || last.sealedAddress === sealedAddress) && now.getTime() - last.at < rememberedForMs) return
    await this.references.updateOne(
      { key },
      { $set: { channelId, conversationId, referenceJson: json, lastSeenAt: now, ...(sealedAddress ? { sealedAddress } : {}) } },
      { upsert: true },
    )
    this.written.delete(key)
    this.written.set(key, { json, sealedAddress: sealedAddress ?? last?.sealedAddress, at: now.getTime() })
    if (this.written.size > rememberedAtMost) this.written.delete(this.written.keys().next().value!)
  }

  async find(channelId: string, conversationId: string): Promise<RememberedConversation | undefined> {
    const stored = await this.references.findOne({ key: conversationReferenceKey(channelId, conversationId) }).lean()
    if (!stored) return undefined
    return { reference: JSON.parse(stored.referenceJson), sealedAddress: stored.sealedAddress ?? undefined }
  }
}

/** Set by an adapter whose conversations are reached by a number (SMS, WhatsApp): the number, sealed, kept with the reference. */
export const sealedAddressKey = Symbol('sealedAddress')

/** The event an adapter's continueConversation starts a proactive turn with (botbuilder spells it both ways). */
function isProactiveTurn(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Event && context.activity.name?.toLowerCase() === 'continueconversation'
}

/**
 * Adapter middleware, the one way every channel remembers where each conversation is. A proactive turn is not
 * remembered (it is our own message to a place already known). A failure to store is logged and never stops
 * the person's turn: the conversation matters more than a later notification.
 */
export function rememberConversations(store: ConversationReferenceStore, logger: Logger): Middleware {
  return {
    async onTurn(context, next) {
      if (!isProactiveTurn(context)) {
        try {
          const sealedAddress = context.turnState.get(sealedAddressKey) as string | undefined
          await store.remember(TurnContext.getConversationReference(context.activity), sealedAddress, conversationChannel(context))
        } catch (error) {
          logger.warn({ errorName: (error as Error)?.name, channelId: context.activity.channelId }, 'could not store the conversation reference')
        }
      }
      await next()
    },
  }
}
