import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FakeAlertReceiver } from '../fakes/alertReceiver'
import { testDatabaseUri } from '../helpers/database'
import { type ServiceProcess, spawnService, waitForStatus, waitUntil } from '../helpers/serviceProcess'

const secret = 'two-instances-secret'
const urgentStories = [
  'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.',
  'The night staff lock my dad in his room and he has not had water all day.',
  'My brother on the ward says he wants to end it all and nobody is watching him.',
  'A member of staff slapped a resident in the lounge today and shouted at her to shut up.',
  'My nan has been left in a soiled bed for two days and has sores that are bleeding.',
]

let receiver: FakeAlertReceiver
const instances: ServiceProcess[] = []

beforeAll(async () => {
  receiver = await new FakeAlertReceiver(secret).start()
  const dataDir = fs.mkdtempSync(path.join(process.env.TEST_DATA_ROOT ?? os.tmpdir(), 'two-instances-'))
  // Two real processes on one database, as two replicas behind a load balancer. They share keys, as they must.
  const env = {
    MONGODB_URI: testDatabaseUri(),
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
  for (const instance of instances) {
    instance.child.kill('SIGTERM')
    await instance.exited
  }
  await receiver?.stop()
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
