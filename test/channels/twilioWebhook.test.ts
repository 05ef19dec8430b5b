import crypto from 'node:crypto'
import twilio from 'twilio'
import { feedbackModel } from '../../src/data/models/feedback'
import { processedWebhookModel } from '../../src/data/models/processedWebhook'
import { conversationReferenceModel } from '../../src/data/models/conversationReference'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { MongoStorage } from '../../src/bot/mongoStorage'
import { conversationIdFor } from '../../src/channels/sms/twilioAdapter'
import { startTestService, testServiceWithTwilioForThisFile } from '../helpers/service'

const publicBaseUrl = 'https://feedback.example.gov.uk'
const webhookUrl = `${publicBaseUrl}/api/sms/twilio`
const { service, twilioFake } = testServiceWithTwilioForThisFile({ PUBLIC_BASE_URL: publicBaseUrl })

function randomMobile(): string {
  return `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
}

function inbound(from: string, body: string, messageSid = `SM${crypto.randomBytes(16).toString('hex')}`): Record<string, string> {
  return {
    ToCountry: 'GB',
    SmsMessageSid: messageSid,
    NumMedia: '0',
    SmsSid: messageSid,
    SmsStatus: 'received',
    Body: body,
    To: '+447700900000',
    NumSegments: '1',
    MessageSid: messageSid,
    AccountSid: twilioFake.accountSid,
    From: from,
    ApiVersion: '2010-04-01',
  }
}

async function post(params: Record<string, string>, signature: string | null = twilio.getExpectedTwilioSignature(twilioFake.authToken, webhookUrl, params)) {
  const response = await fetch(`${service.url}/api/sms/twilio`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'X-Twilio-Signature': signature } : {}) },
    body: new URLSearchParams(params).toString(),
  })
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() }
}

/** The texts a TwiML reply would send, unescaped. */
function messagesIn(twiml: string): string[] {
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map(match =>
    match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  )
}

async function say(from: string, body: string): Promise<string[]> {
  const reply = await post(inbound(from, body))
  expect(reply.status).toBe(200)
  return messagesIn(reply.body)
}

describe('the Twilio signature check', () => {
  it('answers a correctly signed message with TwiML', async () => {
    const reply = await post(inbound(randomMobile(), 'Hello'))
    expect(reply.status).toBe(200)
    expect(reply.type).toContain('text/xml')
    expect(reply.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>/)
    expect(twilio.validateRequest(twilioFake.authToken, twilio.getExpectedTwilioSignature(twilioFake.authToken, webhookUrl, { a: 'b' }), webhookUrl, { a: 'b' })).toBe(true)
  })

  it.each([
    ['no signature', () => null],
    ['a signature made with another auth token', (params: Record<string, string>) => twilio.getExpectedTwilioSignature('not-the-token', webhookUrl, params)],
    ['a made-up signature', () => 'bm90IGEgc2lnbmF0dXJl'],
  ])('refuses %s with 403 and never takes the message', async (_case, signatureFor) => {
    const params = inbound(randomMobile(), 'Hello')
    const reply = await post(params, signatureFor(params))
    expect(reply.status).toBe(403)
    expect(reply.body).not.toContain('<Message>')
    expect(await processedWebhookModel(service.services.connection).countDocuments({ messageId: params.MessageSid })).toBe(0)
    expect(await conversationReferenceModel(service.services.connection).countDocuments({ key: `sms:${conversationIdFor('sms', params.From!, service.services.addressHasher)}` })).toBe(0)
  })

  it('refuses a message signed for another address (a replayed request)', async () => {
    const params = inbound(randomMobile(), 'Hello')
    const reply = await post(params, twilio.getExpectedTwilioSignature(twilioFake.authToken, 'https://elsewhere.example.com/api/sms/twilio', params))
    expect(reply.status).toBe(403)
  })

  it('refuses a message whose body was changed after signing', async () => {
    const params = inbound(randomMobile(), 'Hello')
    const signature = twilio.getExpectedTwilioSignature(twilioFake.authToken, webhookUrl, params)
    const reply = await post({ ...params, Body: 'Something else' }, signature)
    expect(reply.status).toBe(403)
  })

  it('refuses everything when no auth token is configured (fails closed)', async () => {
    const unconfigured = await startTestService({ PUBLIC_BASE_URL: publicBaseUrl })
    try {
      const params = inbound(randomMobile(), 'Hello')
      const response = await fetch(`${unconfigured.url}/api/sms/twilio`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature('', webhookUrl, params) },
        body: new URLSearchParams(params).toString(),
      })
      expect(response.status).toBe(403)
    } finally {
      await unconfigured.stop()
    }
  })
})

describe('replies over SMS', () => {
  it('are plain numbered text, each message at most 1600 characters', async () => {
    const messages = await say(randomMobile(), 'The food was cold.')
    expect(messages.length).toBeGreaterThan(0)
    for (const message of messages) expect(message.length).toBeLessThanOrEqual(1600)
    expect(messages.join('\n')).toMatch(/^1 /m)
    expect(messages.join('\n')).not.toMatch(/adaptivecard|\{"type"/i)
  })

  it('keep HTML or script typed by a person as text, escaped in the TwiML', async () => {
    const from = randomMobile()
    await say(from, 'Hello')
    const reply = await post(inbound(from, '<script>alert("x")</script> 😀'))
    expect(reply.status).toBe(200)
    expect(reply.body).not.toContain('<script>')
  })

  it('go back to WhatsApp the same way, and remember the conversation with its whatsapp: address sealed', async () => {
    const number = randomMobile()
    const messages = await say(`whatsapp:${number}`, 'The food was cold.')
    expect(messages.join('\n')).toMatch(/^1 /m)
    const stored = await conversationReferenceModel(service.services.connection).find({ channelId: 'whatsapp' }).lean()
    const addresses = stored.map(record => service.services.contactCipher.decrypt<{ phone: string }>(record.sealedAddress!).phone)
    expect(addresses).toContain(`whatsapp:${number}`)
    expect(JSON.stringify(stored)).not.toContain(number.slice(1))
  })

  it('say kindly that pictures cannot be opened', async () => {
    const reply = await post({ ...inbound(randomMobile(), ''), NumMedia: '1' })
    expect(messagesIn(reply.body)[0]).toBe('We cannot open pictures or files sent by text. Please tell us in words.')
  })
})

describe('a retried MessageSid', () => {
  it('gets the same reply and does not move the conversation on twice', async () => {
    const from = randomMobile()
    await say(from, 'Hello')
    const answer = inbound(from, 'no')
    const first = await post(answer)
    const stateAfterFirst = await botStateFor(from)
    const retry = await post(answer)
    expect(retry.status).toBe(200)
    expect(retry.body).toBe(first.body)
    expect(await botStateFor(from)).toEqual(stateAfterFirst)
  })

  it('keeps the reply for retries only as a sealed copy: no TwiML, words or phone number in plain text', async () => {
    const from = randomMobile()
    const message = inbound(from, `My number is ${from}, please call me about Rose Court`)
    const first = await post(message)
    expect(first.body).toContain('<Response>')
    const record = await processedWebhookModel(service.services.connection).findOne({ messageId: message.MessageSid }).lean()
    const stored = JSON.stringify(record)
    expect(record?.responseBody).toMatch(/^v1\./)
    expect(stored).not.toContain('Response>')
    expect(stored).not.toContain(from.slice(3))
    expect(stored).not.toContain('Rose Court')
    expect((await post(message)).body).toBe(first.body)
  })

  it('is answered once even when the retry arrives while the first is still being answered', async () => {
    const from = randomMobile()
    await say(from, 'Hello')
    const answer = inbound(from, 'no')
    const [one, two] = await Promise.all([post(answer), post(answer)])
    expect(one.body).toBe(two.body)
    expect(messagesIn(one.body).length).toBeGreaterThan(0)
  })
})

describe('two texts from one person at the same moment', () => {
  it('are answered one after the other, with no apology for an error', async () => {
    const from = randomMobile()
    await say(from, 'Hello')
    const [first, second] = await Promise.all([post(inbound(from, 'no')), post(inbound(from, 'my mum'))])
    for (const reply of [first, second]) {
      expect(reply.status).toBe(200)
      expect(messagesIn(reply.body).length).toBeGreaterThan(0)
      expect(reply.body).not.toContain('something went wrong')
    }
  })
})

/** The bot's stored conversation state for this number (what a second run of the turn would change). */
async function botStateFor(from: string): Promise<unknown> {
  const key = `sms/conversations/${conversationIdFor('sms', from, service.services.addressHasher)}/`
  const items = await new MongoStorage(service.services.connection).read([key])
  expect(items[key]).toBeDefined()
  return items[key]
}

/** The status of the latest update to a reference once no attempt at it is still under way. */
async function settledStatus(reference: string): Promise<string | undefined> {
  for (let waited = 0; waited < 10_000; waited += 100) {
    const latest = (await service.services.deliveries.listDeliveriesFor(reference)).at(-1)
    if (latest && latest.status !== 'queued' && latest.status !== 'sending') return latest.status
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return (await service.services.deliveries.listDeliveriesFor(reference)).at(-1)?.status
}

describe('STOP, START and HELP', () => {
  it('STOP records the opt-out and nothing is sent until START', async () => {
    const from = randomMobile()
    await say(from, 'Hello')
    expect(await say(from, 'STOP')).toEqual([])
    expect(await service.services.smsOptOuts.isOptedOut(from)).toBe(true)
    expect(await say(from, 'Hello again')).toEqual([])

    const reference = newFeedbackReference()
    await feedbackModel(service.services.connection).create({
      reference,
      status: 'received',
      channel: 'sms',
      contact: { method: 'sms', format: 'standard', sealedDetails: service.services.contactCipher.encrypt({ phone: from }) },
    })
    twilioFake.sent.length = 0
    await service.services.notifyPerson(reference, { text: 'An update.' })
    // The service's own outbox worker may win the claim on the new delivery and settle it a moment later.
    expect(await settledStatus(reference)).toBe('opted_out')
    expect(twilioFake.sent).toHaveLength(0)

    expect(await say(from, 'START')).toEqual(['You will get texts from us again. Reply to carry on where you left off.'])
    expect(await service.services.smsOptOuts.isOptedOut(from)).toBe(false)
    expect((await say(from, 'Hello')).length).toBeGreaterThan(0)
    expect((await service.services.notifyPerson(reference, { text: 'An update.' })).status).toBe('sent')
  })

  it.each(['stopall', 'Unsubscribe', 'CANCEL', 'end', 'quit', 'Stop.'])('treats "%s" alone as STOP', async keyword => {
    const from = randomMobile()
    expect(await say(from, keyword)).toEqual([])
    expect(await service.services.smsOptOuts.isOptedOut(from)).toBe(true)
  })

  it('does not treat a sentence containing "stop" as an opt-out', async () => {
    const from = randomMobile()
    await say(from, 'Hello')
    expect((await say(from, 'They would not stop shouting at my dad')).length).toBeGreaterThan(0)
    expect(await service.services.smsOptOuts.isOptedOut(from)).toBe(false)
  })

  it('HELP says who we are, how to reach a person and how to stop', async () => {
    const messages = await say(randomMobile(), 'HELP')
    expect(messages[0]).toContain('Reply STOP')
    expect(messages[0]).toContain(service.services.config.CONTACT_CENTRE_PHONE)
  })

  it('YES from someone who has not opted out is an ordinary answer', async () => {
    const from = randomMobile()
    await say(from, 'Hello')
    expect((await say(from, 'yes')).length).toBeGreaterThan(0)
    expect(await service.services.smsOptOuts.isOptedOut(from)).toBe(false)
  })
})

describe('the whole journey over SMS, in plain text only', () => {
  const journey: [string, string][] = [
    ['Hi', 'Tell us what happened'],
    ['The night staff did not answer her buzzer for an hour.', 'Who are you?'],
    ['its about my mum', 'Which service is it about?'],
    ['willow lodge nursing hom', 'Did you mean'],
    ['yes', 'When did it happen?'],
    ['last week', 'good, bad or mixed?'],
    ['bad', 'What would you like to happen?'],
    ['skip', 'Can we contact you'],
    ['text', 'mobile number'],
    ['SAME', 'Can we share your words'],
    ['yes', 'Check your answers'],
    ['send', 'Your reference is'],
  ]

  it('ends with a reference, and a later update reaches the same phone by text', async () => {
    const from = randomMobile()
    let last = ''
    for (const [typed, expected] of journey) {
      const messages = await say(from, typed === 'SAME' ? from : typed)
      for (const message of messages) expect(message.length).toBeLessThanOrEqual(1600)
      last = messages.join('\n\n')
      expect({ typed, reply: last }).toEqual({ typed, reply: expect.stringContaining(expected) })
      expect(last).not.toMatch(/<[a-z]|\{"/i)
    }
    const reference = last.match(/reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/)?.[1]
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/)

    const record = await feedbackModel(service.services.connection).findOne({ reference }).lean()
    expect(record).toMatchObject({ status: 'received', channel: 'sms', story: expect.stringContaining('buzzer'), contact: { method: 'sms' } })

    twilioFake.sent.length = 0
    const delivery = await service.services.notifyPerson(reference!, { text: 'An inspector has read your feedback.' })
    expect(delivery.status).toBe('sent')
    expect(twilioFake.sent).toEqual([expect.objectContaining({ to: from, body: 'An inspector has read your feedback.' })])
  })
})
