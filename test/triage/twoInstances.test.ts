import crypto from 'node:crypto'
import { feedbackModel } from '../../src/data/models/feedback'
import { FakeAlertReceiver } from '../fakes/alertReceiver'
import { type BotConnectorFake, startBotConnectorFake } from '../fakes/botConnectorFake'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { testDatabaseUri } from '../helpers/database'
import type { Connection } from 'mongoose'
import { type ServiceProcess, spawnService, waitForStatus, waitUntil } from '../helpers/serviceProcess'
import { scratchFolder } from '../helpers/scratchFolder'

const secret = 'two-instances-secret'
const urgentStories = [
  'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.',
  'The night staff lock my dad in his room and he has not had water all day.',
  'My brother on the ward says he wants to end it all and nobody is watching him.',
  'A member of staff slapped a resident in the lounge today and shouted at her to shut up.',
  'My nan has been left in a soiled bed for two days and has sores that are bleeding.',
]

let receiver: FakeAlertReceiver
let connector: BotConnectorFake
const instances: ServiceProcess[] = []
let databaseUri: string

beforeAll(async () => {
  receiver = await new FakeAlertReceiver(secret).start()
  connector = await startBotConnectorFake()
  databaseUri = testDatabaseUri()
  const dataDir = scratchFolder('two-instances')
  // Two real processes on one database, as two replicas behind a load balancer. They share keys, as they must.
  const env = {
    MONGODB_URI: databaseUri,
    DATA_DIR: dataDir,
    ALERT_WEBHOOK_URL: receiver.url,
    ALERT_WEBHOOK_SECRET: secret,
    // 3 seconds to each escalation step, so the test sees the manager and director tiers.
    ALERT_ESCALATION_MINUTES: '0.05',
    RATE_LIMIT_PER_MINUTE: '1000',
  }
  instances.push(await spawnService(env), await spawnService(env))
  await Promise.all(instances.map(instance => waitForStatus(instance, '/readyz', 200)))
}, 120_000)

afterAll(async () => {
  for (const instance of instances) await instance.stop()
  await receiver?.stop()
  await connector?.stop()
})

describe('two instances on one database', () => {
  it('send exactly one alert per case, tier and target, for concerns spread across them', async () => {
    const references = await Promise.all(
      Array.from({ length: 10 }, async (_, index) => {
        const response = await fetch(`${instances[index % 2].url}/api/feedback`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ service: { name: `Care Home ${index}` }, text: urgentStories[index % urgentStories.length] }),
        })
        expect(response.status).toBe(201)
        return ((await response.json()) as { reference: string }).reference
      }),
    )
    const accepted = () => receiver.received.filter(alert => alert.signatureValid && references.includes(String(alert.body.reference)))
    // Each case: the on-call inspector at once, the manager after one step, the director after two.
    expect(await waitUntil(() => accepted().length >= 30, 60_000)).toBe(true)
    // Time for any duplicate from the other instance to arrive.
    await new Promise(resolve => setTimeout(resolve, 4000))

    const seen = accepted().map(alert => `${alert.body.reference} ${alert.body.escalation}`)
    expect(seen).toHaveLength(30)
    expect(new Set(seen).size).toBe(30)
    for (const reference of references) {
      expect(seen.filter(entry => entry.startsWith(reference)).sort()).toEqual([`${reference} director`, `${reference} inspector`, `${reference} manager`])
    }
    expect(new Set(accepted().map(alert => alert.headers['idempotency-key'])).size).toBe(30)
  }, 120_000)
})

describe('a chat whose turns alternate between two instances', () => {
  /** The staff member's journey; each reply must show the conversation moved on from the step before. */
  const turns: [typed: string, expected: string][] = [
    ['Managers told us not to write incidents down.', 'Who are you?'],
    ['i work there as a nurse', 'Public Interest Disclosure Act 1998'],
    ['Sunnyside Clinic, Nowhereton', 'I could not find "Sunnyside Clinic, Nowhereton"'],
    ['in March', 'What would you like to happen?'],
    ['skip', 'Can we contact you'],
    ['1', 'Can we share your words'],
    ['no thanks', 'Who you are: I work there'],
    ['sumbit', 'Your reference is'],
  ]

  it('keeps its place and every word, whichever instance takes each turn', async () => {
    const conversationId = crypto.randomUUID()
    let reply = ''
    for (const [index, [typed, expected]] of turns.entries()) {
      const before = connector.received.length
      const response = await fetch(`${instances[index % 2].url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: crypto.randomUUID(),
          channelId: 'emulator',
          serviceUrl: connector.url,
          timestamp: new Date().toISOString(),
          locale: 'en-GB',
          from: { id: 'user-alternating', name: 'User', role: 'user' },
          recipient: { id: 'feedback-bot', name: 'Bot', role: 'bot' },
          conversation: { id: conversationId },
          text: typed,
        }),
      })
      expect({ typed, status: response.status }).toEqual({ typed, status: 200 })
      reply = connector.received
        .slice(before)
        .filter(item => item.conversationId === conversationId)
        .map(item => item.activity.text ?? '')
        .join('\n')
      expect({ typed, reply }).toEqual({ typed, reply: expect.stringContaining(expected) })
    }
    const reference = reply.match(/reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/)?.[1]
    expect(reference).toBeDefined()

    const connection: Connection = await connectToDatabase(databaseUri, pino({ level: 'silent' }))
    try {
      const record = await feedbackModel(connection).findOne({ reference }).lean()
      expect(record).toMatchObject({
        status: 'received',
        role: 'staff',
        service: { name: 'Sunnyside Clinic, Nowhereton' },
        when: { text: 'in March' },
        story: 'Managers told us not to write incidents down.',
        contact: { method: 'anonymous' },
        consentToShare: false,
      })
      // Every word typed is in the conversation log, once and in order, whichever instance heard it.
      expect(record?.conversation?.map(message => message.text)).toEqual(turns.map(([typed]) => typed))
    } finally {
      await connection.close()
    }
  }, 120_000)
})
