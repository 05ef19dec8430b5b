import { type Activity, ActivityTypes, TurnContext } from 'botbuilder'
import { KeyedQueue } from '../../conversation/keyedQueue'
import { botAccount } from '../../conversation/turnFailure'
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import type { BotLogic, DirectLineAdapter } from './directLineAdapter'
import { type ConversationGrant, DirectLineTokens, maxTokenRenewals, TokenError } from './tokens'
import type { TranscriptRetention } from './transcriptRetention'
import type { TranscriptStore } from './transcriptStore'
import type { DirectLineConversation } from '../../data/models/directLineConversation'
import { sendProactively } from '../proactive'

export const webChatChannelId = 'webchat'

/** Anything that can take a turn: botbuilder's ActivityHandler has this shape. */
export interface TurnHandler {
  run(context: TurnContext): Promise<void>
}

export interface IncomingActivity {
  type: 'message' | 'event' | 'typing'
  text?: string
  locale?: string
  name?: string
  value?: unknown
  clientActivityID?: string
  clientTimestamp?: string
}

export interface ConversationTicket {
  conversationId: string
  token: string
  expires_in: number
}

export class UnknownConversationError extends Error {}

/** What the web chat channel is built from (src/composition.ts passes them). */
export interface DirectLineChannelDependencies {
  config: Pick<Config, 'PUBLIC_BASE_URL'>
  clock: Clock
  /** Signs the chat tokens. */
  sessionSecret: Buffer
  /** The one transcript store, shared with person deliveries. */
  transcripts: TranscriptStore
  transcriptRetention: TranscriptRetention
  /** Runs the bot's turns and writes its replies into the transcript. */
  directLineAdapter: DirectLineAdapter
}

/**
 * The public web chat channel: conversations, tokens, the transcript and the bot's turns.
 * Turns for one conversation run one at a time, in arrival order, so replies are stored in order.
 */
export class DirectLineChannel {
  readonly tokens: DirectLineTokens
  readonly transcripts: TranscriptStore
  readonly retention: TranscriptRetention
  private readonly adapter: DirectLineAdapter
  /** Turns for one conversation run one at a time, in arrival order, so replies are stored in order. */
  private readonly turns = new KeyedQueue()

  constructor(
    services: DirectLineChannelDependencies,
    private readonly bot: TurnHandler,
    private readonly serviceUrl = `${services.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/v3/directline`,
  ) {
    this.tokens = new DirectLineTokens(services.sessionSecret, services.clock)
    this.transcripts = services.transcripts
    this.adapter = services.directLineAdapter
    this.retention = services.transcriptRetention
  }

  /** A new conversation; `start` sends the bot its welcome turn straight away. */
  async createConversation(start: boolean, locale?: string): Promise<ConversationTicket> {
    const conversation = await this.transcripts.createConversation()
    const grant = { conversationId: conversation.conversationId, userId: conversation.userId, generation: conversation.tokenGeneration ?? 0 }
    if (start) await this.ensureStarted(grant, locale)
    return { conversationId: grant.conversationId, ...this.tokens.issue(grant) }
  }

  /** Returns true when this call started the conversation, false when it had already started. */
  /** `locale` is the language of the page the chat is on, so the welcome comes in it. */
  async ensureStarted(grant: ConversationGrant, locale?: string): Promise<boolean> {
    return this.inTurn(grant.conversationId, async () => {
      await this.requireConversation(grant)
      if (!(await this.transcripts.markStarted(grant.conversationId))) return false
      await this.runBot({
        ...this.addressing(grant),
        type: ActivityTypes.ConversationUpdate,
        locale,
        membersAdded: [botAccount, { id: grant.userId, name: '', role: 'user' }],
      })
      return true
    })
  }

  /** A new token for the conversation; the one presented stops working. */
  async renew(grant: ConversationGrant): Promise<ConversationTicket> {
    const conversation = await this.requireConversation(grant)
    const renewals = (conversation.tokenRenewals ?? 0) + 1
    if (renewals > maxTokenRenewals) throw new TokenError(403, 'This chat has been open for a long time. Please start a new chat.')
    const next = { ...grant, generation: grant.generation + 1 }
    await this.transcripts.recordTokenRenewal(grant.conversationId, next.generation, renewals)
    return { conversationId: grant.conversationId, ...this.tokens.issue(next) }
  }

  /** Stores what the person sent, before the bot runs, so it is never lost; then runs the bot. */
  async receive(grant: ConversationGrant, incoming: IncomingActivity): Promise<{ id: string }> {
    if (incoming.type === 'typing') return { id: '' }
    await this.ensureStarted(grant)
    return this.inTurn(grant.conversationId, async () => {
      const activity: Partial<Activity> = {
        ...this.addressing(grant),
        type: incoming.type,
        text: incoming.text ?? '',
        textFormat: 'plain',
        locale: incoming.locale,
        name: incoming.name,
        value: incoming.value,
        channelData:
          incoming.clientActivityID || incoming.clientTimestamp
            ? { clientActivityID: incoming.clientActivityID, clientTimestamp: incoming.clientTimestamp }
            : undefined,
      }
      const stored = await this.transcripts.append(grant.conversationId, JSON.parse(JSON.stringify(activity)))
      await this.runBot(stored)
      return { id: stored.id ?? '' }
    })
  }

  async read(grant: ConversationGrant, watermark: number): Promise<{ activities: Partial<Activity>[]; watermark: string }> {
    await this.requireConversation(grant)
    const page = await this.transcripts.activitiesAfter(grant.conversationId, watermark)
    return { activities: page.activities, watermark: String(page.watermark) }
  }

  /**
   * Our own message into a web chat conversation (an update on the person's feedback), through the adapter's
   * continueConversation, in turn with the person's own messages. Throws UnknownConversationError when the
   * transcript has been forgotten: nobody would ever read it there.
   */
  async continueConversation(conversationId: string, activities: readonly Partial<Activity>[]): Promise<string> {
    return this.inTurn(conversationId, async () => {
      const conversation = await this.transcripts.findConversation(conversationId)
      if (!conversation) throw new UnknownConversationError()
      const reference = TurnContext.getConversationReference(this.addressing({ conversationId, userId: conversation.userId, generation: 0 }))
      return sendProactively((target, logic) => this.adapter.continueConversation(target, logic), reference, activities)
    })
  }

  /** The conversation, when it exists and the grant is its newest token. */
  private async requireConversation(grant: ConversationGrant): Promise<DirectLineConversation> {
    const conversation = await this.transcripts.findConversation(grant.conversationId)
    if (!conversation) throw new UnknownConversationError()
    if ((conversation.tokenGeneration ?? 0) !== grant.generation) {
      throw new TokenError(403, 'This chat token has been replaced by a newer one. Please refresh the page.')
    }
    return conversation
  }

  private addressing(grant: ConversationGrant): Partial<Activity> {
    return {
      channelId: webChatChannelId,
      serviceUrl: this.serviceUrl,
      conversation: { id: grant.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: grant.userId, name: '', role: 'user' },
      recipient: botAccount,
    }
  }

  private async runBot(activity: Partial<Activity>): Promise<void> {
    const logic: BotLogic = context => this.bot.run(context)
    await this.adapter.processActivity(activity, logic)
  }

  private inTurn<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    return this.turns.run(conversationId, task)
  }
}
