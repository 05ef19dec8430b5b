import crypto from 'node:crypto'
import path from 'node:path'
import type { Connection } from 'mongoose'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { startedForThisFile } from './forThisFile'

/** A database name of this test file's own, so test files never see each other's data. */
export function testDatabaseName(): string {
  const file = path.basename(expect.getState().testPath ?? 'test', '.test.ts').replace(/[^A-Za-z0-9]/g, '_')
  return `t_${file.slice(0, 40)}_${crypto.randomBytes(4).toString('hex')}`
}

export function testDatabaseUri(name = testDatabaseName()): string {
  const base = process.env.TEST_MONGODB_URI
  if (!base) throw new Error('TEST_MONGODB_URI is not set: run the tests through jest, whose global setup starts FerretDB')
  const url = new URL(base)
  url.pathname = `/${name}`
  url.searchParams.set('directConnection', 'true')
  return url.toString()
}

export async function connectTestDatabase(): Promise<Connection> {
  return connectToDatabase(testDatabaseUri(), pino({ level: 'silent' }))
}

/** A connection to this test file's own database, opened before its tests and closed after them. */
export function testDatabaseForThisFile(): Connection {
  return startedForThisFile(connectTestDatabase, connection => connection.close())
}
