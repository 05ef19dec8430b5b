import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder'
import type { TranscriptStore } from './transcriptStore'
import type { Logger } from '../../logger'
import { apologiseOnTurnError } from '../../conversation/turnFailure'
import { type ConversationReferenceStore, rememberConversations } from '../conversationReferences'

export type BotLogic = (context: TurnContext) => Promise<void>

/** Activities that are for the adapter or the emulator, never for the person reading the chat. */
const notForTheTranscript = new Set<string>(['delay', ActivityTypes.InvokeResponse, ActivityTypes.Trace])

/**
 * Runs the bot for one incoming Direct Line activity and, instead of posting replies to a connector
 * service, appends them to the conversation's transcript, where the client's next GET finds them.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly transcripts: TranscriptStore,
    logger: Logger,
    conversations: ConversationReferenceStore,
  ) {
    super()
    // Remember where each web chat conversation is, like every other channel, so notifyPerson can reach it later.
    this.use(rememberConversations(conversations, logger))
    this.onTurnError = apologiseOnTurnError(logger, 'webchat')
  }

  async processActivity(activity: Partial<Activity>, logic: BotLogic): Promise<void> {
    const context = new TurnContext(this, activity)
    await this.runMiddleware(context, logic)
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = []
    for (const activity of activities) {
      if (activity.type && notForTheTranscript.has(activity.type)) {
        responses.push({ id: '' })
        continue
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id
      const stored = await this.transcripts.append(conversationId, activity)
      responses.push({ id: stored.id ?? '' })
    }
    return responses
  }

  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversationId = activity.conversation?.id ?? context.activity.conversation.id
    if (!activity.id || !(await this.transcripts.replace(conversationId, activity.id, activity))) {
      throw new Error('There is no such activity to update in this conversation')
    }
    return { id: activity.id }
  }

  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation.id
    if (reference.activityId) await this.transcripts.remove(conversationId, reference.activityId)
  }

  /** Proactive messages (for example an update on someone's feedback) land in the same transcript. */
  async continueConversation(reference: Partial<ConversationReference>, logic: BotLogic): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true)
    await this.processActivity(activity, logic)
  }
}
