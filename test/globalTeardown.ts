import fs from 'node:fs'
import type { EmbeddedDatabase } from '../src/data/embeddedDatabase'

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as Record<string, unknown>).__embeddedTestDatabase as EmbeddedDatabase | undefined
  await database?.stop()
  if (process.env.TEST_DATA_ROOT) fs.rmSync(process.env.TEST_DATA_ROOT, { recursive: true, force: true })
}
