import express from 'express'
import { errorHandler, notFound } from './middleware/errorHandlers'
import setUpHealthChecks, { type ReadinessCheck } from './middleware/setUpHealthChecks'
import setUpNunjucks from './middleware/setUpNunjucks'
import setUpRequestLogging from './middleware/setUpRequestLogging'
import setUpSecurity from './middleware/setUpSecurity'
import setUpStaticResources from './middleware/setUpStaticResources'
import setUpAuthentication from './middleware/setUpAuthentication'
import setUpWebSession from './middleware/setUpWebSession'
import setUpCsrf from './middleware/setUpCsrf'
import caseRoutes from './routes/cases'
import consoleRoutes from './routes/console'
import privacyConsoleRoutes from './routes/privacyConsole'
import intakeRoutes from './routes/intake'
import signalsRoutes from './routes/signals'
import { botFrameworkRoutes } from './channels/botframework/botFramework'
import { twilioWebhookRoutes } from './channels/sms/twilioWebhook'
import { directLineRoutes } from './channels/webchat'
import publicPages from './routes/publicPages'
import type { Services } from './composition'

export const serviceName = 'Share your experience of care'
/** The express app, composed from small set-up middlewares (hmpps-template-typescript style). */
export function createApp(services: Services, database: ReadinessCheck, readinessProblem?: () => string | undefined): express.Express {
  const { logger } = services
  const app = express()
  app.disable('x-powered-by')
  // Off unless the operator says how many proxies stand in front: otherwise X-Forwarded-For could be made up.
  app.set('trust proxy', services.config.TRUST_PROXY || false)

  app.use(setUpRequestLogging(logger))
  app.use(setUpHealthChecks(database, readinessProblem))
  if (services.config.METRICS_TOKEN) app.get('/metrics', services.metrics.handler(services.config.METRICS_TOKEN))
  app.use(setUpSecurity())
  app.use(setUpStaticResources())
  setUpNunjucks(app, serviceName)

  app.use(publicPages(services))
  app.use(directLineRoutes(services.directLine, services.config.RATE_LIMIT_PER_MINUTE))

  app.use(intakeRoutes(services))
  const secureCookies = services.config.PUBLIC_BASE_URL.startsWith('https:')
  const webSession = setUpWebSession(services.connection, services.sessionSecret, secureCookies)
  app.use(['/api/cases', '/api/signals', '/api/signals.csv'], webSession, setUpAuthentication(services.users))
  app.use(caseRoutes(services))
  app.use('/console', webSession, express.urlencoded({ extended: false, limit: '100kb' }))
  app.use('/console', setUpCsrf(), setUpAuthentication(services.users))
  app.use(signalsRoutes(services))
  app.use('/console', consoleRoutes(services))
  app.use('/console', privacyConsoleRoutes(services))

  // The channels beyond the web chat: POST /api/sms/twilio (SMS and WhatsApp) and POST /api/messages (Azure Bot
  // Service channels and the Bot Framework Emulator). Each mounts its own body parser. One bot for every channel.
  const bot = () => services.bot
  app.use(
    twilioWebhookRoutes({
      config: services.config,
      logger: services.logger,
      clock: services.clock,
      connection: services.connection,
      contactCipher: services.contactCipher,
      adapter: services.twilioAdapter,
      optOuts: services.smsOptOuts,
      bot,
    }),
  )
  app.use(botFrameworkRoutes(services.cloudAdapter, bot, { config: services.config, logger: services.logger }))

  app.use(notFound)
  app.use(errorHandler)
  return app
}
