import crypto from 'node:crypto'
import type { Activity } from 'botbuilder'
import { conversationReferenceModel } from '../../src/data/models/conversationReference'
import type { RunningService } from '../../src/service'
import { startBotConnectorFake, type BotConnectorFake } from '../fakes/botConnectorFake'
import { startTestService } from '../helpers/service'

let service: RunningService
let connector: BotConnectorFake

beforeAll(async () => {
  connector = await startBotConnectorFake()
  service = await startTestService()
})

afterAll(async () => {
  await service?.stop()
  await connector?.stop()
})

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

async function postActivity(activity: Partial<Activity>, headers: Record<string, string> = {}, url = service.url) {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  })
  return response.status
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
    const stored = await conversationReferenceModel(service.services.connection).findOne({ key: `emulator:${conversationId}` }).lean()
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
