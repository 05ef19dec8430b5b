import { feedbackModel } from '../../src/data/models/feedback'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { FeedbackSubmission } from '../../src/feedback/feedbackSubmission'
import { ControlledClock } from '../helpers/clock'
import { testDatabaseForThisFile } from '../helpers/database'

/** "When it happened" is read into a date the same way whichever way the feedback came in. */
describe('submitting feedback with a "when" in words', () => {
  const connection = testDatabaseForThisFile()
  const clock = new ControlledClock('2025-06-18T10:00:00Z')
  const submission = () => new FeedbackSubmission(feedbackModel(connection), clock, { routeQueue: async () => {}, afterSubmit: async () => {} })

  it('keeps the words and adds the date, as the bot does, for a form or a partner', async () => {
    const reference = newFeedbackReference()
    const { record } = await submission().receive({ reference, channel: 'api', story: 'The carers were late.', when: { text: 'yesterday' } })
    expect(record.toObject().when).toEqual({ text: 'yesterday', normalised: '2025-06-17' })
  })

  it('keeps a date the bot already read, and words it cannot read as they are', async () => {
    const [read, unread] = [newFeedbackReference(), newFeedbackReference()]
    await submission().receive({ reference: read, channel: 'api', story: 'Fine.', when: { text: 'last week', normalised: '2025-06-01' } })
    await submission().receive({ reference: unread, channel: 'api', story: 'Fine.', when: { text: 'over the winter' } })
    const stored = await feedbackModel(connection).find({ reference: { $in: [read, unread] } }).lean()
    expect(Object.fromEntries(stored.map(record => [record.reference, record.when]))).toEqual({
      [read]: { text: 'last week', normalised: '2025-06-01' },
      [unread]: { text: 'over the winter' },
    })
  })
})
