import express, { type Router } from 'express'
import type { ActivityHandlerBase } from 'botbuilder'
import type { Services } from '../composition'
import { botFrameworkRoutes } from './botframework/botFramework'
import { twilioWebhookRoutes } from './sms/twilioWebhook'

type Bot = Pick<ActivityHandlerBase, 'run'>

/**
 * The channels beyond this app's own web chat: POST /api/sms/twilio (SMS and WhatsApp) and POST /api/messages
 * (Azure Bot Service channels and the Bot Framework Emulator). Each mounts its own body parser.
 */
export default function channelRoutes(services: Services, bot: Bot | (() => Bot)): Router {
  const currentBot = typeof bot === 'function' ? bot : () => bot
  const router = express.Router()
  router.use(
    twilioWebhookRoutes({
      config: services.config,
      logger: services.logger,
      clock: services.clock,
      connection: services.connection,
      contactCipher: services.contactCipher,
      adapter: services.twilioAdapter,
      optOuts: services.smsOptOuts,
      conversations: services.conversationReferences,
      bot: currentBot,
    }),
  )
  router.use(botFrameworkRoutes(services.cloudAdapter, currentBot, { config: services.config, logger: services.logger }))
  return router
}
