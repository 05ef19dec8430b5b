import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { ActivityHandler, ActivityTypes, MessageFactory } from 'botbuilder'
import express from 'express'
import { directLineConversationModel } from '../../src/data/models/directLineConversation'
import { DirectLineChannel, directLineRoutes } from '../../src/channels/webchat'
import { maxTokenRenewals } from '../../src/channels/webchat/tokens'
import { errorHandler, notFound } from '../../src/middleware/errorHandlers'
import { testDatabaseForThisFile } from '../helpers/database'
import { createTestServices } from '../helpers/service'
import { type ChatActivity, DirectLineTestClient, textOf } from './directLineClient'

/**
 * The Direct Line transport on its own, with a stand-in bot whose replies are predictable, so the protocol
 * (order, watermarks, tokens, bad input) is checked independently of the dialogs' wording.
 */
class StandInBot extends ActivityHandler {
  constructor() {
    super()
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) {
          await context.sendActivity(MessageFactory.suggestedActions(['Yes', 'No'], 'Welcome. Shall we start?'))
        }
      }
      await next()
    })
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? ''
      if (text === 'please fail') throw new Error(`failed while handling ${text}`)
      await context.sendActivity(`Got ${text.length} characters.`)
      await context.sendActivity({ type: 'delay', value: 10 })
      await context.sendActivity({ type: ActivityTypes.Trace, name: 'debug', value: { secret: 'state' } })
      await context.sendActivity('What next?')
      await next()
    })
  }
}

const connection = testDatabaseForThisFile()
let server: http.Server
let baseUrl: string
let channel: DirectLineChannel
const now = { value: new Date('2026-11-25T10:00:00Z') }

beforeAll(async () => {
  const services = createTestServices(connection, { RATE_LIMIT_PER_MINUTE: '1000' }, { now: () => now.value })
  const app = express()
  const bot = new StandInBot()
  channel = new DirectLineChannel(services, bot)
  app.use(directLineRoutes(channel, services.config.RATE_LIMIT_PER_MINUTE))
  app.use(notFound)
  app.use(errorHandler)
  server = http.createServer(app)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise(resolve => server.close(resolve))
})

async function startedClient(): Promise<{ client: DirectLineTestClient; welcome: ChatActivity[] }> {
  const client = new DirectLineTestClient(baseUrl)
  const welcome = await client.start()
  return { client, welcome }
}

describe('starting a conversation', () => {
  it('answers 201 with an unguessable conversation id and a token, and the bot has already said welcome', async () => {
    const response = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST' })
    expect(response.status).toBe(201)
    const ticket = await response.json()
    expect(ticket.conversationId).toMatch(/^[A-Za-z0-9_-]{24,}$/)
    expect(ticket.expires_in).toBe(1800)
    const other = await (await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST' })).json()
    expect(other.conversationId).not.toBe(ticket.conversationId)

    const client = Object.assign(new DirectLineTestClient(baseUrl), { conversationId: ticket.conversationId, token: ticket.token })
    const page = await client.read('0')
    expect(page.activities).toHaveLength(1)
    expect(page.activities[0]).toMatchObject({
      type: 'message',
      text: 'Welcome. Shall we start?',
      channelId: 'webchat',
      from: { role: 'bot' },
      conversation: { id: ticket.conversationId },
    })
    expect(page.activities[0].suggestedActions?.actions.map(action => action.title)).toEqual(['Yes', 'No'])
    expect(page.watermark).toBe('1')
  })

  it('resumes the same conversation for a returning visitor without welcoming them twice', async () => {
    const { client } = await startedClient()
    await client.say('hello')
    const response = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` } })
    expect(response.status).toBe(200)
    const ticket = await response.json()
    expect(ticket.conversationId).toBe(client.conversationId)

    const again = Object.assign(new DirectLineTestClient(baseUrl), { conversationId: ticket.conversationId, token: ticket.token })
    const everything = await again.read('0')
    expect(everything.activities.map(activity => activity.text)).toEqual(['Welcome. Shall we start?', 'hello', 'Got 5 characters.', 'What next?'])
  })

  it('reconnects with GET /conversations/{id}, giving a fresh token for the same conversation', async () => {
    const { client } = await startedClient()
    const response = await fetch(`${client.domain}/conversations/${client.conversationId}?watermark=1`, { headers: { authorization: `Bearer ${client.token}` } })
    expect(response.status).toBe(200)
    const ticket = await response.json()
    expect(ticket.conversationId).toBe(client.conversationId)
    const reconnected = Object.assign(new DirectLineTestClient(baseUrl), { conversationId: ticket.conversationId, token: ticket.token })
    expect(textOf((await reconnected.read('0')).activities)).toBe('Welcome. Shall we start?')
  })

  it('starts a conversation from a generated token once, on the first POST /conversations', async () => {
    const generated = await (await fetch(`${baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).json()
    const first = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${generated.token}` } })
    expect(first.status).toBe(201)
    const renewed = (await first.json()).token as string
    // The generated token was exchanged: only the one handed back works now.
    const again = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${generated.token}` } })
    expect(again.status).toBe(403)
    const second = await fetch(`${baseUrl}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${renewed}` } })
    expect(second.status).toBe(200)
    const client = Object.assign(new DirectLineTestClient(baseUrl), { conversationId: generated.conversationId, token: (await second.json()).token })
    expect(textOf((await client.read('0')).activities)).toBe('Welcome. Shall we start?')
  })

  it('answers a CORS preflight, so the chat can be embedded on another site', async () => {
    const response = await fetch(`${baseUrl}/v3/directline/conversations`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
  })
})

