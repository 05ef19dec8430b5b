import type { TurnContext } from 'botbuilder'
import { type BotMessage, rendererFor } from '../src/conversation/botMessage'

/** The one way the bot speaks: channel-neutral messages, rendered for the channel this turn came from. */
export async function sendBotMessages(context: TurnContext, messages: BotMessage[]): Promise<void> {
  const render = rendererFor(context.activity.channelId)
  const activities = messages.flatMap(message => render(message))
  if (activities.length) await context.sendActivities(activities)
}

export function say(text: string | string[]): BotMessage[] {
  return (Array.isArray(text) ? text : [text]).map(line => ({ text: line }))
}
