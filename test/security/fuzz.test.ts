import crypto from 'node:crypto'
import twilio from 'twilio'
import { startBotConnectorFake } from '../fakes/botConnectorFake'
import { startedForThisFile } from '../helpers/forThisFile'
import { testServiceForThisFile } from '../helpers/service'

/**
 * A seeded, bounded fuzz run over every public endpoint: well-formed, half-formed and hostile requests, with
 * and without valid tokens, cookies and signatures. Not one may get a 5xx, none may hang, and the service must
 * be healthy and still hold a conversation at the end. FUZZ_SEED and FUZZ_REQUESTS change the run.
 */
const seed = Number(process.env.FUZZ_SEED ?? 14)
const totalRequests = Number(process.env.FUZZ_REQUESTS ?? 10_000)
const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? 6)
const requestTimeoutMs = 15_000

/** mulberry32: small, fast and the same on every machine. */
function generator(start: number) {
  let state = start >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number) => Math.floor(next() * below)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const chance = (p: number) => next() < p
  return { next, int, pick, chance }
}

const random = generator(seed)

const words = [
  'hello', 'yes', 'no', 'back', 'help', 'stop', 'START', 'Rose Court', 'my mum was hit', 'I want to die', '999', 'FB-ABCD-1234',
  '07700 900123', 'someone@example.com', 'last Tuesday', 'Gwasanaeth da', 'Dziękuję', 'شکریہ', '😀🙏🏽', '<script>alert(1)</script>',
  "'; DROP TABLE feedback; --", '{{7*7}}', '${jndi:ldap://x}', '../../etc/passwd', '%00', '\u0000', '\ud800', '=cmd|calc!A0',
]
const oddStrings = ['', ' ', '\n', 'a'.repeat(20_001), ' '.repeat(5000), '@'.repeat(3000), 'x@y.'.repeat(500), '\u202e', 'null', 'undefined', 'NaN']

function text(): string {
  if (random.chance(0.15)) return random.pick(oddStrings)
  const count = 1 + random.int(6)
  return Array.from({ length: count }, () => random.pick(words)).join(random.pick([' ', ', ', '\n', '. ']))
}

function value(depth = 0): unknown {
  const kind = random.int(depth > 2 ? 6 : 9)
  switch (kind) {
    case 0:
      return text()
    case 1:
      return random.pick([0, -1, 1.5, 1e308, -0, 2 ** 53 + 1])
    case 2:
      return random.chance(0.5)
    case 3:
      return null
    case 4:
      return random.pick(words)
    case 5:
      return ''
    case 6:
      return Array.from({ length: random.int(4) }, () => value(depth + 1))
    default: {
      const object: Record<string, unknown> = {}
      for (let index = random.int(5); index > 0; index--) object[random.pick(['type', 'text', '__proto__', 'constructor', '$gt', 'a.b', 'id', 'value', 'name'])] = value(depth + 1)
      return object
    }
  }
}

/** A plausible object with some fields removed, retyped or added. */
function mutate(template: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...template }
  for (const key of Object.keys(copy)) {
    const roll = random.next()
    if (roll < 0.12) delete copy[key]
    else if (roll < 0.24) copy[key] = value(1)
  }
  if (random.chance(0.1)) copy[random.pick(['__proto__', 'constructor', 'extra', '$where'])] = value(1)
  return copy
}

function pathPart(): string {
  return random.pick(['x', 'FB-ABCD-1234', '..%2F..%2Fetc', '%E0%A4%A', 'a'.repeat(3000), '%00', '😀', '$gt', '000000000000000000000000', "'", ''])
}

