import crypto from 'node:crypto'
import jwt from 'jsonwebtoken'
import { startFakeServer } from './fakeServer'

export interface NotifySentEmail {
  template_id: string
  email_address: string
  personalisation?: Record<string, string>
  reference?: string
}

export interface NotifySentSms {
  template_id: string
  phone_number: string
  personalisation?: Record<string, string>
  reference?: string
}

/**
 * GOV.UK Notify's API as far as this service uses it: POST /v2/notifications/email and /v2/notifications/sms.
 * Each request must carry a Bearer JWT signed (HS256) with the API key's secret, iss = the service id and an
 * iat within 30 seconds, as Notify requires. Answers 201 with Notify's response shape.
 * The API key has Notify's format: {key name}-{service id}-{secret}.
 */
export async function startNotifyFake() {
  const serviceId = crypto.randomUUID()
  const secret = crypto.randomUUID()
  const apiKey = `test_key-${serviceId}-${secret}`
  const emails: NotifySentEmail[] = []
  const sms: NotifySentSms[] = []
  const state = { failWith: undefined as number | undefined, requests: 0 }
  const notifyError = (status: number, error: string, message: string) => ({ status, json: { status_code: status, errors: [{ error, message }] } })

  const server = await startFakeServer(request => {
    state.requests++
    if (state.failWith) return notifyError(state.failWith, 'Exception', 'Internal server error')
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (!token) return notifyError(401, 'AuthError', 'Unauthorized: authentication token must be provided')
    try {
      const claims = jwt.verify(token, secret, { algorithms: ['HS256'] }) as { iss?: string; iat?: number }
      if (claims.iss !== serviceId) return notifyError(403, 'AuthError', 'Invalid token: service not found')
      if (!claims.iat || Math.abs(Date.now() / 1000 - claims.iat) > 30) return notifyError(403, 'AuthError', 'Error: Your system clock must be accurate to within 30 seconds')
    } catch {
      return notifyError(403, 'AuthError', 'Invalid token: signature, api token not found')
    }
    const payload = JSON.parse(request.body || '{}')
    const id = crypto.randomUUID()
    const template = { id: payload.template_id, version: 1, uri: `https://api.notifications.service.gov.uk/v2/template/${payload.template_id}` }
    if (request.method === 'POST' && request.path === '/v2/notifications/email') {
      if (!payload.email_address) return notifyError(400, 'ValidationError', 'email_address is a required property')
      emails.push(payload)
      return {
        status: 201,
        json: {
          id,
          reference: payload.reference ?? null,
          content: { subject: payload.personalisation?.subject ?? '', body: payload.personalisation?.message ?? '', from_email: 'feedback@notifications.service.gov.uk', one_click_unsubscribe_url: null },
          uri: `https://api.notifications.service.gov.uk/v2/notifications/${id}`,
          template,
          scheduled_for: null,
        },
      }
    }
    if (request.method === 'POST' && request.path === '/v2/notifications/sms') {
      if (!payload.phone_number) return notifyError(400, 'ValidationError', 'phone_number is a required property')
      sms.push(payload)
      return {
        status: 201,
        json: {
          id,
          reference: payload.reference ?? null,
          content: { body: payload.personalisation?.message ?? '', from_number: 'GOVUK' },
          uri: `https://api.notifications.service.gov.uk/v2/notifications/${id}`,
          template,
          scheduled_for: null,
        },
      }
    }
    return notifyError(404, 'NotFound', 'Not Found')
  })
  return { ...server, apiKey, serviceId, emails, sms, state }
}

export type NotifyFake = Awaited<ReturnType<typeof startNotifyFake>>

/** The service settings that point GOV.UK Notify (email and SMS alerts) at this fake. */
export function notifySettings(fake: NotifyFake): Record<string, string> {
  return {
    NOTIFY_API_KEY: fake.apiKey,
    NOTIFY_BASE_URL: fake.url,
    NOTIFY_EMAIL_TEMPLATE_ID: '11111111-1111-1111-1111-111111111111',
    NOTIFY_SMS_TEMPLATE_ID: '22222222-2222-2222-2222-222222222222',
  }
}
