import { feedbackModel } from '../../src/data/models/feedback'
import { alertWebhookSettings, FakeAlertReceiver } from '../fakes/alertReceiver'
import { startedForThisFile } from '../helpers/forThisFile'
import { testServiceForThisFile } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'

const secret = 'test-webhook-secret'
const urgentStory = 'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.'
const calmStory = 'The staff were lovely and the food was good. Thank you.'

const receiver = startedForThisFile(() => new FakeAlertReceiver(secret).start())
const service = testServiceForThisFile(() => ({ ...alertWebhookSettings(receiver), PUBLIC_BASE_URL: 'https://feedback.example.gov.uk' }))

beforeEach(() => {
  receiver.down = false
  receiver.received.length = 0
})

function postFeedback(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${service.url}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

describe('POST /api/feedback', () => {
  it('accepts feedback, answers 201 with a reference, and stores it received with sealed contact details', async () => {
    const response = await postFeedback({
      service: { name: 'Sunny Days Care Home' },
      text: calmStory,
      role: 'family_friend_carer',
      contact: { method: 'email', email: 'sam@example.com', format: 'easy_read' },
    })
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body).toEqual({ reference: expect.stringMatching(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/), status: 'received' })

    const stored = await feedbackModel(service.services.connection).findOne({ reference: body.reference }).lean()
    expect(stored?.statusHistory.map(change => change.status)).toEqual(['received'])
    expect(stored?.channel).toBe('api')
    expect(JSON.stringify(stored)).not.toContain('sam@example.com')
    expect(service.services.contactCipher.decrypt(stored?.contact?.sealedDetails as string)).toEqual({ email: 'sam@example.com' })
  })

  it.each([
    ['an empty body', {}, ['text', 'service']],
    ['empty text', { service: { name: 'A home' }, text: '   ' }, ['text']],
    ['no service', { text: 'Something happened' }, ['service']],
    ['a service with neither name nor location id', { service: {}, text: 'Something happened' }, ['service']],
    ['text that is far too long', { service: { name: 'A home' }, text: 'x'.repeat(10_001) }, ['text']],
    ['an unknown role', { service: { name: 'A home' }, text: 'Hello', role: 'king' }, ['role']],
    ['email contact with no address', { service: { name: 'A home' }, text: 'Hello', contact: { method: 'email' } }, ['contact.email']],
    ['a bad email address', { service: { name: 'A home' }, text: 'Hello', contact: { method: 'email', email: 'not-an-email' } }, ['contact.email']],
    ['text given as a number', { service: { name: 'A home' }, text: 42 }, ['text']],
    ['an unknown field', { service: { name: 'A home' }, text: 'Hello', secretField: 1 }, ['secretField']],
    ['an unknown question', { service: { name: 'A home' }, text: 'Hello', question: 'what was bad' }, ['question']],
    ['an FFT score instead of an overall experience', { service: { name: 'A home' }, text: 'Hello', overall: 4 }, ['overall']],
  ])('refuses %s with 400 and a message for each field', async (_case, body, fields) => {
    const response = await postFeedback(body)
    expect(response.status).toBe(400)
    const answer = await response.json()
    expect(answer.error).toBe('invalid_feedback')
    for (const field of fields) expect(answer.fields[field]).toEqual(expect.any(String))
    expect(JSON.stringify(answer)).not.toMatch(/ZodError|at .*\.ts/)
  })

  /** Posts words with what is known beside them, and reads the record as stored: the context kept, and its sentiment. */
  const storedWith = async (text: string, context: { question?: string; overall?: string }) => {
    const response = await postFeedback({ service: { name: 'Sunny Days Care Home' }, text, ...context })
    expect(response.status).toBe(201)
    const { reference } = await response.json()
    const stored = await feedbackModel(service.services.connection).findOne({ reference }).lean()
    expect(stored).toMatchObject(context)
    return stored?.classification?.sentiment as number
  }

  it('reads a Friends and Family Test answer with the question it answers: "Nothing" is praise or a complaint', async () => {
    expect(await storedWith('Nothing.', { question: 'could-improve' })).toBeLessThanOrEqual(2)
    expect(await storedWith('Nothing.', { question: 'what-was-good' })).toBeGreaterThanOrEqual(4)
  })

  it("reads mixed words with the person's own overall rating of their care", async () => {
    expect(await storedWith('Some staff were good, others not.', { overall: 'good' })).toBeLessThanOrEqual(2)
    expect(await storedWith('Some staff were good, others not.', { overall: 'bad' })).toBeGreaterThanOrEqual(3)
  })

  it('answers broken JSON with 400 JSON, not a server error', async () => {
    const response = await postFeedback('{"service": {"name": "x"}, "text": ')
    expect(response.status).toBe(400)
    expect((await response.json()).message).toMatch(/could not read/i)
  })

  it('answers a body over the size limit with 413 and a kind message', async () => {
    const response = await postFeedback({ service: { name: 'A home' }, text: 'x'.repeat(300_000) })
    expect(response.status).toBe(413)
    expect((await response.json()).message).toMatch(/too long/i)
  })

  it.each([
    ['HTML and script', '<script>alert("x")</script><b>The nurse</b> ignored my buzzer all night.'],
    ['emoji', 'The staff were 😡 rude and the room was 🥶 cold.'],
    ['Welsh', "Roedd y staff yn garedig iawn ond roedd yr ystafell yn oer."],
    ['Urdu', 'عملہ بہت مہربان تھا لیکن کمرہ ٹھنڈا تھا'],
  ])('keeps %s exactly as written', async (_case, text) => {
    const response = await postFeedback({ service: { name: 'A home' }, text })
    expect(response.status).toBe(201)
    const { reference } = await response.json()
    const stored = await feedbackModel(service.services.connection).findOne({ reference }).lean()
    expect(stored?.story).toBe(text)
  })
})

