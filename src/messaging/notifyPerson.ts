import crypto from 'node:crypto'
import { type Activity, ActivityTypes, type ConversationReference } from 'botbuilder'
import type { Connection } from 'mongoose'
import { type BotMessage, rendererFor, renderForSms, textsForSms } from '../conversation/botMessage'
import type { ConversationReferenceStore } from '../channels/conversationReferences'
import { parseTwilioAddress } from '../contact/phoneNumbers'
import { sendProactively } from '../channels/proactive'
import type { TwilioAdapter } from '../channels/sms/twilioAdapter'
import { UnknownConversationError, webChatChannelId } from '../channels/webchat/directLineChannel'
import type { SmsOptOutStore } from '../channels/sms/smsOptOuts'
import type { Clock } from '../clock'
import {
  type Delivery,
  type DeliveryModel,
  type DeliveryRoute,
  type DeliveryStatus,
  deliveryModel,
} from '../data/models/delivery'
import { type FeedbackDocument, type FeedbackModel, feedbackModel } from '../data/models/feedback'
import type { Logger } from '../logger'
import type { ContactCipher } from '../contact/contactEncryption'
import { DeliveryError, type EmailSender } from './deliveryProviders'
import { normaliseFeedbackReference } from '../feedback/feedbackReference'
import { type Decision, Outbox, type TryOutcome } from '../data/work/outbox'
import type { WorkQueue } from '../data/work/workQueue'

/** Work kind in the hot queue for deliveries waiting to be (re)tried. */
export const deliveryWork = 'delivery'

/** What an inspector (or the service) tells a person about their feedback. */
export interface PersonMessage {
  text: string
  /** Sent instead of text to people who asked for easy read. */
  easyReadText?: string
  /** Email subject; a plain default names the reference. */
  subject?: string
}

export type NotifyPerson = (feedbackReference: string, message: PersonMessage) => Promise<Delivery>

/**
 * How a person is reached again on a chat channel: each through its adapter's continueConversation, with the
 * activities that channel's one renderer made. Each returns the provider's id for the last activity sent.
 */
export interface ChatSenders {
  /** This service's web chat (Direct Line): the update lands in the conversation's transcript. */
  webChat: (conversationId: string, activities: readonly Partial<Activity>[]) => Promise<string>
  /** Teams, the Emulator, Azure's Direct Line …: the Bot Framework, on a stored reference. */
  botFramework: (reference: Partial<ConversationReference>, activities: readonly Partial<Activity>[]) => Promise<string>
}

/** SMS and WhatsApp: the text adapter (src/channels/sms/twilioAdapter.ts). */
export type TextChannel = Pick<TwilioAdapter, 'route' | 'referenceFor' | 'continueConversation'>

export interface DeliveryServiceDependencies {
  connection: Connection
  /** The shared work queue. */
  queue: WorkQueue
  clock: Clock
  logger: Logger
  contactCipher: ContactCipher
  optOuts: SmsOptOutStore
  conversations: ConversationReferenceStore
  /** Texts, for people who asked for them and for SMS and WhatsApp conversations. */
  texts: TextChannel
  email?: EmailSender
  chat: ChatSenders
}

/** Whether a delivery is to be tried now, later (a retry's time, or a crashed sender's claim running out), or never again. */
function readiness(delivery: Delivery, now: Date): 'ready' | 'finished' | Date {
  if (delivery.status === 'queued') return !delivery.nextAttemptAt || delivery.nextAttemptAt <= now ? 'ready' : delivery.nextAttemptAt
  if (delivery.status === 'sending') return !delivery.claimedUntil || delivery.claimedUntil <= now ? 'ready' : delivery.claimedUntil
  return 'finished'
}

/** Waits before each retry: 30 s, 2 min, 10 min, 30 min, 2 h; after the sixth try the delivery has failed. */
export const retryDelaysMs = [30_000, 120_000, 600_000, 1_800_000, 7_200_000]
export const maxAttempts = retryDelaysMs.length + 1
/** A claim older than this belongs to a process that died mid-send: the delivery is tried again. */
const claimLifetimeMs = 120_000

interface Destination {
  route: DeliveryRoute
  send(body: string, subject: string, idempotencyKey: string, partsSent: number, onPartSent: (parts: number) => Promise<void>): Promise<string>
}

