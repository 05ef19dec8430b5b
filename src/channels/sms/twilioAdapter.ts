import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder'
import { splitForSms } from '../../conversation/botMessage'
import type { Clock } from '../../clock'
import type { Logger } from '../../logger'
import type { AddressHasher, MessagingChannel } from '../../contact/phoneNumbers'

export const botAccount = { id: 'feedback-bot', name: 'Share your experience of care', role: 'bot' }

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

/** The conversation id for a number: a keyed hash, so ids and logs never show the number. */
export function conversationIdFor(channelId: MessagingChannel, number: string, hasher: AddressHasher): string {
  return `${channelId}_${hasher.hashNumber(number)}`
}

/**
 * Turns one Twilio message into a Bot Framework activity, runs the bot on it and hands back what the bot
 * said, so the webhook can answer in the same HTTP response as TwiML.
 */
export class TwilioAdapter extends BotAdapter {
  constructor(
    private readonly hasher: AddressHasher,
    private readonly clock: Clock,
    logger: Logger,
  ) {
    super()
    this.onTurnError = async (context, error) => {
      logger.error({ errorName: error?.name, channelId: context.activity.channelId }, 'text message turn failed')
      await context.sendActivity('Sorry, something went wrong on our side. Please send your last message again.')
    }
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

  /** Runs the bot for one inbound message and returns the bot's replies as they were sent. */
  async processInbound(inbound: TwilioInbound, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const context = new TurnContext(this, this.activityFor(inbound))
    const replies: Partial<Activity>[] = []
    context.turnState.set(repliesKey, replies)
    await this.runMiddleware(context, logic)
    return replies
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = context.turnState.get(repliesKey) as Partial<Activity>[] | undefined
    if (!replies) throw new Error('Twilio conversations can only be answered within a webhook; use notifyPerson to text later')
    const responses: ResourceResponse[] = []
    for (const activity of activities) {
      if (activity.type === ActivityTypes.Message) replies.push(activity)
      responses.push({ id: `${context.activity.id ?? 'reply'}-${replies.length}` })
    }
    return responses
  }

  override async updateActivity(): Promise<void> {
    // A text message cannot be changed once sent.
  }

  override async deleteActivity(): Promise<void> {
    // A text message cannot be taken back once sent.
  }

  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const context = new TurnContext(this, TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true))
    context.turnState.set(repliesKey, [])
    await this.runMiddleware(context, logic)
  }
}

/** Plain text for one reply: its text, any suggested actions as numbered lines, any card's text blocks. */
export function activityAsPlainText(activity: Partial<Activity>): string {
  const lines: string[] = []
  if (activity.text) lines.push(activity.text)
  for (const attachment of activity.attachments ?? []) {
    const content = attachment.content as { body?: { type?: string; text?: string; facts?: { title: string; value: string }[] }[] } | undefined
    for (const element of content?.body ?? []) {
      if (element.type === 'TextBlock' && element.text && element.text !== activity.text) lines.push(element.text)
      if (element.type === 'FactSet') lines.push(...(element.facts ?? []).map(fact => `${fact.title}: ${fact.value}`))
    }
  }
  const actions = activity.suggestedActions?.actions ?? []
  if (actions.length && !/^1[ .]/m.test(activity.text ?? '')) {
    lines.push(actions.map((action, index) => `${index + 1} ${String(action.title ?? action.value).replace(/^\d+\.\s*/, '')}`).join('\n'))
  }
  return lines.join('\n\n').trim()
}

/**
 * All of a turn's replies as few texts as possible: one message arrives in order, several may not.
 * Every part is at most 1600 characters, Twilio's limit for one message.
 */
export function repliesAsTextMessages(replies: Partial<Activity>[]): string[] {
  const text = replies.map(activityAsPlainText).filter(Boolean).join('\n\n')
  return text ? splitForSms(text) : []
}
