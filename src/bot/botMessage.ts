import { ActionTypes, type Activity, ActivityTypes, CardFactory } from 'botbuilder'

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

/** Splits long text on paragraph or sentence boundaries so no part is longer than the limit. */
export function splitForSms(text: string, limit = smsMessageLimit): string[] {
  const parts: string[] = []
  let rest = text.trim()
  while (rest.length > limit) {
    const window = rest.slice(0, limit)
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' '))
    const at = cut > limit / 2 ? cut : limit
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

export const renderAsNumberedText: ChannelRenderer = message => {
  const lines = [message.summary ? summaryAsText(message.summary) : '', message.text]
  if (message.choices?.length) {
    lines.push(message.choices.map((choice, index) => `${index + 1} ${choice.label}`).join('\n'))
    lines.push('Reply with a number or a word.')
  }
  const text = lines.filter(Boolean).join('\n\n')
  return splitForSms(text).map(part => ({ type: ActivityTypes.Message, text: part, textFormat: 'plain' }))
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
    body,
    actions: (message.choices ?? []).map(choice => ({ type: 'Action.Submit', title: choice.label, data: { msteams: { type: 'imBack', value: choice.label } } })),
  })
  return [{ type: ActivityTypes.Message, text: message.choices?.length ? undefined : message.text, attachments: [card] }]
}

const renderers: Record<string, ChannelRenderer> = {
  sms: renderAsNumberedText,
  whatsapp: renderAsNumberedText,
  msteams: renderAsAdaptiveCard,
}

export function rendererFor(channelId: string | undefined): ChannelRenderer {
  return (channelId && renderers[channelId]) || renderForWebChat
}
