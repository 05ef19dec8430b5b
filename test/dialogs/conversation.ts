import { feedbackModel } from '../../src/data/models/feedback'
import { type Activity, type ActivityHandler, TestAdapter } from 'botbuilder'
import type { Connection } from 'mongoose'
import type { Clock } from '../../src/clock'
import { createFeedbackBot } from '../../src/bot/feedbackBot'
import type { Services } from '../../src/composition'
import { createTestServices } from '../helpers/service'

/** A fixed "now" so "yesterday" and "in March" normalise the same way on every run. */
export const testNow = new Date('2025-06-18T10:00:00Z')
export const fixedClock: Clock = { now: () => new Date(testNow) }

/** The service's objects on this test's database, at the fixed "now". */
export function testServices(connection: Connection, env: Record<string, string> = {}): Services {
  return createTestServices(connection, env, fixedClock)
}

/** What the bot said in one turn, as plain text (summaries, questions and the choices offered). */
export interface Reply {
  text: string
  choices: string[]
}

/**
 * One person talking to the bot through botbuilder's TestAdapter, on a given channel and conversation id.
 * Creating a second Conversation with the same ids on the same database simulates a restart.
 */
export class Conversation {
  readonly adapter: TestAdapter
  readonly bot: ActivityHandler

  constructor(
    readonly services: Services,
    readonly conversationId = `conv-${Math.random().toString(36).slice(2)}`,
    readonly channelId = 'webchat',
  ) {
    this.bot = createFeedbackBot(services)
    this.adapter = new TestAdapter(context => this.bot.run(context), {
      channelId,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'test' },
      // TestAdapter reads the person from `from` and the bot from `recipient`: one person per conversation id.
      from: { id: `user-${conversationId}`, name: 'person' },
      recipient: { id: 'bot', name: 'bot' },
    } as Partial<Activity>)
  }

  private drain(): Reply[] {
    return this.adapter.activeQueue.splice(0).map(activity => ({
      text: activity.text ?? JSON.stringify(activity.attachments ?? []),
      choices: (activity.suggestedActions?.actions ?? []).map(action => String(action.value)),
    }))
  }

  async say(text: string): Promise<Reply[]> {
    await this.adapter.receiveActivity(text)
    return this.drain()
  }

  async join(): Promise<Reply[]> {
    await this.adapter.receiveActivity({
      type: 'conversationUpdate',
      membersAdded: [{ id: `user-${this.conversationId}`, name: 'person' }],
    })
    return this.drain()
  }
}

export function allText(replies: Reply[]): string {
  return replies.map(reply => reply.text).join('\n')
}

/** The draft feedback record this conversation is writing, as stored in the database. */
export function draftOfConversation(connection: Connection, conversation: Conversation) {
  return feedbackModel(connection).findOne({ conversationKey: `${conversation.channelId}:${conversation.conversationId}` }).lean()
}