describe('sending and reading activities', () => {
  it('stores the person’s message and then the bot’s replies, in order, with rising watermarks', async () => {
    const { client } = await startedClient()
    const response = await client.post({ type: 'message', text: 'first', channelData: { clientActivityID: 'abc123' } })
    expect(response.status).toBe(200)
    const { id } = await response.json()
    const page = await client.read('1')
    expect(page.activities.map(activity => [activity.from.role, activity.text])).toEqual([
      ['user', 'first'],
      ['bot', 'Got 5 characters.'],
      ['bot', 'What next?'],
    ])
    expect(page.activities[0].id).toBe(id)
    expect(page.activities[0].channelData).toMatchObject({ clientActivityID: 'abc123' })
    expect(page.watermark).toBe('4')
    expect((await client.read('4')).activities).toEqual([])
    expect((await client.read('4')).watermark).toBe('4')
  })

  it('keeps each reply next to its message when messages arrive at the same time', async () => {
    const { client } = await startedClient()
    const texts = ['one', 'three', 'fives', 'sevenths', 'nine']
    const responses = await Promise.all(texts.map(text => client.post({ type: 'message', text })))
    expect(responses.map(response => response.status)).toEqual([200, 200, 200, 200, 200])
    const page = await client.read('1')
    const said = page.activities.map(activity => activity.text)
    for (const text of texts) {
      const at = said.indexOf(text)
      expect(said.slice(at, at + 3)).toEqual([text, `Got ${text.length} characters.`, 'What next?'])
    }
    const watermarks = page.activities.map(activity => Number(activity.id.split('|')[1]))
    expect(watermarks).toEqual([...watermarks].sort((a, b) => a - b))
  })

  it.each([
    ['nothing at all', ''],
    ['emoji only', '😡😡😡 👎'],
    ['HTML and script', '<script>alert("x")</script><b>bold</b> & <img src=x onerror=alert(1)>'],
    ['Welsh', 'Roedd y nyrs yn garedig iawn, diolch yn fawr.'],
    ['Polish', 'Pielęgniarka była bardzo miła, ale czekałam zbyt długo.'],
    ['Urdu', 'نرس بہت مہربان تھی لیکن مجھے بہت انتظار کرنا پڑا'],
    ['10,000 characters', 'I waited a long time. '.repeat(455).slice(0, 10_000)],
  ])('accepts %s and gives back exactly what was typed', async (_name, text) => {
    const { client } = await startedClient()
    const response = await client.post({ type: 'message', text })
    expect(response.status).toBe(200)
    const page = await client.read('1')
    expect(page.activities[0]).toMatchObject({ from: { role: 'user' }, text })
    expect(page.activities[1].text).toBe(`Got ${text.length} characters.`)
  })

  it('never keeps a client’s own idea of who sent a message', async () => {
    const { client } = await startedClient()
    await client.post({ type: 'message', text: 'hi', from: { id: 'feedback-bot', role: 'bot' }, recipient: { id: 'someone' } })
    const [own] = (await client.read('1')).activities
    expect(own.from.role).toBe('user')
    expect(own.from.id).toMatch(/^dl_/)
  })

  it('keeps the transcript sealed at rest, not as readable text', async () => {
    const { client } = await startedClient()
    await client.say('my phone is 07700 900123')
    const raw = JSON.stringify(await connection.db!.collection('directlineactivities').find({ conversationId: client.conversationId }).toArray())
    expect(raw).not.toContain('07700 900123')
    expect(raw).not.toContain('Welcome')
  })

  it('apologises kindly, and keeps the message, when the bot fails', async () => {
    const { client } = await startedClient()
    const response = await client.post({ type: 'message', text: 'please fail' })
    expect(response.status).toBe(200)
    const page = await client.read('1')
    expect(page.activities[0].text).toBe('please fail')
    expect(page.activities[1].text).toMatch(/^Sorry, something went wrong on our side/)
    expect(JSON.stringify(page)).not.toMatch(/at .*\.ts|Error:/)
  })
})

