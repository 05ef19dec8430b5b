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
import { createFeedbackBot } from './bot/feedbackBot'
import { gateTurns } from './bot/turnGate'
import { directLineRoutes } from './directline'
import publicPages from './routes/publicPages'
import channelRoutes from './channels/routes'
import type { Services } from './services'

export const serviceName = 'Share your experience of care'
/** Turns using the database at once; more wait in memory (see bot/turnGate.ts). */
const maxConcurrentTurns = 16

/** The express app, composed from small set-up middlewares (hmpps-template-typescript style). */
export function createApp(services: Services, database: ReadinessCheck): express.Express {
  const { logger } = services
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 1)

  app.use(setUpRequestLogging(logger))
  app.use(setUpHealthChecks(database))
  if (services.config.METRICS_TOKEN) app.get('/metrics', services.metrics.handler(services.config.METRICS_TOKEN))
  app.use(setUpSecurity())
  app.use(setUpStaticResources())
  setUpNunjucks(app, serviceName)

  // One bot for every channel: its state lives in the database, so each channel sees the same conversation logic.
  const bot = services.metrics.instrumentBot(gateTurns(createFeedbackBot(services), maxConcurrentTurns))
  app.use(publicPages(services))
  app.use(directLineRoutes(services, bot))

  app.use(intakeRoutes(services))
  const secureCookies = services.config.PUBLIC_BASE_URL.startsWith('https:')
  app.use(['/api/cases', '/api/signals', '/api/signals.csv'], setUpWebSession(services.sessionSecret, secureCookies, { createIfMissing: false }))
  app.use(['/api/cases', '/api/signals', '/api/signals.csv'], setUpAuthentication(services.users, services.sessionSecret))
  app.use(caseRoutes(services))
  app.use('/console', setUpWebSession(services.sessionSecret, secureCookies, { createIfMissing: true }), express.urlencoded({ extended: false, limit: '100kb' }))
  app.use('/console', setUpCsrf(services.sessionSecret), setUpAuthentication(services.users, services.sessionSecret))
  app.use(signalsRoutes(services))
  app.use('/console', consoleRoutes(services))
  app.use('/console', privacyConsoleRoutes(services))

  app.use(channelRoutes(services, bot))

  app.use(notFound)
  app.use(errorHandler)
  return app
}