const twilioToken = 'fuzz-twilio-auth-token'
const publicBaseUrl = 'https://feedback.example.gov.uk'
const poolSize = 5
const tokens: { conversationId: string; token: string }[] = []
const connector = startedForThisFile(startBotConnectorFake)
const service = testServiceForThisFile({ RATE_LIMIT_PER_MINUTE: '1000000', PUBLIC_BASE_URL: publicBaseUrl, TWILIO_AUTH_TOKEN: twilioToken, TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000' })

beforeAll(async () => {
  for (let index = 0; index < poolSize; index++) {
    const created = await fetch(`${service.url}/v3/directline/conversations`, { method: 'POST' })
    tokens.push((await created.json()) as { conversationId: string; token: string })
  }
})

interface FuzzRequest {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
}

const json = (body: unknown): Pick<FuzzRequest, 'headers' | 'body'> => ({
  headers: { 'content-type': random.chance(0.9) ? 'application/json' : random.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16']) },
  body: random.chance(0.93) ? JSON.stringify(body) : random.pick(['{', '[1,2', 'null', '"x"', '\u0000', '{"a":'.repeat(200)]),
})

const form = (fields: Record<string, unknown>): Pick<FuzzRequest, 'headers' | 'body'> => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(Object.entries(fields).map(([key, field]) => [key, typeof field === 'string' ? field : JSON.stringify(field)])).toString(),
})

function bearer(): Record<string, string> {
  const roll = random.int(5)
  if (roll === 0) return {}
  if (roll === 1) return { authorization: `Bearer ${random.pick(['x', 'eyJhbGciOiJub25lIn0.eyJjb252IjoieCJ9.', 'pfs_' + 'a'.repeat(43)])}` }
  // Filled in when sent: the pool's current token for that conversation (renewals replace them).
  return { authorization: `Bearer @token:${random.int(poolSize)}` }
}

/**
 * Weights keep the run bounded: requests that run a whole bot turn or classify a story cost hundreds of times
 * more than the rest, so they are a few percent of the run, while every endpoint is still reached often.
 */
const endpoints: { name: string; weight: number; make: () => FuzzRequest }[] = [
  { name: 'GET pages', weight: 12, make: () => ({ method: random.pick(['GET', 'HEAD', 'POST', 'DELETE']), path: random.pick(['/', '/privacy', '/accessibility', '/give-feedback-by-form', '/chat', `/${pathPart()}`, '/assets/app/chat.js', `/assets/${pathPart()}`]) }) },
  {
    name: 'POST /api/feedback',
    weight: 5,
    make: () => ({
      method: 'POST',
      path: '/api/feedback',
      ...json(mutate({ service: random.chance(0.5) ? { name: text() } : { locationId: random.pick(['1-000000001', text()]) }, text: text(), role: random.pick(['patient', 'relative', text()]), when: text(), contact: mutate({ method: random.pick(['email', 'sms', 'phone', 'anonymous', 'chat', text()]), email: text(), phone: text() }) })),
    }),
  },
  { name: 'GET status', weight: 10, make: () => ({ method: 'GET', path: `/api/feedback/${pathPart()}/status` }) },
  {
    name: 'POST form',
    weight: 4,
    make: () => ({ method: 'POST', path: '/give-feedback-by-form', ...form(mutate({ serviceName: text(), text: text(), when: text(), role: text(), contactMethod: random.pick(['email', 'sms', 'none', text()]), email: text(), phone: text() })) }),
  },
  { name: 'Direct Line start', weight: 6, make: () => ({ method: random.pick(['POST', 'GET', 'OPTIONS']), path: random.pick(['/v3/directline/conversations', '/v3/directline/tokens/generate', '/v3/directline/tokens/refresh']), headers: bearer() }) },
  {
    name: 'Direct Line activities',
    weight: 6,
    make: () => {
      const target = random.chance(0.85) ? random.pick(tokens).conversationId : pathPart()
      const read = random.chance(0.4)
      const watermark = random.pick(['', '0', '3', '-1', 'x', '1e9', '99999999999999999999'])
      const { headers, body } = json(mutate({ type: random.pick(['message', 'event', 'typing', 'invoke', text()]), text: text(), locale: random.pick(['en-GB', 'cy', text()]), value: value(), channelData: value() }))
      return read
        ? { method: 'GET', path: `/v3/directline/conversations/${target}/activities?watermark=${encodeURIComponent(watermark)}`, headers: bearer() }
        : { method: 'POST', path: `/v3/directline/conversations/${target}/activities`, headers: { ...headers, ...bearer() }, body }
    },
  },
  { name: 'Direct Line reconnect', weight: 4, make: () => ({ method: 'GET', path: `/v3/directline/conversations/${random.chance(0.8) ? random.pick(tokens).conversationId : pathPart()}`, headers: bearer() }) },
  {
    name: 'POST /api/messages',
    weight: 3,
    make: () => {
      const conversationId = random.chance(0.3) ? random.pick(tokens).conversationId : `fuzz-${random.int(50)}`
      return {
        method: 'POST',
        path: '/api/messages',
        ...json(
          mutate({
            type: random.pick(['message', 'message', 'conversationUpdate', 'invoke', 'event', 'typing', text()]),
            id: crypto.randomUUID(),
            channelId: random.pick(['emulator', 'webchat', 'sms', 'msteams', text()]),
            serviceUrl: random.chance(0.7) ? connector.url : random.pick(['http://169.254.169.254/', 'file:///etc/passwd', text()]),
            conversation: mutate({ id: conversationId, isGroup: false }),
            from: mutate({ id: 'fuzz-user', name: text() }),
            recipient: { id: 'bot' },
            text: text(),
            membersAdded: random.chance(0.2) ? [{ id: 'fuzz-user' }, value()] : undefined,
            value: value(),
          }),
        ),
      }
    },
  },
  {
    name: 'POST /api/sms/twilio',
    weight: 1,
    make: () => {
      const params: Record<string, string> = {
        MessageSid: `SM${crypto.randomBytes(16).toString('hex')}`,
        From: random.pick(['+447700900123', '+447700900456', 'whatsapp:+447700900789', text()]),
        To: '+447700900000',
        Body: random.chance(0.9) ? text().slice(0, 1600) : text(),
        NumMedia: random.pick(['0', '1', 'x', '-5']),
      }
      for (const key of Object.keys(params)) if (random.chance(0.05)) delete params[key]
      const signed = random.chance(0.8) ? twilio.getExpectedTwilioSignature(twilioToken, `${publicBaseUrl}/api/sms/twilio`, params) : 'forged'
      return { method: 'POST', path: '/api/sms/twilio', headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signed }, body: new URLSearchParams(params).toString() }
    },
  },
  {
    name: 'console',
    weight: 12,
    make: () => {
      const path = random.pick(['/console', '/console/sign-in', '/console/sign-out', `/console/cases/${pathPart()}`, `/console/cases/${pathPart()}/notes`, '/console/users', '/console/signals', '/console/signals.csv', '/console/sign-in/oidc', `/console/sign-in/oidc/callback?code=${pathPart()}&state=${pathPart()}`, '/console/privacy/erase', '/console/privacy/erase/confirm', '/console/failed-deliveries'])
      const cookie = random.chance(0.5) ? { Cookie: `console_session=${random.pick(['s%3Aabc.def', 'x', '%', 'a'.repeat(5000)])}` } : {}
      if (random.chance(0.5)) return { method: 'GET', path, headers: cookie }
      return { method: 'POST', path, ...form(mutate({ _csrf: text(), email: text(), password: text(), note: text() })), headers: { 'content-type': 'application/x-www-form-urlencoded', ...cookie } }
    },
  },
  { name: 'cases and signals API', weight: 10, make: () => ({ method: random.pick(['GET', 'POST']), path: random.pick(['/api/cases', `/api/cases/${pathPart()}`, `/api/cases/${pathPart()}/acknowledge`, '/api/signals', '/api/signals.csv']), headers: { ...bearer(), 'x-csrf-token': text().slice(0, 50) }, ...(random.chance(0.5) ? json(value()) : {}) }) },
  { name: 'health', weight: 4, make: () => ({ method: 'GET', path: random.pick(['/healthz', '/readyz']) }) },
]

