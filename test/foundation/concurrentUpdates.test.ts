import { feedbackModel } from '../../src/data/models/feedback'
import { testDatabaseForThisFile } from '../helpers/database'

/**
 * FerretDB v1 applies an update by reading the document and writing it back. Inside one instance, updates of one
 * record must still all land when they arrive together: an inspector's note while repeat concerns are linked,
 * a status change while the escalation level moves on.
 */
const connection = testDatabaseForThisFile()
it('keeps every one of many updates made to one feedback record at the same moment', async () => {
  const feedback = feedbackModel(connection)
  const reference = 'FB-RACE1'
  await feedback.create({ reference, channel: 'api', status: 'received' })
  const at = new Date()
  const writes = Array.from({ length: 30 }, (_, i) => {
    if (i % 3 === 0) return feedback.updateOne({ reference }, { $push: { notes: { at, by: 'inspector@example.gov.uk', text: `note ${i}` } } })
    if (i % 3 === 1) return feedback.updateOne({ reference }, { $addToSet: { 'triage.linkedReferences': `FB-OTHER${i}` } })
    return feedback.updateOne({ reference }, { $set: { [`triage.${i === 2 ? 'assignee' : 'acknowledgedBy'}`]: `person${i}@example.gov.uk` } })
  })
  await Promise.all(writes)

  const record = await feedback.findOne({ reference }).lean()
  expect(record?.notes).toHaveLength(10)
  expect(record?.triage?.linkedReferences).toHaveLength(10)
  expect(record?.triage?.assignee).toBe('person2@example.gov.uk')
  expect(record?.triage?.acknowledgedBy).toMatch(/^person\d+@example\.gov\.uk$/)
})

it('still lets a failed update go, so later updates of the record are not held up', async () => {
  const feedback = feedbackModel(connection)
  const reference = 'FB-RACE2'
  await feedback.create({ reference, channel: 'api', status: 'received' })
  await expect(feedback.updateOne({ reference }, { $set: { status: 'not-a-status' } })).rejects.toThrow()
  await feedback.updateOne({ reference }, { $set: { status: 'closed' } })
  expect((await feedback.findOne({ reference }).lean())?.status).toBe('closed')
})
