import type { Connection } from 'mongoose'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { feedbackModel } from '../../src/data/models/feedback'
import { findFreePort } from '../../src/data/embeddedDatabase'
import { testDatabaseUri } from '../helpers/database'
import { type ServiceProcess, spawnService, waitForStatus } from '../helpers/serviceProcess'
import { DirectLineTestClient, textOf } from './directLineClient'
import { scratchFolder } from '../helpers/scratchFolder'

/** The real service as a child process, killed with SIGKILL mid-journey and started again. */
let connection: Connection
let running: ServiceProcess | undefined
const databaseUri = testDatabaseUri()
const env = {
  DATA_DIR: scratchFolder('killed'),
  MONGODB_URI: databaseUri,
  LOG_LEVEL: 'silent',
}

beforeAll(async () => {
  connection = await connectToDatabase(databaseUri, pino({ level: 'silent' }))
})
afterAll(async () => {
  await running?.stop()
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
    ['The food at the home is always cold and nobody listens to Mum.', 'Who are you?'],
    ['my mum', 'Which service is it about?'],
    ['Willow Lodge nursing hom', 'Did you mean'],
    ['1', 'When did it happen?'],
    ['over the winter', 'good, bad or mixed?'],
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
    story: 'The food at the home is always cold and nobody listens to Mum.',
  })

  const second = await startService()
  const after = Object.assign(new DirectLineTestClient(second.url), {
    conversationId: before.conversationId,
    token: before.token,
    watermark: before.watermark,
  })
  // Still at the same step: more of the story is kept as story, and the question asked again.
  const kept = textOf(await after.say('Her food was left out of reach.'))
  expect(kept).toContain('I have kept what you wrote')
  expect(kept).toContain('good, bad or mixed?')
  expect(textOf(await after.say('bad'))).toContain('What would you like to happen?')

  const record = await recordFor(before.conversationId)
  expect(record?.story).toBe('The food at the home is always cold and nobody listens to Mum.\n\nHer food was left out of reach.')
  const transcript = await after.read('0')
  const typed = ['The food at the home is always cold and nobody listens to Mum.', 'my mum', 'Willow Lodge nursing hom', '1', 'over the winter', 'Her food was left out of reach.', 'bad']
  expect(transcript.activities.filter(activity => activity.from.role === 'user').map(activity => activity.text)).toEqual(typed)
  // Every message is on the record, with its step, across the kill.
  expect(record?.conversation?.map(message => [message.step, message.text])).toEqual([
    ['story', typed[0]],
    ['role', typed[1]],
    ['service', typed[2]],
    ['serviceConfirm', typed[3]],
    ['when', typed[4]],
    ['overall', typed[5]],
    ['overall', typed[6]],
  ])
  // A returning visitor's page refreshes the token first: that works across the restart too.
  expect((await DirectLineTestClient.resume(second.url, before.token)).conversationId).toBe(before.conversationId)
})
