import mongoose, { type Connection } from 'mongoose'
import { connectTestDatabase } from '../helpers/database'

/**
 * Every hot-path read and write is keyed by `_id`, so it is only fast if the embedded FerretDB answers an `_id`
 * filter from its index. Unpatched FerretDB v1.24 read the whole table for it (db/ferretdb-launcher/source-fixes.json).
 */
describe('an _id lookup on the embedded database', () => {
  let connection: Connection
  beforeAll(async () => { connection = await connectTestDatabase() })
  afterAll(async () => { await connection.close() })

  it.each([
    ['a string key', 'BR-2026-0042'],
    ['an ObjectId', new mongoose.mongo.ObjectId()],
  ])('uses the _id index for %s, not a scan of the collection', async (_label, id) => {
    const collection = connection.db!.collection<{ _id: string | mongoose.mongo.ObjectId; body: string }>('lookups')
    await collection.insertMany([{ _id: id, body: 'wanted' }, { _id: `other-${String(id)}`, body: 'not wanted' }])

    const explained = await connection.db!.command({ explain: { find: 'lookups', filter: { _id: id } } })
    const plan = (explained.queryPlanner as { Plan: string[] }).Plan.join(' ')

    expect(plan).toMatch(/USING INDEX \S+__id_/)
    expect(plan).not.toMatch(/\bSCAN\b/)
    expect(await collection.findOne({ _id: id })).toMatchObject({ body: 'wanted' })
  })
})
