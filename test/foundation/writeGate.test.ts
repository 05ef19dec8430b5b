import { type Connection, Schema } from 'mongoose'
import { feedbackModel } from '../../src/data/models/feedback'
import { gateEmbeddedWrites, urgently } from '../../src/data/writeGate'
import { connectTestDatabase } from '../helpers/database'

/**
 * On the embedded database, writes leave the process a few at a time and urgent ones first (src/data/writeGate.ts),
 * so an urgent concern's writes do not wait behind a crowd of chats, and no write is lost or stuck on the way.
 */
let connection: Connection
beforeAll(async () => {
  gateEmbeddedWrites()
  connection = await connectTestDatabase()
})
afterAll(async () => {
  await connection.close()
})

const counterSchema = new Schema<{ _id: string; count: number }>({ _id: String, count: Number }, { versionKey: false })

it('lets an urgent write overtake forty writes already waiting, and every write lands', async () => {
  const Counter = connection.model('GatedCounter', counterSchema, 'gatedcounters')
  await Counter.create(Array.from({ length: 41 }, (_, index) => ({ _id: `counter${index}`, count: 0 })))
  const finished: string[] = []
  const bulk = Array.from({ length: 40 }, (_, index) => Counter.updateOne({ _id: `counter${index}` }, { $inc: { count: 1 } }).then(() => finished.push(`bulk ${index}`)))
  const urgent = urgently(async () => {
    await Counter.updateOne({ _id: 'counter40' }, { $inc: { count: 1 } })
    finished.push('urgent')
  })
  await Promise.all([...bulk, urgent])

  expect(finished.indexOf('urgent')).toBeLessThan(5)
  const counters = await Counter.find().lean()
  expect(counters.filter(counter => counter.count === 1)).toHaveLength(41)
})

it('keeps every update of one feedback record made at once, and a refused update does not hold up the rest', async () => {
  const feedback = feedbackModel(connection)
  const reference = 'FB-GATE1'
  await feedback.create({ reference, channel: 'api', status: 'received' })
  const at = new Date()
  const refused = Array.from({ length: 5 }, () => feedback.updateOne({ reference }, { $set: { status: 'not-a-status' } }).then(() => 'saved', () => 'refused'))
  const notes = Array.from({ length: 20 }, (_, index) => feedback.updateOne({ reference }, { $push: { notes: { at, by: 'inspector@example.gov.uk', text: `note ${index}` } } }))
  expect(await Promise.all(refused)).toEqual(Array(5).fill('refused'))
  await Promise.all(notes)

  const record = await feedback.findOne({ reference }).lean()
  expect(record?.status).toBe('received')
  expect(record?.notes).toHaveLength(20)
}, 20_000)

it('lets writes go on after inserts the database refused', async () => {
  const Counter = connection.model('GatedCounter', counterSchema, 'gatedcounters')
  await Counter.create({ _id: 'taken', count: 0 })
  const refused = await Promise.all(Array.from({ length: 5 }, () => Counter.create({ _id: 'taken', count: 1 }).then(() => 'saved', () => 'refused')))
  expect(refused).toEqual(Array(5).fill('refused'))
  // Were the refused inserts still holding their places, these would wait longer than the test's time limit.
  await Promise.all(Array.from({ length: 10 }, () => Counter.updateOne({ _id: 'taken' }, { $inc: { count: 1 } })))
  expect((await Counter.findById('taken').lean())?.count).toBe(10)
}, 9_000)
