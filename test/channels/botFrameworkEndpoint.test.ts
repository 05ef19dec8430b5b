import crypto from 'node:crypto'
import type { Activity } from 'botbuilder'
import { botStateModel } from '../../src/bot/mongoStorage'
import { conversationReferenceModel } from '../../src/data/models/conversationReference'
import { startBotConnectorFake } from '../fakes/botConnectorFake'
import { startedForThisFile } from '../helpers/forThisFile'
import { startTestService, testServiceForThisFile } from '../helpers/service'

const connector = startedForThisFile(startBotConnectorFake)
const service = testServiceForThisFile()

/** An activity the way the Bot Framework Emulator posts it: no Authorization header, its own serviceUrl. */
function emulatorActivity(conversationId: string, fields: Partial<Activity>, channelId = 'emulator'): Partial<Activity> {
  return {
    type: 'message',
    id: crypto.randomUUID(),
    channelId,
    serviceUrl: connector.url,
    timestamp: new Date(),
    locale: 'en-GB',
    from: { id: 'user-1', name: 'User', role: 'user' },
    recipient: { id: 'feedback-bot', name: 'Bot', role: 'bot' },
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    ...fields,
  }
}

async function postActivity(activity: unknown, headers: Record<string, string> = {}, url = service.url) {
  return (await post(activity, headers, url)).status
}

async function post(activity: unknown, headers: Record<string, string> = {}, url = service.url) {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  })
  return { status: response.status, body: await response.text() }
}

function repliesTo(conversationId: string): Partial<Activity>[] {
  return connector.received.filter(item => item.conversationId === conversationId).map(item => item.activity)
}

