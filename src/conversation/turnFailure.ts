import { ActivityTypes, type ChannelAccount, type TurnContext } from 'botbuilder'
import { loggableError, type Logger } from '../logger'
import { translatorFor } from '../i18n/messages'
import { DEFAULT_LANGUAGE } from '../i18n/languages'

/** The bot as every channel names it, in transcripts, texts and proactive messages alike. */
export const botAccount: ChannelAccount = { id: 'feedback-bot', name: 'Share your experience of care', role: 'bot' }

/** What the person is told when their turn failed on our side: one message, from the message files. */
export function turnFailedApology(language: string = DEFAULT_LANGUAGE): string {
  return translatorFor(language, 'bot')('sms.failure')
}

/** An adapter's onTurnError: log without the person's words, then apologise; a failed apology is logged too. */
export function apologiseOnTurnError(logger: Logger, channel: string) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error({ ...loggableError(error), channel, channelId: context.activity.channelId }, 'turn failed')
    try {
      await context.sendActivity({ type: ActivityTypes.Message, text: turnFailedApology(), textFormat: 'plain' })
    } catch (sendError) {
      logger.error({ ...loggableError(sendError), channel }, 'could not send the apology')
    }
  }
}
