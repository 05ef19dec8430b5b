import { ConfigError, loadConfig } from './config'
import { EmbeddedDatabaseError } from './data/embeddedDatabase'
import { createLogger } from './logger'
import { type RunningService, startService } from './service'

const shutdownDeadlineMs = 10_000

async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
  const logger = createLogger(config.LOG_LEVEL)

  let service: RunningService
  try {
    service = await startService(config, logger)
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError || error instanceof ConfigError || (error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      process.stderr.write(`${(error as Error).message}\n`)
      process.exit(1)
    }
    throw error
  }
  process.on('exit', () => service.database.embedded?.killNow())

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down')
    setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, shutdownDeadlineMs).unref()
    service.stop().then(
      () => process.exit(0),
      error => {
        logger.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

main().catch(error => {
  process.stderr.write(`The service could not start: ${(error as Error).message}\n`)
  process.exit(1)
})
