import type { Connection } from 'mongoose'
import type { Clock } from '../../src/clock'
import { createServices, type Services } from '../../src/composition'
import { loadConfig } from '../../src/config'
import { findFreePort } from '../../src/data/embeddedDatabase'
import { createLogger } from '../../src/logger'
import { type RunningService, startService } from '../../src/service'
import { startTwilioFake, type TwilioFake, twilioSettings } from '../fakes/twilioFake'
import { testDatabaseUri } from './database'
import { startedForThisFile } from './forThisFile'
import { scratchFolder } from './scratchFolder'

/** The lowest bcrypt work factor: a sign-in in a test then costs milliseconds, not half a second (production refuses below 12). */
export const quickPasswordHashing = '4'

type Settings = Record<string, string>

/**
 * The service's objects from its composition root, on a test database and optionally a test's clock, without the
 * HTTP server and with no worker started: the test runs each step itself, when it chooses.
 */
export function createTestServices(connection: Connection, env: Settings = {}, clock?: Clock): Services {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: scratchFolder('services'), PASSWORD_HASH_COST: quickPasswordHashing, ...env })
  return createServices(config, createLogger(config.LOG_LEVEL), connection, clock)
}

/** The whole service, in this test process, on the shared test FerretDB and a free port; optionally on a test's clock. */
export async function startTestService(env: Settings = {}, clock?: Clock): Promise<RunningService> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: String(await findFreePort()),
    DATA_DIR: scratchFolder('service'),
    MONGODB_URI: testDatabaseUri(),
    // Tests change cases behind the console's back: read the queue afresh on every request.
    CONSOLE_QUEUE_REFRESH_SECONDS: '0',
    PASSWORD_HASH_COST: quickPasswordHashing,
    ...env,
  })
  return startService(config, createLogger(config.LOG_LEVEL), clock)
}

/**
 * One service for this test file's tests, started before them and stopped after them. `env` may be a function,
 * for settings that name something else this file starts (a fake's URL is known only once it has started).
 */
export function testServiceForThisFile(env: Settings | (() => Settings) = {}, clock?: Clock): RunningService {
  return startedForThisFile(() => startTestService(typeof env === 'function' ? env() : env, clock))
}

/** This file's service, with Twilio pointed at a fake of its own: text messages both ways. */
export function testServiceWithTwilioForThisFile(env: Settings | (() => Settings) = {}, clock?: Clock): { service: RunningService; twilioFake: TwilioFake } {
  const twilioFake = startedForThisFile(() => startTwilioFake())
  const service = testServiceForThisFile(() => ({ ...(typeof env === 'function' ? env() : env), ...twilioSettings(twilioFake) }), clock)
  return { service, twilioFake }
}
