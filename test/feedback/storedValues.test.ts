import { feedbackModel, type FeedbackModel } from '../../src/data/models/feedback'
import { testDatabaseForThisFile } from '../helpers/database'

/** Every stored choice comes from its vocabulary, and updates are checked like inserts (FerretDB included). */
describe('stored values', () => {
  const connection = testDatabaseForThisFile()
  let feedback: FeedbackModel

  beforeAll(async () => {
    feedback = feedbackModel(connection)
    await feedback.init()
  })

  const draft = (reference: string) => ({ _id: reference, reference, channel: 'webchat', status: 'draft' as const })

  it('refuses a status, role, contact method or risk level that is not in its vocabulary, on update as on insert', async () => {
    await feedback.create(draft('FB-VOCAB-1'))
    await expect(feedback.updateOne({ _id: 'FB-VOCAB-1' }, { $set: { status: 'in_review' } })).rejects.toThrow(/status/)
    await expect(feedback.updateOne({ _id: 'FB-VOCAB-1' }, { $set: { role: 'relative' } })).rejects.toThrow(/role/)
    await expect(feedback.findOneAndUpdate({ _id: 'FB-VOCAB-1' }, { $set: { 'contact.method': 'letter' } })).rejects.toThrow(/contact\.method/)
    await expect(feedback.updateOne({ _id: 'FB-VOCAB-1' }, { $set: { 'classification.risk.level': 'severe' } })).rejects.toThrow(/risk\.level/)
    await expect(feedback.updateOne({ _id: 'FB-VOCAB-1' }, { $push: { statusHistory: { status: 'in_review', at: new Date() } } })).rejects.toThrow(/status/)
    await expect(feedback.create({ ...draft('FB-VOCAB-2'), role: 'relative' as never })).rejects.toThrow(/role/)

    const stored = await feedback.findById('FB-VOCAB-1').lean()
    expect(stored).toMatchObject({ status: 'draft' })
    expect(stored?.role).toBeUndefined()
    expect(stored?.contact?.method).toBeUndefined()
    expect(stored?.statusHistory).toEqual([])
  })

  it('stores every value of each vocabulary through an update', async () => {
    await feedback.create(draft('FB-VOCAB-3'))
    await feedback.updateOne(
      { _id: 'FB-VOCAB-3' },
      { $set: { status: 'under_review', role: 'family_friend_carer', 'contact.method': 'sms', 'contact.format': 'easy_read', 'classification.risk.level': 'medium', 'triage.queue': 'themed' } },
    )
    expect(await feedback.findById('FB-VOCAB-3').lean()).toMatchObject({
      status: 'under_review',
      role: 'family_friend_carer',
      contact: { method: 'sms', format: 'easy_read' },
      classification: { risk: { level: 'medium' } },
      triage: { queue: 'themed' },
    })
  })
})
