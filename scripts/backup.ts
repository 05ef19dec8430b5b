/**
 * npm run backup -- --out DIR [--without-keys]
 * A consistent logical copy of the database (embedded or MONGODB_URI) made while the service runs, with the
 * keys needed to read it: one EJSON file per collection, a manifest with counts and checksums, and keys/.
 * Keep DIR as safe as the database itself: with the keys in it, it can be read in full.
 */
import path from 'node:path'
import { dumpDatabase } from '../src/backup/logicalCopy'
import { loadConfig } from '../src/config'
import { openDatabase } from '../src/data/database'
import { createLogger } from '../src/logger'
import { resolveSecret } from '../src/security/secrets'
import { parseToolArgs, runTool, UsageError } from './toolSupport'

const usage = 'Usage: npm run backup -- --out /path/to/new/folder [--without-keys]'

runTool('Backup', async () => {
  const values = parseToolArgs({ out: { type: 'string' }, 'without-keys': { type: 'boolean', default: false } }, usage)
  if (!values.out) throw new UsageError(usage)
  const config = loadConfig()
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 2)
  const encryptionKey = resolveSecret(config, config.ENCRYPTION_KEY, 'ENCRYPTION_KEY', 'encryption.key')
  const sessionSecret = resolveSecret(config, config.SESSION_SECRET, 'SESSION_SECRET', 'session.secret')
  const database = await openDatabase(config, logger)
  try {
    const outDir = path.resolve(values.out)
    const includeKeys = !values['without-keys']
    const manifest = await dumpDatabase(database.connection.db!, outDir, encryptionKey, includeKeys, config.SESSION_SECRET ? {} : { 'session.secret': sessionSecret })
    const documents = manifest.collections.reduce((sum, collection) => sum + collection.documents, 0)
    process.stdout.write(`${JSON.stringify({ out: outDir, collections: manifest.collections.length, documents, keysIncluded: includeKeys })}\n`)
    if (!includeKeys) process.stderr.write('The keys were left out: keep ENCRYPTION_KEY safe apart from this backup, or the contact details in it cannot be read.\n')
  } finally {
    await database.close()
  }
})
