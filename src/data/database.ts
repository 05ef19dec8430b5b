import mongoose, { type Connection } from 'mongoose'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { EmbeddedDatabase } from './embeddedDatabase'

export const defaultDatabaseName = 'public-feedback'

export interface Database {
  connection: Connection
  embedded?: EmbeddedDatabase
  /** Resolves when the database answers a ping within the time limit. */
  ping(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export async function connectToDatabase(uri: string, logger: Logger): Promise<Connection> {
  mongoose.set('strictQuery', true)
  // autoIndex stays on: every index in the models is a plain or unique one, which FerretDB supports.
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 5000,
    heartbeatFrequencyMS: 2000,
  })
  connection.on('disconnected', () => logger.warn('database disconnected'))
  connection.on('reconnected', () => logger.info('database reconnected'))
  await connection.asPromise()
  return connection
}

export async function pingDatabase(connection: Connection, timeoutMs = 2000): Promise<void> {
  const db = connection.db
  if (!db || connection.readyState !== 1) throw new Error('not connected')
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([db.admin().command({ ping: 1 }), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Connects to MONGODB_URI, or starts the embedded FerretDB when it is not set. */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined
  let uri = config.MONGODB_URI
  if (!uri) {
    embedded = new EmbeddedDatabase({
      dataDir: config.dataDir,
      port: config.EMBEDDED_DB_PORT,
      logger,
      superviseRestarts: true,
    })
    await embedded.start()
    uri = embedded.uri(defaultDatabaseName)
  }
  const connection = await connectToDatabase(uri, logger)
  return {
    connection,
    embedded,
    ping: timeoutMs => pingDatabase(connection, timeoutMs),
    async close() {
      // A disconnection we asked for is not worth a warning.
      connection.removeAllListeners('disconnected')
      await connection.close()
      await embedded?.stop()
    },
  }
}
