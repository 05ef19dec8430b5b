import { type ConversationReference, type Middleware, TurnContext } from 'botbuilder'
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

/** Where each conversation can be reached again later: one record per channel and conversation. */
export class ConversationReferenceStore {
  private readonly references: ConversationReferenceModel

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
    await this.references.updateOne(
      { key: conversationReferenceKey(channelId, conversationId) },
      {
        $set: {
          channelId,
          conversationId,
          referenceJson: JSON.stringify(lasting),
          lastSeenAt: this.clock.now(),
          ...(sealedAddress ? { sealedAddress } : {}),
        },
      },
      { upsert: true },
    )
  }

  async find(channelId: string, conversationId: string): Promise<RememberedConversation | undefined> {
    const stored = await this.references.findOne({ key: conversationReferenceKey(channelId, conversationId) }).lean()
    if (!stored) return undefined
    return { reference: JSON.parse(stored.referenceJson), sealedAddress: stored.sealedAddress ?? undefined }
  }
}

/**
 * Bot middleware that keeps every conversation's reference up to date. A failure to store it is logged and
 * never stops the person's turn: the conversation matters more than a later notification.
 */
export function rememberConversations(store: ConversationReferenceStore, logger: Logger): Middleware {
  return {
    async onTurn(context, next) {
      try {
        await store.remember(TurnContext.getConversationReference(context.activity), undefined, conversationChannel(context))
      } catch (error) {
        logger.warn({ errorName: (error as Error)?.name, channelId: context.activity.channelId }, 'could not store the conversation reference')
      }
      await next()
    },
  }
}
