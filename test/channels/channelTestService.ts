import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Clock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { findFreePort } from '../../src/data/embeddedDatabase'
import { createLogger } from '../../src/logger'
import { type RunningService, startService } from '../../src/service'
import { testDatabaseUri } from '../helpers/database'

/** A clock the test moves by hand, so retry backoff is tested without waiting. */
export class ControlledClock implements Clock {
  constructor(private current = new Date('2026-11-25T10:00:00Z')) {}
  now(): Date {
    return new Date(this.current)
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }
}

/** The whole service in this process, like startTestService, but with a clock the test controls. */
export async function startChannelTestService(env: Record<string, string>, clock: Clock): Promise<RunningService> {
  const dataDir = fs.mkdtempSync(path.join(process.env.TEST_DATA_ROOT ?? os.tmpdir(), 'channels-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: String(await findFreePort()),
    DATA_DIR: dataDir,
    MONGODB_URI: testDatabaseUri(),
    ...env,
  })
  return startService(config, createLogger(config.LOG_LEVEL), clock)
}
