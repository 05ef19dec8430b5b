import express, { type Router } from 'express'
import {
  type Activity,
  type ActivityHandlerBase,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
} from 'botbuilder'
import { type BotMessage, renderAsAdaptiveCard } from '../bot/botMessage'
import type { Config } from '../config'
import type { Logger } from '../logger'

export const botFrameworkPath = '/api/messages'

const apology = 'Sorry, something went wrong on our side. Please send that again in a minute.'

/** Error details without the message, which could quote what the person typed. */
export function loggableError(error: unknown): object {
  if (!(error instanceof Error)) return { errorType: typeof error }
  return { errorName: error.name, frames: error.stack?.split('\n').slice(1, 6).join('\n') }
}

/**
 * The Azure Bot Service adapter (Teams, Messenger, Telegram, Azure's Direct Line). With no MicrosoftAppId it
 * accepts unauthenticated requests and replies without a token, which is what the Bot Framework Emulator needs.
 */
export function createCloudAdapter(config: Config, logger: Logger): CloudAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  })
  const adapter = new CloudAdapter(authentication)
  adapter.onTurnError = async (context, error) => {
    logger.error({ ...loggableError(error), channelId: context.activity.channelId }, 'Bot Framework turn failed')
    try {
      await context.sendActivity({ type: ActivityTypes.Message, text: apology, textFormat: 'plain' })
    } catch (sendError) {
      logger.error(loggableError(sendError), 'could not send the apology')
    }
  }
  return adapter
}

/** Sends activities into an existing conversation (a proactive message). Returns the id of the last one sent. */
export async function continueWithActivities(
  adapter: CloudAdapter,
  config: Config,
  reference: Partial<ConversationReference>,
  activities: Partial<Activity>[],
): Promise<string> {
  let lastId = ''
  await adapter.continueConversationAsync(config.MicrosoftAppId ?? '', reference, async context => {
    const responses = await context.sendActivities(activities)
    lastId = responses.at(-1)?.id ?? ''
  })
  return lastId
}

/** A Teams (or other Bot Framework) message to a known conversation, as an Adaptive Card: for on-call alerts. */
export function createProactiveMessageSender(adapter: CloudAdapter, config: Config) {
  return async function sendProactiveMessage(conversationReference: Partial<ConversationReference>, message: BotMessage): Promise<string> {
    return continueWithActivities(adapter, config, conversationReference, renderAsAdaptiveCard(message))
  }
}

/** POST /api/messages: the Bot Framework's messaging endpoint. */
export function botFrameworkRoutes(adapter: CloudAdapter, bot: () => Pick<ActivityHandlerBase, 'run'>): Router {
  const router = express.Router()
  router.post(botFrameworkPath, express.json({ limit: '1mb' }), async (req, res, next) => {
    try {
      await adapter.process(req, res, context => bot().run(context))
    } catch (error) {
      next(error)
    }
  })
  return router
}
