import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Clock } from '../../src/clock'
import { loadConfig } from '../../src/config'
import { findFreePort } from '../../src/data/embeddedDatabase'
import { createLogger } from '../../src/logger'
import { type RunningService, startService } from '../../src/service'
import { testDatabaseUri } from './database'

/** The whole service, in this test process, on the shared test FerretDB and a free port; optionally on a test's clock. */
export async function startTestService(env: Record<string, string> = {}, clock?: Clock): Promise<RunningService> {
  const dataDir = fs.mkdtempSync(path.join(process.env.TEST_DATA_ROOT ?? os.tmpdir(), 'service-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: String(await findFreePort()),
    DATA_DIR: dataDir,
    MONGODB_URI: testDatabaseUri(),
    // Tests change cases behind the console's back: read the queue afresh on every request.
    CONSOLE_QUEUE_REFRESH_SECONDS: '0',
    ...env,
  })
  return startService(config, createLogger(config.LOG_LEVEL), clock)
}
