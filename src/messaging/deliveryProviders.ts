import { NotifyClient } from 'notifications-node-client'
import twilio from 'twilio'
import type TwilioRequestClient from 'twilio/lib/base/RequestClient'
import type { Config } from '../config'

/**
 * The outside services a message can leave by. Each returns the provider's id for the message, and throws
 * a DeliveryError whose message never holds personal data (no numbers, no addresses, no text).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** False when trying again cannot help (bad number, bad template): the delivery fails at once. */
    readonly retryable = true,
  ) {
    super(message)
  }
}

export interface SmsSender {
  readonly route: 'twilio' | 'notify_sms'
  sendSms(to: string, body: string, idempotencyKey: string): Promise<string>
}

export interface EmailSender {
  sendEmail(to: string, subject: string, body: string, idempotencyKey: string): Promise<string>
}

function describeHttpFailure(provider: string, error: unknown): DeliveryError {
  const record = (error ?? {}) as { status?: number; code?: string | number; response?: { status?: number } }
  const status = record.status ?? record.response?.status
  if (typeof status === 'number') {
    const retryable = status >= 500 || status === 429 || status === 408
    return new DeliveryError(`${provider} answered HTTP ${status}`, retryable)
  }
  const code = typeof record.code === 'string' ? record.code : 'network error'
  return new DeliveryError(`${provider} could not be reached (${code})`)
}

/** Twilio's client only knows api.twilio.com; this request client sends its calls to TWILIO_BASE_URL instead. */
class RebasedTwilioRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: URL) {
    super({ timeout: 15000 })
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri)
    target.protocol = this.baseUrl.protocol
    target.host = this.baseUrl.host
    target.pathname = this.baseUrl.pathname.replace(/\/$/, '') + target.pathname
    return super.request<TData>({ ...opts, uri: target.toString() })
  }
}

export function createTwilioSmsSender(config: Config): SmsSender | undefined {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM_NUMBER: from } = config
  if (!accountSid || !authToken || !from) return undefined
  const client = twilio(accountSid, authToken, {
    httpClient: config.TWILIO_BASE_URL ? new RebasedTwilioRequestClient(new URL(config.TWILIO_BASE_URL)) : undefined,
  })
  return {
    route: 'twilio',
    async sendSms(to, body) {
      const sender = to.startsWith('whatsapp:') ? `whatsapp:${from.replace(/^whatsapp:/, '')}` : from
      try {
        const message = await client.messages.create({ to, from: sender, body })
        return message.sid
      } catch (error) {
        throw describeHttpFailure('Twilio', error)
      }
    },
  }
}

interface NotifyResponse {
  data?: { id?: string }
}

function createNotifyClient(config: Config): NotifyClient | undefined {
  if (!config.NOTIFY_API_KEY) return undefined
  return config.NOTIFY_BASE_URL ? new NotifyClient(config.NOTIFY_BASE_URL, config.NOTIFY_API_KEY) : new NotifyClient(config.NOTIFY_API_KEY)
}

function notifyFailure(error: unknown): DeliveryError {
  const status = (error as { response?: { status?: number } })?.response?.status
  // Notify's 400s are about the request (template, address) and will not pass on a second try.
  if (status === 400 || status === 403) return new DeliveryError(`GOV.UK Notify answered HTTP ${status}`, false)
  return describeHttpFailure('GOV.UK Notify', error)
}

export function createNotifySmsSender(config: Config): SmsSender | undefined {
  const client = createNotifyClient(config)
  const templateId = config.NOTIFY_SMS_TEMPLATE_ID
  if (!client || !templateId) return undefined
  return {
    route: 'notify_sms',
    async sendSms(to, body, idempotencyKey) {
      try {
        const response = (await client.sendSms(templateId, to.replace(/^whatsapp:/, ''), {
          personalisation: { message: body },
          reference: idempotencyKey,
        })) as NotifyResponse
        return response.data?.id ?? 'unknown'
      } catch (error) {
        throw notifyFailure(error)
      }
    },
  }
}

export function createNotifyEmailSender(config: Config): EmailSender | undefined {
  const client = createNotifyClient(config)
  const templateId = config.NOTIFY_EMAIL_TEMPLATE_ID
  if (!client || !templateId) return undefined
  return {
    async sendEmail(to, subject, body, idempotencyKey) {
      try {
        const response = (await client.sendEmail(templateId, to, {
          personalisation: { subject, message: body },
          reference: idempotencyKey,
        })) as NotifyResponse
        return response.data?.id ?? 'unknown'
      } catch (error) {
        throw notifyFailure(error)
      }
    },
  }
}