function contactDetails(cipher: ContactCipher, feedback: FeedbackDocument): Record<string, string> {
  const sealed = feedback.contact?.sealedDetails
  if (!sealed) return {}
  try {
    return cipher.decrypt<Record<string, string>>(sealed)
  } catch {
    throw new DeliveryError('The contact details on the record cannot be read', false)
  }
}

/** "webchat:abc" → ['webchat', 'abc']; Teams ids contain colons, so only the first one splits. */
export function splitConversationKey(key: string): { channelId: string; conversationId: string } | undefined {
  const at = key.indexOf(':')
  if (at <= 0 || at === key.length - 1) return undefined
  return { channelId: key.slice(0, at), conversationId: key.slice(at + 1) }
}

/**
 * Delivers messages to people on the channel they chose, keeps every delivery and attempt, and retries with
 * backoff. Each attempt is claimed by inserting a lease keyed by the delivery (atomic on FerretDB and MongoDB,
 * unlike a conditional update), so any number of instances send each attempt once. Deliveries waiting to be tried
 * are items in the small work queue; the deliveries collection itself is only read by its key.
 */
export class DeliveryService {
  readonly deliveries: DeliveryModel
  private readonly feedback: FeedbackModel
  private readonly outbox: Outbox<Delivery>
  private readonly queue: WorkQueue
  constructor(
    private readonly deps: DeliveryServiceDependencies,
    /** Called with each attempt's result, for /metrics. */
    private readonly onResult: (route: string, result: string) => void = () => {},
  ) {
    this.deliveries = deliveryModel(deps.connection)
    this.feedback = feedbackModel(deps.connection)
    const queue = deps.queue
    this.queue = queue
    this.outbox = new Outbox<Delivery>(
      {
        kind: deliveryWork,
        leaseMs: claimLifetimeMs,
        key: delivery => delivery.deliveryId,
        load: deliveryId => this.deliveries.findOne({ deliveryId }).lean<Delivery>(),
        attempts: delivery => delivery.attemptCount,
        retryAfter: attempts => (attempts < maxAttempts ? retryDelaysMs[attempts - 1] : undefined),
        readiness: async (delivery, now) => readiness(delivery, now),
        send: delivery => this.send(delivery[0]!),
        record: (delivery, decision) => this.record(delivery, decision),
      },
      queue,
      deps.clock,
    )
  }

  /**
   * Records a message for the person behind a reference and delivers it on their chosen channel and format.
   * Resolves once the first attempt is over: the record says sent, queued (a retry is due), or why it was not sent.
   * Throws only when there is no feedback with that reference.
   */
  notifyPerson: NotifyPerson = async (feedbackReference, message) => {
    const reference = normaliseFeedbackReference(feedbackReference) ?? feedbackReference
    const feedback = await this.feedback.findOne({ reference })
    if (!feedback) throw new Error('No feedback with that reference')
    const method = feedback.contact?.method ?? 'anonymous'
    const format = feedback.contact?.format ?? (feedback.easyRead ? 'easy_read' : 'standard')
    const text = format === 'easy_read' && message.easyReadText?.trim() ? message.easyReadText : message.text
    const subject = message.subject?.trim() || `An update about your feedback ${reference}`

    const initial = this.initialStatus(method)
    const deliveryId = crypto.randomUUID()
    // Queued before it exists: a crash right after the insert still leaves work that finds it.
    if (initial.status === 'queued') await this.queue.enqueue(deliveryWork, deliveryId, this.deps.clock.now())
    const delivery = await this.deliveries.create({
      deliveryId,
      feedbackReference: reference,
      method,
      route: initial.route,
      format,
      subject,
      text,
      status: initial.status,
      attemptCount: 0,
      nextAttemptAt: initial.status === 'queued' ? this.deps.clock.now() : undefined,
    })
    if (delivery.status !== 'queued') {
      this.deps.logger.info({ deliveryId: delivery.deliveryId, status: delivery.status }, 'update kept without sending')
      return delivery.toObject()
    }
    return this.attempt(delivery.deliveryId)
  }

  private initialStatus(method: string): { status: DeliveryStatus; route: DeliveryRoute } {
    switch (method) {
      case 'anonymous':
        return { status: 'kept_for_reading', route: 'none' }
      case 'phone':
        return { status: 'needs_phone_call', route: 'none' }
      case 'sms':
        return { status: 'queued', route: this.deps.texts.route ?? 'twilio' }
      case 'email':
        return { status: 'queued', route: 'notify_email' }
      default:
        return { status: 'queued', route: 'botframework' }
    }
  }

