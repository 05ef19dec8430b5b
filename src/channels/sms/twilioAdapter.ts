import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder'
import crypto from 'node:crypto'
import { textsForSms } from '../../conversation/botMessage'
import { apologiseOnTurnError, botAccount } from '../../conversation/turnFailure'
import type { Clock } from '../../clock'
import type { Logger } from '../../logger'
import type { ContactCipher } from '../../contact/contactEncryption'
import { type AddressHasher, type MessagingChannel, parseTwilioAddress, twilioAddress } from '../../contact/phoneNumbers'
import { type ConversationReferenceStore, rememberConversations, sealedAddressKey } from '../conversationReferences'

/** What Twilio posts for one inbound SMS or WhatsApp message (the fields this service reads). */
export interface TwilioInbound {
  messageSid: string
  channelId: MessagingChannel
  /** E.164, without the whatsapp: prefix. Never logged. */
  number: string
  body: string
  mediaCount: number
}

const repliesKey = Symbol('twilioReplies')
const addressKey = Symbol('twilioAddress')

/** The conversation id for a number: a keyed hash, so ids and logs never show the number. */
export function conversationIdFor(channelId: MessagingChannel, number: string, hasher: AddressHasher): string {
  return `${channelId}_${hasher.hashNumber(number)}`
}

/** How a text leaves: Twilio (the number people text) or GOV.UK Notify. Throws an error that names no number. */
export interface TextSender {
  readonly route: 'twilio' | 'notify_sms'
  sendSms(to: string, body: string, idempotencyKey: string): Promise<string>
}

/** A conversation with a number, for a proactive text. The number is held in memory only, never stored in the reference. */
export interface TextReference extends Partial<ConversationReference> {
  address: string
}

/**
 * SMS and WhatsApp as a Bot Framework adapter. An inbound text (Twilio's webhook) becomes an activity; the bot's
 * replies come back to the webhook as texts, to answer in the same HTTP response as TwiML. A proactive text
 * (continueConversation) goes out through the text sender.
 */
export class TwilioAdapter extends BotAdapter {
  private readonly hasher: AddressHasher
  private readonly cipher: ContactCipher
  private readonly clock: Clock
  private readonly sender: TextSender | undefined

  constructor(dependencies: {
    hasher: AddressHasher
    cipher: ContactCipher
    clock: Clock
    logger: Logger
    conversations: ConversationReferenceStore
    /** Undefined when neither Twilio nor Notify's SMS is set up: proactive texts then fail, replies still work. */
    sender: TextSender | undefined
  }) {
    super()
    this.hasher = dependencies.hasher
    this.cipher = dependencies.cipher
    this.clock = dependencies.clock
    this.sender = dependencies.sender
    this.use(rememberConversations(dependencies.conversations, dependencies.logger))
    this.onTurnError = apologiseOnTurnError(dependencies.logger, 'sms')
  }

  /** Which provider proactive texts leave by; undefined when texts cannot be sent. */
  get route(): TextSender['route'] | undefined {
    return this.sender?.route
  }

  activityFor(inbound: TwilioInbound): Partial<Activity> {
    const conversationId = conversationIdFor(inbound.channelId, inbound.number, this.hasher)
    return {
      type: ActivityTypes.Message,
      id: inbound.messageSid,
      channelId: inbound.channelId,
      serviceUrl: `urn:twilio:${inbound.channelId}`,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: inbound.channelId },
      from: { id: conversationId, name: 'person', role: 'user' },
      recipient: botAccount,
      text: inbound.body,
      textFormat: 'plain',
      locale: 'en-GB',
      timestamp: this.clock.now(),
      channelData: { mediaCount: inbound.mediaCount },
    }
  }

  /**
   * Runs the bot for one inbound message and returns its replies as the texts to send, split once. The number is
   * sealed into the turn, so the conversation reference keeps it for later updates.
   */
  async processInbound(inbound: TwilioInbound, logic: (context: TurnContext) => Promise<void>): Promise<string[]> {
    const context = new TurnContext(this, this.activityFor(inbound))
    const replies: string[] = []
    context.turnState.set(repliesKey, replies)
    context.turnState.set(sealedAddressKey, this.cipher.encrypt({ phone: twilioAddress(inbound.channelId, inbound.number) }))
    await this.runMiddleware(context, logic)
    return textsForSms(replies)
  }

  /** The reference for a proactive text to a Twilio address ("+44…" or "whatsapp:+44…"). */
  referenceFor(address: string): TextReference {
    const { channelId, number } = parseTwilioAddress(address)
    const conversationId = conversationIdFor(channelId, number, this.hasher)
    return {
      address: twilioAddress(channelId, number),
      channelId,
      serviceUrl: `urn:twilio:${channelId}`,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: channelId },
      user: { id: conversationId, name: 'person', role: 'user' },
      bot: botAccount,
    }
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = context.turnState.get(repliesKey) as string[] | undefined
    const address = context.turnState.get(addressKey) as string | undefined
    const responses: ResourceResponse[] = []
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message || !activity.text) {
        responses.push({ id: '' })
      } else if (replies) {
        replies.push(activity.text)
        responses.push({ id: `${context.activity.id ?? 'reply'}-${replies.length}` })
      } else if (address && this.sender) {
        // A proactive text goes out as it is: the caller split it (textsForSms) and names each part (its id), so a
        // retry of a half-sent update starts after the last part sent, and Notify takes each part once.
        responses.push({ id: await this.sender.sendSms(address, activity.text, activity.id ?? crypto.randomUUID()) })
      } else {
        throw new Error(address ? 'Text messages are not set up (Twilio or NOTIFY_SMS_TEMPLATE_ID)' : 'Texts can only be sent within a webhook or to a reference from referenceFor')
      }
    }
    return responses
  }

  override async updateActivity(): Promise<void> {
    // A text message cannot be changed once sent.
  }

  override async deleteActivity(): Promise<void> {
    // A text message cannot be taken back once sent.
  }

  /** A proactive text: what `logic` sends goes to the reference's number (see referenceFor). */
  override async continueConversation(reference: Partial<TextReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const { address, ...conversation } = reference
    const context = new TurnContext(this, TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, conversation, true))
    if (address) context.turnState.set(addressKey, address)
    await this.runMiddleware(context, logic)
  }
}