function headersToSend(headers: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([key, header]) => [key, header.replace(/@token:(\d)/, (_whole, index: string) => tokens[Number(index)]!.token).replace(/[^\t\x20-\x7e]/g, '?')]),
  )
}

/** Keeps the token pool current when a request renewed one of its conversations' tokens. */
function adoptRenewedToken(body: string): void {
  try {
    const ticket = JSON.parse(body) as { conversationId?: unknown; token?: unknown }
    const entry = tokens.find(candidate => candidate.conversationId === ticket.conversationId)
    if (entry && typeof ticket.token === 'string') entry.token = ticket.token
  } catch {
    // not a ticket
  }
}

const weighted = endpoints
  .filter(endpoint => !process.env.FUZZ_ONLY || endpoint.name === process.env.FUZZ_ONLY)
  .flatMap(endpoint => Array.from({ length: endpoint.weight }, () => endpoint))

describe('fuzzing every public endpoint', () => {
  it(
    `answers ${totalRequests.toLocaleString('en-GB')} generated requests (seed ${seed}) without a single 5xx, and stays healthy`,
    async () => {
      const statusCounts: Record<string, number> = {}
      const perEndpoint: Record<string, number> = {}
      const serverErrors: string[] = []
      const timings: Record<string, number> = {}
      const plan = Array.from({ length: totalRequests }, () => {
        const endpoint = random.pick(weighted)
        return { name: endpoint.name, request: endpoint.make() }
      })
      let next = 0
      const worker = async () => {
        while (next < plan.length) {
          const { name, request } = plan[next++]!
          perEndpoint[name] = (perEndpoint[name] ?? 0) + 1
          const started = performance.now()
          let status: string
          try {
            const response = await fetch(`${service.url}${request.path}`, {
              method: request.method,
              headers: headersToSend(request.headers),
              body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
              redirect: 'manual',
              signal: AbortSignal.timeout(requestTimeoutMs),
            })
            const body = await response.text()
            if (response.ok && request.path.startsWith('/v3/directline/')) adoptRenewedToken(body)
            status = String(response.status)
          } catch (error) {
            status = (error as Error).name === 'TimeoutError' ? 'timeout' : 'connection error'
            if (process.env.FUZZ_DEBUG) process.stdout.write(`${status} ${String((error as Error & { cause?: unknown }).cause)} ${JSON.stringify(request).slice(0, 300)}\n`)
          }
          if (process.env.FUZZ_DEBUG) timings[name] = (timings[name] ?? 0) + (performance.now() - started)
          statusCounts[status] = (statusCounts[status] ?? 0) + 1
          if (!/^[1-4]\d\d$/.test(status)) serverErrors.push(`${status} ${request.method} ${request.path.slice(0, 120)}`)
        }
      }
      await Promise.all(Array.from({ length: concurrency }, worker))

      const total = Object.values(statusCounts).reduce((sum, count) => sum + count, 0)
      process.stdout.write(`\nFuzz run, seed ${seed}: ${total} requests. Status codes: ${JSON.stringify(Object.fromEntries(Object.entries(statusCounts).sort()))}. Per endpoint: ${JSON.stringify(perEndpoint)}\n`)
      if (process.env.FUZZ_DEBUG) process.stdout.write(`timings ${JSON.stringify(timings)}\n`)
      expect(total).toBe(totalRequests)
      expect(serverErrors.slice(0, 20)).toEqual([])

      // Healthy afterwards: ready, and a new conversation still gets its welcome and an answer.
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200)
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200)
      const created = await fetch(`${service.url}/v3/directline/conversations`, { method: 'POST' })
      expect(created.status).toBe(201)
      const { conversationId, token } = (await created.json()) as { conversationId: string; token: string }
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
      expect((await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text: 'Hello' }) })).status).toBe(200)
      const transcript = (await (await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities`, { headers })).json()) as { activities: { from: { role?: string } }[] }
      expect(transcript.activities.filter(activity => activity.from.role === 'bot').length).toBeGreaterThan(1)
    },
    20 * 60_000,
  )
})
