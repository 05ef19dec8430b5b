import { ActivityTypes, type ChannelAccount, type TurnContext } from 'botbuilder'
import { loggableError, type Logger } from '../logger'

/** The bot as every channel names it, in transcripts, texts and proactive messages alike. */
export const botAccount: ChannelAccount = { id: 'feedback-bot', name: 'Share your experience of care', role: 'bot' }

/** What the person is told when their turn failed on our side (one text, for every channel to translate once). */
export const turnFailedApology = 'Sorry, something went wrong on our side. Please send your last message again.'

/** An adapter's onTurnError: log without the person's words, then apologise; a failed apology is logged too. */
export function apologiseOnTurnError(logger: Logger, channel: string) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error({ ...loggableError(error), channel, channelId: context.activity.channelId }, 'turn failed')
    try {
      await context.sendActivity({ type: ActivityTypes.Message, text: turnFailedApology, textFormat: 'plain' })
    } catch (sendError) {
      logger.error({ ...loggableError(sendError), channel }, 'could not send the apology')
    }
  }
}