describe('bad requests get a kind JSON answer, never a 500', () => {
  it.each([
    ['not JSON', '{"type": "message", "text": ', 400],
    ['no type', { text: 'hello' }, 400],
    ['an unknown type', { type: 'invoke', text: 'hello' }, 400],
    ['text that is not text', { type: 'message', text: { html: '<b>' } }, 400],
    ['a list instead of an activity', [{ type: 'message' }], 400],
    ['20,001 characters', { type: 'message', text: 'a'.repeat(20_001) }, 413],
    ['a body over 256 kB', { type: 'message', text: 'short', value: 'x'.repeat(300_000) }, 413],
  ])('%s', async (_name, body, status) => {
    const { client } = await startedClient()
    const response = await client.post(body)
    expect(response.status).toBe(status)
    const answer = await response.json()
    expect(answer.message).toMatch(/^(We could not read that message|That message is too long)/)
    expect((await client.read('1')).activities).toEqual([])
  })

  it('a watermark that is not a number', async () => {
    const { client } = await startedClient()
    const response = await fetch(`${client.domain}/conversations/${client.conversationId}/activities?watermark=-1`, {
      headers: { authorization: `Bearer ${client.token}` },
    })
    expect(response.status).toBe(400)
    expect((await response.json()).message).toMatch(/watermark/)
  })
})