  /** Deliveries that ran out of tries or could not be sent, newest first, for inspectors to act on. */
  async listFailedDeliveries(options: { limit?: number; feedbackReference?: string } = {}): Promise<Delivery[]> {
    const filter: Record<string, unknown> = { status: 'failed' }
    if (options.feedbackReference) filter.feedbackReference = options.feedbackReference
    return this.deliveries
      .find(filter)
      .sort({ failedAt: -1 })
      .limit(options.limit ?? 200)
      .lean<Delivery[]>()
  }

  async listDeliveriesFor(feedbackReference: string): Promise<Delivery[]> {
    return this.deliveries.find({ feedbackReference }).sort({ createdAt: 1 }).lean<Delivery[]>()
  }

  /** Tries every delivery that is due (a retry whose time has come, or a claim left by a crashed process). */
  processDue(limit = 20): Promise<number> {
    return this.outbox.deliverDue(limit)
  }

  /** One attempt at one delivery, if this instance wins the claim for it. Never throws for a provider's failure. */
  async attempt(deliveryId: string): Promise<Delivery> {
    await this.outbox.tryNow(deliveryId)
    const delivery = await this.deliveries.findOne({ deliveryId }).lean<Delivery>()
    if (!delivery) throw new Error('No delivery with that id')
    return delivery
  }

  /** One try, under the engine's claim. Marked as sending first: a claim that outlives claimedUntil was lost in a crash. */
  private async send(delivery: Delivery): Promise<TryOutcome> {
    const now = this.deps.clock.now()
    const { logger } = this.deps
    await this.deliveries.updateOne(
      { deliveryId: delivery.deliveryId },
      { $set: { status: 'sending', claimToken: crypto.randomUUID(), claimedUntil: new Date(now.getTime() + claimLifetimeMs) }, $inc: { attemptCount: 1 } },
    )
    const attemptNumber = delivery.attemptCount + 1
    try {
      const feedback = await this.feedback.findOne({ reference: delivery.feedbackReference })
      if (!feedback) throw new DeliveryError('The feedback record is no longer there', false)
      const destination = await this.destinationFor(delivery, feedback)
      if (destination === 'opted_out') return { settled: 'opted_out' }
      const providerMessageId = await destination.send(delivery.text, delivery.subject ?? '', delivery.deliveryId, delivery.partsSent ?? 0, async parts => {
        await this.deliveries.updateOne({ deliveryId: delivery.deliveryId }, { $set: { partsSent: parts } })
      })
      logger.info({ deliveryId: delivery.deliveryId, route: destination.route, attempt: attemptNumber }, 'update delivered')
      return { sent: true, detail: { route: destination.route, providerMessageId } }
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('Unexpected error while sending')
      if (!(error instanceof DeliveryError)) {
        logger.error({ errorName: (error as Error)?.name, frames: (error as Error)?.stack?.split('\n').slice(1, 6).join('\n'), deliveryId: delivery.deliveryId }, 'delivery failed unexpectedly')
      }
      const retry = failure.retryable && attemptNumber < maxAttempts
      logger.warn({ deliveryId: delivery.deliveryId, attempt: attemptNumber, retry, reason: failure.message }, retry ? 'delivery attempt failed: will retry' : 'delivery failed: no more tries')
      return { sent: false, retryable: failure.retryable, reason: failure.message }
    }
  }

  /** The engine's decision on the delivery and its list of attempts. */
  private async record(delivery: Delivery, decision: Decision): Promise<void> {
    const at = this.deps.clock.now()
    const attemptNumber = delivery.attemptCount + 1
    const sent = decision.result === 'sent' ? (decision.detail as { route: DeliveryRoute; providerMessageId: string }) : undefined
    const error = decision.result === 'retry' || decision.result === 'gave-up' ? decision.reason : undefined
    const status: DeliveryStatus =
      decision.result === 'sent' ? 'sent' : decision.result === 'retry' ? 'queued' : decision.result === 'gave-up' ? 'failed' : (decision.detail as DeliveryStatus)
    const set: Record<string, unknown> = { status }
    if (sent) Object.assign(set, { route: sent.route, sentAt: at, providerMessageId: sent.providerMessageId })
    if (status === 'failed') set.failedAt = at
    if (error) set.lastError = error
    if (decision.result === 'retry') set.nextAttemptAt = decision.retryAt
    const unset: Record<string, 1> = { claimToken: 1, claimedUntil: 1 }
    if (decision.result !== 'retry') unset.nextAttemptAt = 1
    const attempt = { number: attemptNumber, at, outcome: error ? 'error' : 'sent', ...(error ? { error } : {}), ...(sent?.providerMessageId ? { providerMessageId: sent.providerMessageId } : {}) }
    await this.deliveries.updateOne(
      // Only the claim holder gets here, so the key alone is the filter (a second field would mean a scan).
      { deliveryId: delivery.deliveryId },
      { $set: set, $unset: unset, ...(status === 'opted_out' ? {} : { $push: { attempts: attempt } }) },
    )
    this.onResult(sent?.route ?? delivery.route, status)
  }