describe('classification, routing and the signed webhook', () => {
  it('sends a correctly signed alert for an urgent concern, with no contact details or story', async () => {
    const response = await postFeedback({
      service: { name: 'Oak Lodge', locationId: '1-12345678' },
      text: urgentStory,
      contact: { method: 'sms', phone: '07700 900982' },
    })
    const { reference } = await response.json()
    await receiver.waitForRequests(1, 5000)
    const [alert] = receiver.received
    expect(alert.signatureValid).toBe(true)
    expect(alert.headers['x-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(alert.headers['idempotency-key']).toBe(`${reference}:inspector:webhook`)
    expect(alert.body).toMatchObject({
      idempotencyKey: `${reference}:inspector:webhook`,
      reference,
      escalation: 'inspector',
      risk: { level: 'urgent', categories: expect.arrayContaining(['physical']), reason: expect.any(String) },
      service: { name: 'Oak Lodge', locationId: '1-12345678' },
      caseUrl: `https://feedback.example.gov.uk/console/cases/${reference}`,
    })
    expect(alert.rawBody).not.toContain('07700')
    expect(alert.rawBody).not.toContain('bruises')

    // The outbox is written (and tried) before the case records that it was routed.
    const model = feedbackModel(service.services.connection)
    expect(await waitUntil(async () => Boolean((await model.findOne({ reference }).lean())?.triage?.routedAt))).toBe(true)
    const stored = await model.findOne({ reference }).lean()
    expect(stored?.classification).toMatchObject({ risk: { level: 'urgent' }, classifier: { name: expect.any(String), version: expect.any(String) } })
    expect(stored?.classification?.classifiedAt).toBeInstanceOf(Date)
    expect(stored?.triage).toMatchObject({ queue: 'alert', priority: 1, routedAt: expect.any(Date) })
  })

  it('sends no alert for calm feedback and puts it in the themed queue', async () => {
    const response = await postFeedback({ service: { name: 'Calm Home' }, text: calmStory })
    const { reference } = await response.json()
    const model = feedbackModel(service.services.connection)
    expect(await waitUntil(async () => Boolean((await model.findOne({ reference }).lean())?.triage?.routedAt))).toBe(true)
    const stored = await model.findOne({ reference }).lean()
    expect(stored?.triage?.queue).toBe('themed')
    // A pass of the worker has run since routing, and nothing was sent.
    await service.services.alertDelivery.deliverDue()
    expect(receiver.received).toHaveLength(0)
    expect(await service.services.alertOutbox.forCase(reference)).toHaveLength(0)
  })

  it('keeps retrying while the receiver is down, and stops once the case is acknowledged', async () => {
    receiver.down = true
    const response = await postFeedback({ service: { name: 'Elm House' }, text: urgentStory })
    const { reference } = await response.json()
    await receiver.waitForRequests(3, 15_000)
    expect(receiver.received.every(alert => alert.headers['idempotency-key'] === `${reference}:inspector:webhook`)).toBe(true)

    await service.services.cases.acknowledge({ email: 'inspector@example.gov.uk', role: 'inspector', via: 'api' }, reference)
    const [alert] = await service.services.alertOutbox.forCase(reference)
    expect(alert.status).toBe('cancelled')
    const attemptsWhenAcknowledged = receiver.received.length
    receiver.down = false
    // Due alerts are tried on every pass; a cancelled one is not among them.
    await service.services.alertDelivery.deliverDue()
    expect(receiver.received).toHaveLength(attemptsWhenAcknowledged)
  })
})
