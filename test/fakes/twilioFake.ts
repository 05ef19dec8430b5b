import crypto from 'node:crypto'
import twilio from 'twilio'
import { startFakeServer } from './fakeServer'

export interface TwilioSentMessage {
  to: string
  from: string
  body: string
  sid: string
}

/**
 * Twilio's Messages REST API as far as this service uses it: POST /2010-04-01/Accounts/{AccountSid}/Messages.json
 * with a form body (To, From, Body) and HTTP basic auth (AccountSid:AuthToken). Answers 201 with Twilio's JSON.
 * `failWith` makes every request fail with that HTTP status, as when Twilio is down.
 */
export async function startTwilioFake(accountSid = `AC${crypto.randomBytes(16).toString('hex')}`, authToken = crypto.randomBytes(16).toString('hex')) {
  const sent: TwilioSentMessage[] = []
  const state = { failWith: undefined as number | undefined, requests: 0 }
  const twilioError = (status: number, code: number, message: string) => ({
    status,
    json: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  })
  const server = await startFakeServer(request => {
    state.requests++
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.path)
    if (!match || request.method !== 'POST') return twilioError(404, 20404, 'The requested resource was not found')
    if (state.failWith) return twilioError(state.failWith, 20500, 'An internal server error has occurred')
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`
    if (request.headers.authorization !== expected || match[1] !== accountSid) return twilioError(401, 20003, 'Authenticate')
    const form = new URLSearchParams(request.body)
    const to = form.get('To')
    const from = form.get('From')
    const body = form.get('Body')
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.")
    if (!from) return twilioError(400, 21603, "A 'From' phone number is required.")
    if (!body) return twilioError(400, 21602, 'Message body is required.')
    if (body.length > 1600) return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.')
    const sid = `SM${crypto.randomBytes(16).toString('hex')}`
    sent.push({ to, from, body, sid })
    const now = new Date().toUTCString()
    return {
      status: 201,
      json: {
        account_sid: accountSid,
        api_version: '2010-04-01',
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from,
        messaging_service_sid: null,
        num_media: '0',
        num_segments: String(Math.ceil(body.length / 153)),
        price: null,
        price_unit: 'GBP',
        sid,
        status: 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
        to,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      },
    }
  })
  return { ...server, accountSid, authToken, sent, state }
}

export type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>

/** The service settings that point Twilio at this fake. */
export function twilioSettings(fake: TwilioFake): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: fake.accountSid,
    TWILIO_AUTH_TOKEN: fake.authToken,
    TWILIO_FROM_NUMBER: '+447700900000',
    TWILIO_BASE_URL: fake.url,
  }
}

/**
 * A person's text arriving as Twilio delivers it: form-encoded, signed with the account's auth token for the
 * public webhook URL (`${publicBaseUrl}/api/sms/twilio`), posted to the service. Returns the response and the
 * texts sent back in TwiML, unescaped.
 */
export async function textTheService(fake: TwilioFake, serviceUrl: string, publicBaseUrl: string, from: string, body: string): Promise<{ status: number; replies: string[] }> {
  const messageSid = `SM${crypto.randomBytes(16).toString('hex')}`
  const params = { MessageSid: messageSid, SmsMessageSid: messageSid, AccountSid: fake.accountSid, From: from, To: '+447700900000', Body: body, NumMedia: '0' }
  const response = await fetch(`${serviceUrl}/api/sms/twilio`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilio.getExpectedTwilioSignature(fake.authToken, `${publicBaseUrl}/api/sms/twilio`, params),
    },
    body: new URLSearchParams(params).toString(),
  })
  const replies = [...(await response.text()).matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map(match =>
    match[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  )
  return { status: response.status, replies }
}