describe('POST /api/messages, as the Bot Framework Emulator calls it (no app id, no auth)', () => {
  it('runs the bot and posts its replies to the connector at the serviceUrl', async () => {
    const conversationId = crypto.randomUUID()
    const message = emulatorActivity(conversationId, { text: 'The food was cold.' })
    expect(await postActivity(message)).toBe(200)
    const replies = repliesTo(conversationId)
    expect(replies.length).toBeGreaterThan(0)
    expect(replies[0]).toMatchObject({ type: 'message', replyToId: message.id, from: expect.objectContaining({ id: 'feedback-bot' }) })
    expect(connector.received.find(item => item.conversationId === conversationId)?.replyToId).toBe(message.id)
    // Choices go as suggested actions on the emulator, like web chat.
    expect(replies.some(reply => (reply.suggestedActions?.actions?.length ?? 0) > 0)).toBe(true)
  })

  it('remembers the conversation so it can be reached again later', async () => {
    const conversationId = crypto.randomUUID()
    expect(await postActivity(emulatorActivity(conversationId, { text: 'Hello' }))).toBe(200)
    const stored = await conversationReferenceModel(service.services.connection).findOne({ key: `botframework.emulator:${conversationId}` }).lean()
    expect(JSON.parse(stored!.referenceJson)).toMatchObject({ serviceUrl: connector.url, conversation: { id: conversationId } })
  })

  it('welcomes someone who joins', async () => {
    const conversationId = crypto.randomUUID()
    const status = await postActivity(
      emulatorActivity(conversationId, {
        type: 'conversationUpdate',
        membersAdded: [
          { id: 'feedback-bot', name: 'Bot' },
          { id: 'user-1', name: 'User' },
        ],
      }),
    )
    expect(status).toBe(200)
    expect(repliesTo(conversationId).length).toBeGreaterThan(0)
  })

  it('gives Teams its choices as an Adaptive Card', async () => {
    const conversationId = `a:${crypto.randomUUID()}`
    expect(await postActivity(emulatorActivity(conversationId, { text: 'The food was cold.' }, 'msteams'))).toBe(200)
    const cards = repliesTo(conversationId).flatMap(reply => reply.attachments ?? [])
    expect(cards.length).toBeGreaterThan(0)
    expect(cards[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive' })
  })

  it('answers a body that is not JSON with 400, not a stack trace', async () => {
    const response = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' })
    expect(response.status).toBe(400)
    expect(await response.text()).not.toMatch(/at .*\.js:\d+/)
  })
})

describe('POST /api/messages with an app id configured', () => {
  it('refuses a request without a Bot Framework token', async () => {
    const secured = await startTestService({ MicrosoftAppId: crypto.randomUUID(), MicrosoftAppPassword: 'secret' })
    try {
      const conversationId = crypto.randomUUID()
      expect(await postActivity(emulatorActivity(conversationId, { text: 'Hello' }), {}, secured.url)).toBe(401)
      expect(repliesTo(conversationId)).toHaveLength(0)
    } finally {
      await secured.stop()
    }
  })
})

describe('POST /api/messages refuses what an attacker would send anonymously', () => {
  const stateId = (key: string) => crypto.createHash('sha256').update(key).digest('hex')

  it('cannot continue, read or redirect a web chat conversation by claiming channelId "webchat" and its id', async () => {
    const started = await fetch(`${service.url}/v3/directline/conversations`, { method: 'POST' })
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string }
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'message', text: 'Hello' }),
    })
    const states = botStateModel(service.services.connection)
    const before = await states.findById(stateId(`webchat/conversations/${conversationId}/`)).lean()
    expect(before).not.toBeNull()
    const transcriptBefore = await (await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities`, { headers })).json()

    const status = await postActivity(emulatorActivity(conversationId, { text: 'The Oaks care home' }, 'webchat'))
    expect(status).toBe(200)

    // The person's own conversation is untouched: same state, same transcript, same place to reach them.
    expect((await states.findById(stateId(`webchat/conversations/${conversationId}/`)).lean())?.eTag).toBe(before!.eTag)
    const transcriptAfter = await (await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities`, { headers })).json()
    expect(transcriptAfter.activities).toHaveLength(transcriptBefore.activities.length)
    const reference = await conversationReferenceModel(service.services.connection).findOne({ key: `webchat:${conversationId}` }).lean()
    expect(JSON.parse(reference!.referenceJson).serviceUrl).not.toBe(connector.url)
    // The attacker got a conversation of their own, from the start.
    expect(await states.findById(stateId(`botframework.webchat/conversations/${conversationId}/`)).lean()).not.toBeNull()
  })

  it.each([
    ['a cloud metadata address', 'http://169.254.169.254/latest/'],
    ['a private network address', 'http://10.0.0.7:8080/'],
    ['a public host', 'https://attacker.example.com/'],
    ['not a web address', 'file:///etc/passwd'],
  ])('will not call back to %s named as serviceUrl (no server-side request forgery)', async (_name, serviceUrl) => {
    const conversationId = crypto.randomUUID()
    const response = await post(emulatorActivity(conversationId, { text: 'Hello', serviceUrl }))
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body).message).toMatch(/serviceUrl/)
    expect(await conversationReferenceModel(service.services.connection).countDocuments({ conversationId })).toBe(0)
  })

  it.each([
    ['text that is not a string', { text: { $gt: '' } }],
    ['a number as text', { text: 42 }],
    ['an invoke', { type: 'invoke', name: 'adaptiveCard/action' }],
    ['no conversation', { conversation: undefined }],
    ['a conversation without an id', { conversation: { id: 7 } }],
    ['an unknown type', { type: 'trace' }],
    ['members that are not accounts', { type: 'conversationUpdate', membersAdded: ['x'] }],
  ])('answers %s with a plain 400, never 5xx', async (_name, fields) => {
    const response = await post(emulatorActivity(crypto.randomUUID(), fields as Partial<Activity>))
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toEqual({ error: 'bad_request', message: expect.stringMatching(/^This service could not read that activity/) })
  })

  it.each([['[]'], ['null'], ['"text"'], ['{"type":"message"}']])('answers the body %s with a plain 400', async body => {
    const response = await post(body)
    expect(response.status).toBe(400)
    expect(response.body).not.toMatch(/req\.body|ZodError|at .*\.js/)
  })
})

describe('POST /api/messages is rate-limited', () => {
  it('refuses the fourth message in a minute from one conversation when the limit is three', async () => {
    const limited = await startTestService({ RATE_LIMIT_PER_MINUTE: '3' })
    try {
      const conversationId = crypto.randomUUID()
      const statuses: number[] = []
      for (let attempt = 0; attempt < 4; attempt++) {
        statuses.push(await postActivity(emulatorActivity(conversationId, { type: 'typing' }), {}, limited.url))
      }
      expect(statuses).toEqual([200, 200, 200, 429])
    } finally {
      await limited.stop()
    }
  })
})
