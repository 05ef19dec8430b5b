import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp } from './app'
import { type Clock, systemClock } from './clock'
import type { Config } from './config'
import { type Database, openDatabase, prepareCollections } from './data/database'
import { languageIdentifier } from './i18n/languageIdentifier'
import type { Logger } from './logger'
import { createServices, type Services } from './composition'
import { warmUpClassification } from './classification'
import { checkSealedData, type SealedDataCheck } from './contact/contactEncryption'

export interface RunningService {
  url: string
  server: http.Server
  database: Database
  services: Services
  /** The start-up check that this instance's key opens the data already stored (it runs after listening starts). */
  sealedDataCheck: Promise<SealedDataCheck>
  /** Stops accepting, lets in-flight requests finish, then closes the database. */
  stop(): Promise<void>
}

const drainTimeoutMs = 7000

export async function startService(config: Config, logger: Logger, clock: Clock = systemClock): Promise<RunningService> {
  const database = await openDatabase(config, logger)
  const services = createServices(config, logger, database.connection, clock)
  // Ready before the first request, so the first urgent concern after a start does not wait for them. Each is only a
  // head start: what fails here is done again when first needed.
  warmUpClassification()
  const warmUpFailed = (what: string) => (error: unknown) => logger.warn({ errorName: (error as Error)?.name }, `${what} was not ready at start-up; it is tried again when needed`)
  await Promise.all([
    prepareCollections(database.connection)
      .then(() => services.directory.prepare())
      .catch(warmUpFailed('the database')),
    languageIdentifier().catch(warmUpFailed('the language identifier')),
  ])
  let readinessProblem: string | undefined
  const app = createApp(services, database, () => readinessProblem)
  const server = http.createServer(app)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.PORT, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const metricsServer = config.METRICS_PORT ? await services.metrics.listen(config.METRICS_PORT) : undefined
  for (const worker of services.workers) worker.start()
  logger.info({ port }, 'service listening')
  const sealedDataCheck = checkSealedData(database.connection, services.contactCipher).then(
    result => {
      readinessProblem = result.problem
      if (result.problem) logger.error({ checked: result.checked, unreadable: result.unreadable }, result.problem)
      return result
    },
    error => {
      logger.warn({ errorName: (error as Error)?.name }, 'could not check that stored sealed data opens with this key')
      return { checked: 0, unreadable: 0 }
    },
  )

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>(resolve => server.close(() => resolve()))
      // Keep-alive connections become idle as their last response ends; close each as soon as it does.
      const closeIdle = setInterval(() => server.closeIdleConnections(), 100)
      server.closeIdleConnections()
      const forced = setTimeout(() => server.closeAllConnections(), drainTimeoutMs)
      await closed
      await sealedDataCheck
      metricsServer?.closeAllConnections()
      await new Promise<void>(resolve => (metricsServer ? metricsServer.close(() => resolve()) : resolve()))
      clearInterval(closeIdle)
      clearTimeout(forced)
      await Promise.all(services.workers.map(worker => worker.stop()))
      await database.close()
    })()
    return stopping
  }

  return { url: `http://127.0.0.1:${port}`, server, database, services, sealedDataCheck, stop }
}
