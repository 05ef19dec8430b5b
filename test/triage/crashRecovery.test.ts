import type { Connection } from 'mongoose'
import { alertModel } from '../../src/data/models/alert'
import { feedbackModel } from '../../src/data/models/feedback'
import type { RunningService } from '../../src/service'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { alertWebhookSettings, FakeAlertReceiver } from '../fakes/alertReceiver'
import { connectToDatabase } from '../../src/data/database'
import pino from 'pino'
import { testDatabaseUri } from '../helpers/database'
import { startTestService } from '../helpers/service'
import { spawnService, waitForStatus, waitUntil } from '../helpers/serviceProcess'
import { scratchFolder } from '../helpers/scratchFolder'

const secret = 'crash-secret'
const urgentStory = 'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.'

/** What the test running now has started, for afterEach to stop whatever happens. */
let started: { receiver?: FakeAlertReceiver; service?: RunningService; connection?: Connection } = {}

afterEach(async () => {
  await started.service?.stop()
  await started.receiver?.stop()
  await started.connection?.close()
  started = {}
})

/** A database for one test, as a crashed process left it. */
async function databaseOfItsOwn(): Promise<{ uri: string; connection: Connection }> {
  const uri = testDatabaseUri()
  started.connection = await connectToDatabase(uri, pino({ level: 'silent' }))
  return { uri, connection: started.connection }
}

/** The service starting on that database, with alerts going to a receiver that is up. */
async function serviceStartingOn(uri: string): Promise<FakeAlertReceiver> {
  const receiver = (started.receiver = await new FakeAlertReceiver(secret).start())
  started.service = await startTestService({ MONGODB_URI: uri, ...alertWebhookSettings(receiver) })
  return receiver
}

describe('a crash between saving the record and sending the alert loses nothing', () => {
  it('routes a record left received but unrouted, and sends its alert, when the service starts', async () => {
    const { uri, connection } = await databaseOfItsOwn()
    const reference = newFeedbackReference()
    // What the database holds if the process died right after saving the record.
    await feedbackModel(connection).create({
      reference,
      status: 'received',
      statusHistory: [{ status: 'received', at: new Date() }],
      channel: 'api',
      service: { name: 'Holly Bank', key: 'holly bank' },
      story: urgentStory,
      submittedAt: new Date(),
    })
    const receiver = await serviceStartingOn(uri)
    await receiver.waitForRequests(1)
    expect(receiver.received[0]).toMatchObject({ signatureValid: true, body: expect.objectContaining({ reference }) })
  })

  it('delivers an alert that was written to the outbox but never sent, when the service starts', async () => {
    const { uri, connection } = await databaseOfItsOwn()
    const reference = newFeedbackReference()
    await feedbackModel(connection).create({
      reference,
      status: 'received',
      channel: 'api',
      service: { name: 'Ivy House', key: 'ivy house' },
      story: urgentStory,
      submittedAt: new Date(),
      classification: { risk: { level: 'urgent', categories: ['physical'], reason: 'Describes someone being hit.' }, classifiedAt: new Date() },
      triage: { queue: 'alert', team: 'national-triage', priority: 1, alertedAt: new Date(), escalationLevel: 0, routedAt: new Date() },
    })
    await alertModel(connection).create({ key: `${reference}:inspector:webhook`, reference, target: 'webhook', tier: 'inspector', team: 'national-triage', nextAttemptAt: new Date() })
    const receiver = await serviceStartingOn(uri)
    await receiver.waitForRequests(1)
    expect(receiver.received[0].headers['idempotency-key']).toBe(`${reference}:inspector:webhook`)
    expect(await waitUntil(async () => (await alertModel(connection).findOne({ reference }).lean())?.status === 'delivered')).toBe(true)
  })

  it('delivers the alert after the real process is killed with SIGKILL while the receiver was down', async () => {
    const { uri, connection } = await databaseOfItsOwn()
    // Reserve a port for the receiver, then take it down: connections are refused, as in an outage.
    const outage = await new FakeAlertReceiver(secret).start()
    const receiverUrl = outage.url
    const receiverPort = Number(new URL(receiverUrl).port)
    await outage.stop()

    const env = {
      MONGODB_URI: uri,
      DATA_DIR: scratchFolder('crash'),
      ALERT_WEBHOOK_URL: receiverUrl,
      ALERT_WEBHOOK_SECRET: secret,
    }
    const first = await spawnService(env)
    await waitForStatus(first, '/readyz', 200)
    const posted = await fetch(`${first.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Juniper Lodge' }, text: urgentStory }),
    })
    expect(posted.status).toBe(201)
    const { reference } = await posted.json()
    const alerts = alertModel(connection)
    expect(await waitUntil(async () => ((await alerts.findOne({ reference }).lean())?.attempts ?? 0) >= 1, 20_000)).toBe(true)
    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')

    const receiver = (started.receiver = await new FakeAlertReceiver(secret).start(receiverPort))
    const second = await spawnService({ ...env, PORT: first.port })
    try {
      await receiver.waitForRequests(1, 30_000)
      expect(receiver.received[0]).toMatchObject({ signatureValid: true, body: expect.objectContaining({ reference, escalation: 'inspector' }) })
      expect(await waitUntil(async () => (await alerts.findOne({ reference }).lean())?.status === 'delivered')).toBe(true)
    } finally {
      await second.stop()
    }
  })
})