describe('tokens are scoped to one conversation', () => {
  it('a token for conversation A can neither read nor post to conversation B', async () => {
    const a = (await startedClient()).client
    const b = (await startedClient()).client
    await b.say('private words')

    const read = await fetch(`${b.domain}/conversations/${b.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${a.token}` } })
    expect(read.status).toBe(403)
    expect(JSON.stringify(await read.json())).not.toContain('private words')
    const posted = await a.post({ type: 'message', text: 'intruding' }, a.token, b.conversationId)
    expect(posted.status).toBe(403)
    expect((await b.read('0')).activities.map(activity => activity.text)).not.toContain('intruding')
    const resumed = await fetch(`${b.domain}/conversations/${b.conversationId}`, { headers: { authorization: `Bearer ${a.token}` } })
    expect(resumed.status).toBe(403)
  })

  it.each([
    ['no token', undefined, 401],
    ['a garbage token', 'Bearer not-a-token', 403],
    ['a token signed with another secret', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoieCIsInN1YiI6InkifQ.c2lnbmF0dXJl', 403],
    ['a different scheme', 'Basic dXNlcjpwYXNz', 401],
  ])('%s is refused with JSON', async (_name, authorization, status) => {
    const { client } = await startedClient()
    const headers: Record<string, string> = authorization ? { authorization } : {}
    for (const request of [
      fetch(`${client.domain}/conversations/${client.conversationId}/activities?watermark=0`, { headers }),
      fetch(`${client.domain}/conversations/${client.conversationId}/activities`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{"type":"message","text":"hi"}' }),
      fetch(`${client.domain}/tokens/refresh`, { method: 'POST', headers }),
    ]) {
      const response = await request
      expect(response.status).toBe(status)
      expect((await response.json()).message).toMatch(/token|chat/)
    }
  })

  it('an expired token cannot read or be refreshed, but resumes the conversation for 30 days, so a person can come back later', async () => {
    const { client } = await startedClient()
    await client.say('before the break')
    const started = now.value
    try {
      now.value = new Date(started.getTime() + 31 * 60 * 1000)
      const read = await fetch(`${client.domain}/conversations/${client.conversationId}/activities?watermark=0`, { headers: { authorization: `Bearer ${client.token}` } })
      expect(read.status).toBe(403)
      const refreshed = await fetch(`${client.domain}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` } })
      expect(refreshed.status).toBe(403)

      now.value = new Date(started.getTime() + 10 * 24 * 60 * 60 * 1000)
      const resumed = await DirectLineTestClient.resume(baseUrl, client.token)
      expect(resumed.conversationId).toBe(client.conversationId)
      expect((await resumed.read('0')).activities.map(activity => activity.text)).toContain('before the break')

      now.value = new Date(started.getTime() + 41 * 24 * 60 * 60 * 1000)
      const tooLate = await fetch(`${client.domain}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${resumed.token}` } })
      expect(tooLate.status).toBe(403)
    } finally {
      now.value = started
    }
  })

  it('once a token is renewed the old one stops working, even to resume', async () => {
    const { client } = await startedClient()
    const old = client.token
    const response = await fetch(`${client.domain}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${old}` } })
    expect(response.status).toBe(200)
    const renewed = (await response.json()).token as string
    expect((await client.post({ type: 'message', text: 'with the old token' }, old)).status).toBe(403)
    expect((await fetch(`${client.domain}/conversations/${client.conversationId}/activities`, { headers: { authorization: `Bearer ${old}` } })).status).toBe(403)
    expect((await fetch(`${client.domain}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${old}` } })).status).toBe(403)
    expect((await fetch(`${client.domain}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${old}` } })).status).toBe(403)
    expect((await client.post({ type: 'message', text: 'with the new token' }, renewed)).status).toBe(200)
  })

  it('renews the token of one conversation a bounded number of times', async () => {
    const { client } = await startedClient()
    await directLineConversationModel(connection).updateOne({ conversationId: client.conversationId }, { $set: { tokenRenewals: maxTokenRenewals - 1 } })
    const last = await fetch(`${client.domain}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${client.token}` } })
    expect(last.status).toBe(200)
    const { token } = await last.json()
    const refused = await fetch(`${client.domain}/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    expect(refused.status).toBe(403)
    expect((await refused.json()).message).toMatch(/start a new chat/)
  })
})

describe('keeping transcripts only as long as they can be used', () => {
  it('forgets a conversation, and its transcript, once it has been idle longer than the 30-day resume window', async () => {
    const old = (await startedClient()).client
    await old.say('words from long ago')
    const started = now.value
    try {
      now.value = new Date(started.getTime() + 31 * 24 * 60 * 60 * 1000)
      const recent = (await startedClient()).client
      await recent.say('recent words')
      expect(await channel.retention.runOnce()).toBeGreaterThanOrEqual(1)

      expect(await channel.transcripts.findConversation(old.conversationId)).toBeNull()
      expect(await connection.db!.collection('directlineactivities').countDocuments({ conversationId: old.conversationId })).toBe(0)
      expect((await recent.read('0')).activities.map(activity => activity.text)).toContain('recent words')
    } finally {
      now.value = started
    }
  })
})
