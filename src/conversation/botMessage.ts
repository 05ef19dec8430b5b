import { ActionTypes, type Activity, ActivityTypes, CardFactory } from 'botbuilder'
import { smsPartLimit } from './smsSegments'

/**
 * What a dialog says, independent of the channel: text, optional choices and an optional summary card.
 * One renderer per channel turns it into activities: suggested actions for web chat and Direct Line,
 * numbered plain text for SMS and WhatsApp, an Adaptive Card for Teams.
 */
export interface BotChoice {
  /** Stable value stored in the record, e.g. "family_friend_carer". */
  value: string
  /** What the person sees, e.g. "Family, friend or carer". */
  label: string
  /** Other words people use for it; the number and the label are always accepted too. */
  synonyms?: string[]
}

export interface BotSummary {
  title: string
  rows: { label: string; value: string }[]
}

export interface BotMessage {
  text: string
  choices?: BotChoice[]
  summary?: BotSummary
}

export type ChannelRenderer = (message: BotMessage) => Partial<Activity>[]

const smsMessageLimit = 1600

function summaryAsText(summary: BotSummary): string {
  return [summary.title, ...summary.rows.map(row => `${row.label}: ${row.value}`)].join('\n')
}

/** The last good place to cut `window`: a paragraph or line break, then a sentence end, then a space. */
function cutPoint(window: string, limit: number): number {
  const half = limit / 2
  const lineBreak = window.lastIndexOf('\n')
  if (lineBreak > half) return lineBreak
  const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '))
  if (sentenceEnd > half) return sentenceEnd + 1
  const space = window.lastIndexOf(' ')
  if (space > half) return space
  // No good place: cut at the limit, but never between the two halves of an emoji or other surrogate pair.
  const last = window.charCodeAt(limit - 1)
  return last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit
}

/**
 * Splits long text on paragraph, line or sentence boundaries so no part is longer than the limit: 1600
 * characters, or 670 when the text needs UCS-2 (Welsh, Polish, Urdu and other non-GSM text), 10 segments.
 */
export function splitForSms(text: string, limit = Math.min(smsMessageLimit, smsPartLimit(text))): string[] {
  const parts: string[] = []
  let rest = text.trim()
  while (rest.length > limit) {
    const at = cutPoint(rest.slice(0, limit), limit)
    parts.push(rest.slice(0, at).trim())
    rest = rest.slice(at).trim()
  }
  if (rest) parts.push(rest)
  return parts
}

export const renderForWebChat: ChannelRenderer = message => {
  const activities: Partial<Activity>[] = []
  if (message.summary) {
    activities.push({ type: ActivityTypes.Message, text: summaryAsText(message.summary), textFormat: 'plain' })
  }
  activities.push({
    type: ActivityTypes.Message,
    text: message.text,
    textFormat: 'plain',
    suggestedActions: message.choices?.length
      ? {
          to: [],
          actions: message.choices.map((choice, index) => ({
            type: ActionTypes.ImBack,
            title: `${index + 1}. ${choice.label}`,
            value: choice.label,
          })),
        }
      : undefined,
  })
  return activities
}

/**
 * SMS and WhatsApp: the summary as lines, the text, then the choices as numbered lines (a reply of one digit is
 * enough; words work too, and HELP says so). One plain activity per message: the adapter joins a turn's replies
 * with `textsForSms`, so they are split once, as few texts as the encoding allows.
 */
export const renderForSms: ChannelRenderer = message => {
  const lines = [message.summary ? summaryAsText(message.summary) : '', message.text]
  if (message.choices?.length) lines.push(message.choices.map((choice, index) => `${index + 1} ${choice.label}`).join('\n'))
  return [{ type: ActivityTypes.Message, text: lines.filter(Boolean).join('\n\n'), textFormat: 'plain' }]
}

/** The texts to send for a turn's SMS replies: joined, then split within one message's limit for their encoding. */
export function textsForSms(replies: readonly string[]): string[] {
  const text = replies.filter(Boolean).join('\n\n')
  return text ? splitForSms(text) : []
}

export const renderAsAdaptiveCard: ChannelRenderer = message => {
  const body: object[] = []
  if (message.summary) {
    body.push({ type: 'TextBlock', text: message.summary.title, weight: 'Bolder', wrap: true })
    body.push({ type: 'FactSet', facts: message.summary.rows.map(row => ({ title: row.label, value: row.value })) })
  }
  body.push({ type: 'TextBlock', text: message.text, wrap: true })
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    fallbackText: [message.text, ...(message.choices ?? []).map((choice, index) => `${index + 1} ${choice.label}`)].join('\n'),
    body,
    actions: (message.choices ?? []).map((choice, index) => ({
      type: 'Action.Submit',
      title: `${index + 1}. ${choice.label}`,
      data: { msteams: { type: 'imBack', value: choice.label } },
    })),
  })
  // The card holds the text; `summary` is what Teams shows in notifications and the activity feed.
  return [{ type: ActivityTypes.Message, summary: message.text, attachments: [card] }]
}

/** Teams: plain text when there is nothing but text (simplest for screen readers), a card for choices or a summary. */
export const renderForTeams: ChannelRenderer = message =>
  message.choices?.length || message.summary
    ? renderAsAdaptiveCard(message)
    : [{ type: ActivityTypes.Message, text: message.text, textFormat: 'plain' }]

const renderers: Record<string, ChannelRenderer> = {
  sms: renderForSms,
  whatsapp: renderForSms,
  msteams: renderForTeams,
}

export function rendererFor(channelId: string | undefined): ChannelRenderer {
  return (channelId && renderers[channelId]) || renderForWebChat
}
