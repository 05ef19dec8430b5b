/**
 * npm run migrate:to-mongodb -- --to mongodb://host/feedback [--replace]
 * Copies every collection, with its indexes, from the embedded database (or MONGODB_URI) to a MongoDB server,
 * then checks the counts. Stop the service first so nothing is written during the copy. Afterwards set
 * MONGODB_URI to the new server and keep the same ENCRYPTION_KEY.
 */
import { BackupError, copyDatabase } from '../src/backup/logicalCopy'
import { loadConfig } from '../src/config'
import { connectToDatabase, defaultDatabaseName, openDatabase } from '../src/data/database'
import { createLogger } from '../src/logger'
import { parseToolArgs, runTool, UsageError } from './toolSupport'

const usage = 'Usage: npm run migrate:to-mongodb -- --to "mongodb+srv://user:pass@cluster.example.net/feedback" [--replace]'

/** The target with a database name: the source's when the address names none. */
function targetUri(given: string): string {
  let url: URL
  try {
    url = new URL(given)
  } catch {
    throw new UsageError(`That is not a MongoDB address.\n${usage}`)
  }
  if (!/^mongodb(\+srv)?:$/.test(url.protocol)) throw new UsageError(`The address must start with mongodb:// or mongodb+srv://.\n${usage}`)
  if (url.pathname === '' || url.pathname === '/') url.pathname = `/${defaultDatabaseName}`
  return url.toString()
}

runTool('Migration', async () => {
  const values = parseToolArgs({ to: { type: 'string' }, replace: { type: 'boolean', default: false } }, usage)
  if (!values.to) throw new UsageError(usage)
  const uri = targetUri(values.to)
  const config = loadConfig()
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 2)
  const source = await openDatabase(config, logger)
  let target
  try {
    target = await connectToDatabase(uri, logger).catch(error => {
      throw new BackupError(`Could not reach the target MongoDB server: ${(error as Error).message}`)
    })
    const copied = await copyDatabase(source.connection.db!, target.db!, values.replace)
    const documents = copied.reduce((sum, collection) => sum + collection.documents, 0)
    process.stdout.write(`${JSON.stringify({ collections: copied.map(({ name, documents }) => ({ name, documents })), documents })}\n`)
    process.stderr.write(
      `Copied ${documents} records in ${copied.length} collections. Now set MONGODB_URI to the new server and keep ENCRYPTION_KEY${config.ENCRYPTION_KEY ? '' : ` (set it to the contents of ${config.dataDir}/encryption.key)`}.\n`,
    )
  } finally {
    await target?.close()
    await source.close()
  }
})
