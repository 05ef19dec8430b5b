import { feedbackModel } from '../../src/data/models/feedback'
import { workItemModel } from '../../src/data/models/workItem'
import { alertWebhookSettings, FakeAlertReceiver } from '../fakes/alertReceiver'
import { startedForThisFile } from '../helpers/forThisFile'
import { testServiceForThisFile } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'

const secret = 'idempotency-secret'
const urgentStory = 'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.'

const receiver = startedForThisFile(() => new FakeAlertReceiver(secret).start())
const service = testServiceForThisFile(() => ({ ...alertWebhookSettings(receiver), RATE_LIMIT_PER_MINUTE: '1000' }))

function postFeedback(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${service.url}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
}

describe('Idempotency-Key on POST /api/feedback', () => {
  it('gives a retried request the same reference, stores one record and sends one alert', async () => {
    const body = { service: { name: 'Elm Tree House' }, text: urgentStory }
    const first = await postFeedback(body, { 'Idempotency-Key': 'partner-42-request-1' })
    expect(first.status).toBe(201)
    const { reference } = await first.json()
    // The partner timed out and sends it again, several times at once.
    const retries = await Promise.all(Array.from({ length: 5 }, () => postFeedback(body, { 'Idempotency-Key': 'partner-42-request-1' })))
    for (const retry of retries) {
      expect(retry.status).toBe(201)
      expect(retry.headers.get('idempotent-replayed')).toBe('true')
      expect((await retry.json()).reference).toBe(reference)
    }
    expect(await feedbackModel(service.services.connection).countDocuments({ 'service.name': 'Elm Tree House' })).toBe(1)
    await receiver.waitForRequests(1)
    await new Promise(resolve => setTimeout(resolve, 1500))
    expect(receiver.received.filter(alert => alert.body.reference === reference)).toHaveLength(1)
  })

  it('refuses the same key with different feedback, and keeps different keys apart', async () => {
    const saved = await postFeedback({ service: { name: 'Ash Court' }, text: 'The garden was lovely.' }, { 'Idempotency-Key': 'partner-42-request-2' })
    expect(saved.status).toBe(201)
    const reused = await postFeedback({ service: { name: 'Ash Court' }, text: 'Something else entirely.' }, { 'Idempotency-Key': 'partner-42-request-2' })
    expect(reused.status).toBe(422)
    expect((await reused.json()).message).toContain('Use a new key')
    const other = await postFeedback({ service: { name: 'Ash Court' }, text: 'The garden was lovely.' }, { 'Idempotency-Key': 'partner-42-request-3' })
    expect(other.status).toBe(201)
    expect((await other.json()).reference).not.toBe((await saved.json()).reference)
  })

  it('refuses a key too long to be one, kindly', async () => {
    const response = await postFeedback({ service: { name: 'Ash Court' }, text: 'Fine.' }, { 'Idempotency-Key': 'x'.repeat(500) })
    expect(response.status).toBe(400)
    expect((await response.json()).message).toContain('200 characters or fewer')
  })
})

describe('50 intake requests at once', () => {
  it('answers every one 201 and leaves every record received and routed, none half-saved', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        postFeedback({ service: { name: `Load Test Home ${index % 7}` }, text: index % 5 === 0 ? urgentStory : `The visit went fine, number ${index}. Staff were kind.` }),
      ),
    )
    expect(responses.map(response => response.status)).toEqual(Array(50).fill(201))
    const references = await Promise.all(responses.map(async response => (await response.json()).reference as string))
    const feedback = feedbackModel(service.services.connection)
    const routed = async () => {
      const records = await Promise.all(references.map(reference => feedback.findOne({ reference }, { status: 1, triage: 1 }).lean()))
      return records.every(record => record?.status === 'received' && record.triage?.routedAt)
    }
    expect(await waitUntil(routed, 60_000)).toBe(true)
    expect(await feedback.countDocuments({ status: 'draft' })).toBe(0)
    // Finished work leaves the hot queue.
    expect(await waitUntil(async () => (await workItemModel(service.services.connection).countDocuments({ kind: 'route' })) === 0, 20_000)).toBe(true)
  }, 120_000)
})
