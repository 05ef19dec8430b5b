import os from 'node:os'
import mongoose, { type Connection } from 'mongoose'
import type { Config } from '../config'
import type { Logger } from '../logger'
import { EmbeddedDatabase } from './embeddedDatabase'
import { isTransientDatabaseError } from './retry'

export const defaultDatabaseName = 'public-feedback'

export interface Database {
  connection: Connection
  embedded?: EmbeddedDatabase
  /** Resolves when the database answers a ping within the time limit. */
  ping(timeoutMs?: number): Promise<void>
  /** Resolves when the database answers and accepts a write (a full disk answers pings but takes nothing). */
  ready(timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export async function connectToDatabase(uri: string, logger: Logger): Promise<Connection> {
  mongoose.set('strictQuery', true)
  // updateOne and findOneAndUpdate check enums too, so a value renamed in a vocabulary can never be stored unchecked.
  mongoose.set('runValidators', true)
  // autoIndex stays on: every index in the models is a plain or unique one, which FerretDB supports.
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 5000,
    heartbeatFrequencyMS: 2000,
    // Each command's time goes to /metrics (ServiceMetrics.watchDatabase).
    monitorCommands: true,
  })
  connection.on('disconnected', () => logger.warn('database disconnected'))
  connection.on('reconnected', () => logger.info('database reconnected'))
  await connection.asPromise()
  return connection
}

/**
 * Creates every model's collection and indexes now, instead of on the first write to each. On a new embedded
 * database those first writes waited seconds for FerretDB to create tables, and the first urgent concern after a
 * start was among them (npm run bench:alerts). On an existing database this only confirms what is there.
 */
export async function prepareCollections(connection: Connection): Promise<void> {
  await Promise.all(Object.values(connection.models).map(model => model.init()))
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

async function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** A ping, then a small write of this instance's own readiness document: by `_id`, so it costs one row. */
export async function checkWritable(connection: Connection, instance: string, timeoutMs = 2000): Promise<void> {
  const started = Date.now()
  await pingDatabase(connection, timeoutMs)
  const db = connection.db
  if (!db) throw new Error('not connected')
  await withinTime(
    db.collection<{ _id: string; at: Date }>('readiness').updateOne({ _id: instance }, { $set: { at: new Date() } }, { upsert: true }),
    Math.max(1, timeoutMs - (Date.now() - started)),
  ).catch(error => {
    throw new Error(`cannot write: ${(error as Error).message.slice(0, 120)}`)
  })
}

const watchEveryMs = 2_000
const restartAfterFailingMs = 8_000

/** A write that waited too long, or found SQLite locked: the database is busy, not broken. */
function isBusy(error: unknown): boolean {
  const message = (error as Error)?.message ?? ''
  return /no answer within/.test(message) || isTransientDatabaseError({ message })
}

/**
 * Restarts the embedded database when it has answered but refused every write for a while (a full disk). A busy
 * one is left alone: under a crowd of writers a write can wait longer than the check allows, and restarting then
 * failed every write in flight and made the next ones wait for recovery (the 100,000-record benchmark stalled).
 */
function watchWrites(connection: Connection, embedded: EmbeddedDatabase, instance: string): NodeJS.Timeout {
  let failingSince: number | undefined
  let checking = false
  const timer = setInterval(() => {
    if (checking) return
    checking = true
    checkWritable(connection, instance, 3000)
      .then(
        () => {
          failingSince = undefined
        },
        error => {
          if (isBusy(error)) return
          failingSince ??= Date.now()
          if (Date.now() - failingSince < restartAfterFailingMs || connection.readyState !== 1) return
          failingSince = undefined
          embedded.restart()
        },
      )
      .finally(() => {
        checking = false
      })
  }, watchEveryMs)
  timer.unref()
  return timer
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
  const readinessId = `${os.hostname()}:${process.pid}`
  const watchdog = embedded ? watchWrites(connection, embedded, readinessId) : undefined
  return {
    connection,
    embedded,
    ping: timeoutMs => pingDatabase(connection, timeoutMs),
    ready: timeoutMs => checkWritable(connection, readinessId, timeoutMs),
    async close() {
      // A disconnection we asked for is not worth a warning.
      clearInterval(watchdog)
      connection.removeAllListeners('disconnected')
      await connection.close()
      await embedded?.stop()
    },
  }
}
