import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { EmbeddedDatabase, findFreePort } from '../src/data/embeddedDatabase'

/** One real embedded FerretDB for the whole run; each test file uses a database of its own. */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_MONGODB_URI) return
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-test-db-'))
  const port = await findFreePort()
  const database = new EmbeddedDatabase({ dataDir, port, logger: pino({ level: 'silent' }) })
  await database.start()
  process.env.TEST_MONGODB_URI = `mongodb://127.0.0.1:${port}/`
  process.env.TEST_DATA_ROOT = dataDir
  ;(globalThis as Record<string, unknown>).__embeddedTestDatabase = database
}
