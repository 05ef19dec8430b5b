import { systemClock } from '../../src/clock'
import { deliveryModel } from '../../src/data/models/delivery'
import { feedbackModel } from '../../src/data/models/feedback'
import { CaseQueue, parseCaseFilters } from '../../src/triage/caseQueue'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { testDatabaseForThisFile } from '../helpers/database'
import { waitUntil } from '../helpers/serviceProcess'

const connection = testDatabaseForThisFile()

async function newCase(story: string) {
  const reference = newFeedbackReference()
  await feedbackModel(connection).create({ reference, status: 'received', channel: 'api', story, service: { name: 'Oak Lodge', key: 'oak lodge' }, submittedAt: new Date(), triage: { queue: 'themed', routedAt: new Date() } })
  return reference
}

describe('the queue kept in memory', () => {
  it('shows a change made through it at once, and another instance’s change after the next background read', async () => {
    const queue = new CaseQueue(feedbackModel(connection), deliveryModel(connection), systemClock, 300)
    const first = await newCase('The first concern.')
    expect((await queue.list()).map(row => row.reference)).toContain(first)

    // Written behind the queue's back, as another instance would.
    const second = await newCase('The second concern.')
    expect((await queue.list()).map(row => row.reference)).not.toContain(second)
    expect(await waitUntil(async () => (await queue.list()).some(row => row.reference === second), 10_000)).toBe(true)

    await feedbackModel(connection).updateOne({ reference: first }, { $set: { 'triage.assignee': 'someone@example.gov.uk' } })
    await queue.refreshCase(first)
    expect((await queue.list({ assignee: 'someone@example.gov.uk' })).map(row => row.reference)).toEqual([first])
    expect(queue.idOf(first)).toBeDefined()
  })

  it('reads the database on every request when the refresh time is 0', async () => {
    const queue = new CaseQueue(feedbackModel(connection), deliveryModel(connection), systemClock, 0)
    await queue.list()
    const third = await newCase('The third concern.')
    expect((await queue.list()).map(row => row.reference)).toContain(third)
  })
})

describe('reading filters from a query string', () => {
  it('keeps what it understands and explains what it does not', () => {
    const parsed = parseCaseFilters({ q: ' abcde 23456 ', risk: 'urgent', assignee: 'me', from: '2026-11-01', to: 'soon', colour: 'red', needs: ['any', 'phone_call'] }, 'Me@Example.gov.uk')
    expect(parsed.filters).toMatchObject({ q: 'abcde 23456', risk: 'urgent', assignee: 'me@example.gov.uk', needs: 'phone_call', from: new Date('2026-11-01T00:00:00.000Z') })
    expect(parsed.problems).toEqual(['“soon” is not a date. Write it like 2026-11-29.', 'We do not know the filter “colour”, so it was not used. You can filter by: q, risk, category, theme, status, team, assignee, queue, service, from, to, needs, language.'])
    expect(parseCaseFilters({ from: '2026-11-30', to: '2026-11-01' }).problems).toEqual(['The “from” date is after the “to” date, so no case can match.'])
    expect(parseCaseFilters({ risk: { $ne: 'x' } }).problems).toEqual(['The filter “risk” was given in a form we cannot read, so it was not used.'])
  })
})
