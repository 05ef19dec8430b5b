import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Connection } from 'mongoose'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { feedbackModel } from '../../src/data/models/feedback'
import { findFreePort } from '../../src/data/embeddedDatabase'
import { testDatabaseUri } from '../helpers/database'
import { type ServiceProcess, spawnService, waitForStatus } from '../helpers/serviceProcess'
import { DirectLineTestClient, textOf } from './directLineClient'

/** The real service as a child process, killed with SIGKILL mid-journey and started again. */
let connection: Connection
let running: ServiceProcess | undefined
const databaseUri = testDatabaseUri()
const env = {
  DATA_DIR: fs.mkdtempSync(path.join(process.env.TEST_DATA_ROOT ?? os.tmpdir(), 'killed-')),
  MONGODB_URI: databaseUri,
  LOG_LEVEL: 'silent',
}

beforeAll(async () => {
  connection = await connectToDatabase(databaseUri, pino({ level: 'silent' }))
})
afterAll(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM')
    await running.exited
  }
  await connection.close()
})

async function startService(): Promise<ServiceProcess> {
  running = await spawnService({ ...env, PORT: String(await findFreePort()) })
  await waitForStatus(running, '/readyz', 200)
  return running
}

const recordFor = (conversationId: string) => feedbackModel(connection).findOne({ conversationKey: `webchat:${conversationId}` }).lean()

it('after kill -9 and a restart, the same conversation carries on at the same step with nothing lost', async () => {
  const first = await startService()
  const before = new DirectLineTestClient(first.url)
  await before.start()
  for (const [typed, expected] of [
    ['no', 'Who are you?'],
    ['my mum', 'Which service is it about?'],
    ['Willow Lodge nursing hom', 'Did you mean'],
    ['1', 'When did it happen?'],
    ['over the winter', 'Tell us what happened'],
    ['Mum lost a lot of weight and nobody told us.', 'Is there anything else?'],
  ]) {
    expect(textOf(await before.say(typed))).toContain(expected)
  }

  first.child.kill('SIGKILL')
  expect(await first.exited).toBe('SIGKILL')

  // Everything typed before the kill is already in the draft.
  expect(await recordFor(before.conversationId)).toMatchObject({
    status: 'draft',
    role: 'family_friend_carer',
    service: { name: 'Willow Lodge Example Nursing Home' },
    when: { text: 'over the winter' },
  })

  const second = await startService()
  const after = Object.assign(new DirectLineTestClient(second.url), {
    conversationId: before.conversationId,
    token: before.token,
    watermark: before.watermark,
  })
  // Still at the story step: another part of the story is added to it.
  expect(textOf(await after.say('Her food was left out of reach.'))).toContain('Is there anything else?')
  expect(textOf(await after.say('done'))).toContain('good, bad or mixed?')

  const record = await recordFor(before.conversationId)
  expect(record?.story).toBe('Mum lost a lot of weight and nobody told us.\n\nHer food was left out of reach.')
  const transcript = await after.read('0')
  expect(transcript.activities.filter(activity => activity.from.role === 'user').map(activity => activity.text)).toEqual([
    'no',
    'my mum',
    'Willow Lodge nursing hom',
    '1',
    'over the winter',
    'Mum lost a lot of weight and nobody told us.',
    'Her food was left out of reach.',
    'done',
  ])
  // A returning visitor's page refreshes the token first: that works across the restart too.
  expect((await DirectLineTestClient.resume(second.url, before.token)).conversationId).toBe(before.conversationId)
})
