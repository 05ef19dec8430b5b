/**
 * What one `_id` lookup, update and insert cost on the embedded FerretDB, in an empty collection and in one that
 * holds many documents of about 2 KB, with string `_id`s (as the natural keys are) and with ObjectIds. The
 * document looked up is the newest. On FerretDB v1.24 with SQLite, both kinds cost in proportion to the collection's
 * size unless the launcher carries the `_id` index correction in db/ferretdb-launcher/source-fixes.json. Median of 50.
 * Usage: npm run bench:updates [-- --documents 20000]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import pino from 'pino'
import { EmbeddedDatabase, findFreePort } from '../src/data/embeddedDatabase'

const at = process.argv.indexOf('--documents')
const documents = at > 0 ? Number(process.argv[at + 1]) : 20_000
const body = 'x'.repeat(2000)
const samples = 50

async function median(run: (index: number) => Promise<unknown>): Promise<string> {
  const times: number[] = []
  for (let index = 0; index < samples; index++) {
    const started = process.hrtime.bigint()
    await run(index)
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  return `${times[Math.floor(samples / 2)]!.toFixed(1)} ms`
}

type Id = string | mongoose.mongo.ObjectId
const stringId = (label: string): Id => label
const objectId = (): Id => new mongoose.mongo.ObjectId()

async function measure(db: mongoose.mongo.Db, name: string, id: (label: string) => Id): Promise<Record<string, string>> {
  const collection = db.collection<{ _id: Id; body: string; n?: number }>(name)
  const target = id('target')
  await collection.insertOne({ _id: target, body })
  return {
    'findOne by _id': await median(() => collection.findOne({ _id: target })),
    'updateOne by _id': await median(index => collection.updateOne({ _id: target }, { $set: { n: index } })),
    insertOne: await median(index => collection.insertOne({ _id: id(`new-${index}`), body })),
  }
}

async function fill(db: mongoose.mongo.Db, name: string, id: (label: string) => Id): Promise<void> {
  for (let start = 0; start < documents; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, documents - start) }, (_, i) => ({ _id: id(`doc-${start + i}`), body }))
    await db.collection<{ _id: Id; body: string }>(name).insertMany(batch)
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-updates-'))
  const embedded = new EmbeddedDatabase({ dataDir, port: await findFreePort(), logger: pino({ level: 'silent' }) })
  await embedded.start()
  const connection = await mongoose.createConnection(embedded.uri('bench-updates')).asPromise()
  try {
    const db = connection.db!
    for (const [kind, id] of [['string _id', stringId], ['ObjectId _id', objectId]] as const) {
      const empty = await measure(db, `small-${kind}`, id)
      await fill(db, `large-${kind}`, id)
      const full = await measure(db, `large-${kind}`, id)
      console.log(`${kind.padEnd(30)} empty collection   ${documents} documents`)
      for (const operation of Object.keys(empty)) console.log(`  ${operation.padEnd(28)} ${empty[operation]!.padEnd(18)} ${full[operation]}`)
    }
  } finally {
    await connection.close()
    await embedded.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