  private async destinationFor(delivery: Pick<Delivery, 'method'>, feedback: FeedbackDocument): Promise<Destination | 'opted_out'> {
    const { deps } = this
    if (delivery.method === 'email') {
      const email = contactDetails(deps.contactCipher, feedback).email
      if (!email) throw new DeliveryError('There is no email address on the record', false)
      const sender = deps.email
      if (!sender) throw new DeliveryError('Email is not set up (NOTIFY_API_KEY and NOTIFY_EMAIL_TEMPLATE_ID)', false)
      return { route: 'notify_email', send: (body, subject, key) => sender.sendEmail(email, subject, body, key) }
    }
    if (delivery.method === 'sms') {
      const details = contactDetails(deps.contactCipher, feedback)
      const phone = details.phone ?? details.mobile ?? details.sms
      if (!phone) throw new DeliveryError('There is no phone number on the record', false)
      return this.smsDestination(phone)
    }
    if (delivery.method === 'chat') return this.chatDestination(feedback)
    throw new DeliveryError(`Nothing can be sent for the contact method "${delivery.method}"`, false)
  }

  private async smsDestination(address: string): Promise<Destination | 'opted_out'> {
    const { number } = parseTwilioAddress(address)
    if (await this.deps.optOuts.isOptedOut(number)) return 'opted_out'
    const texts = this.deps.texts
    const route = texts.route
    if (!route) throw new DeliveryError('Text messages are not set up (Twilio or NOTIFY_SMS_TEMPLATE_ID)', false)
    return {
      route,
      send(body, _subject, key, partsSent, onPartSent) {
        const parts = textsForSms(renderForSms({ text: body }).map(activity => activity.text ?? ''))
        // Each part is named by the delivery, so a retry resumes after the last part sent and Notify takes each once.
        const activities = parts.map((text, index) => ({ type: ActivityTypes.Message, id: parts.length > 1 ? `${key}-${index + 1}` : key, text }))
        return sendProactively(
          (reference, logic) => texts.continueConversation(reference, logic),
          texts.referenceFor(address),
          activities.slice(partsSent),
          async sent => onPartSent(partsSent + sent),
        )
      },
    }
  }

  private async chatDestination(feedback: FeedbackDocument): Promise<Destination | 'opted_out'> {
    const conversation = feedback.conversationKey ? splitConversationKey(feedback.conversationKey) : undefined
    if (!conversation) throw new DeliveryError('The record has no chat conversation to reply to', false)
    const { channelId, conversationId } = conversation
    const remembered = await this.deps.conversations.find(channelId, conversationId)
    if (channelId === 'sms' || channelId === 'whatsapp') {
      if (!remembered?.sealedAddress) throw new DeliveryError('The text conversation has no stored number', false)
      const { phone } = this.deps.contactCipher.decrypt<{ phone: string }>(remembered.sealedAddress)
      return this.smsDestination(phone)
    }
    const activities = (body: string) => rendererFor(remembered?.reference.channelId ?? channelId)({ text: body } satisfies BotMessage)
    if (channelId === webChatChannelId) {
      const webChat = this.deps.chat.webChat
      return {
        route: 'directline',
        async send(body) {
          try {
            return await webChat(conversationId, activities(body))
          } catch (error) {
            if (error instanceof UnknownConversationError) throw new DeliveryError('The web chat conversation has ended; the update can be read with the reference', false)
            throw error
          }
        },
      }
    }
    const botFramework = this.deps.chat.botFramework
    if (!remembered) throw new DeliveryError('The chat conversation cannot be reached again (no stored reference)', false)
    return { route: 'botframework', send: body => botFramework(remembered.reference, activities(body)) }
  }
}
