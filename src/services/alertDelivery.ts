import crypto from 'node:crypto'
import type { BotMessage } from '../bot/botMessage'
import { reasonWithoutQuotations } from '../classification'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Alert, AlertModel, EscalationTier } from '../data/models/alert'
import type { FeedbackModel } from '../data/models/feedback'
import type { Logger } from '../logger'
import type { EmailSender, SmsSender } from './deliveryProviders'
import type { Router } from './routing'

export type TeamsSender = (conversationReference: Record<string, unknown>, message: BotMessage) => Promise<unknown>

export interface AlertSenders {
  email?: EmailSender
  sms?: SmsSender
  teams?: TeamsSender
}

/** A failure worth no more tries (the provider refused the request itself). */
class PermanentFailure extends Error {}

const maxBackoffMs = 60_000
const firstBackoffMs = 500
const webhookTimeoutMs = 5_000

/** 0.5 s, 1 s, 2 s, 4 s … up to a minute between tries: fast while a receiver blips, gentle while it is down. */
export function backoffAfter(attempts: number): number {
  return Math.min(firstBackoffMs * 2 ** Math.max(0, attempts - 1), maxBackoffMs)
}

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

const tierWording: Record<EscalationTier, string> = {
  inspector: 'Urgent concern',
  manager: 'Escalated to you as team manager: urgent concern not acknowledged',
  director: 'Escalated to you as duty director: urgent concern still not acknowledged',
}

/** Delivers one alert to its target. No contact details and no story text ever leave in an alert. */
export class AlertDelivery {
  constructor(
    private readonly alerts: AlertModel,
    private readonly feedback: FeedbackModel,
    private readonly router: Router,
    private readonly config: Config,
    private readonly senders: AlertSenders,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  caseUrl(reference: string): string {
    return new URL(`/console/cases/${reference}`, this.config.PUBLIC_BASE_URL).toString()
  }

  /** Tries every alert that is due, oldest first. Returns how many were tried. */
  async deliverDue(limit = 25): Promise<number> {
    const due = await this.alerts
      .find({ status: 'pending', nextAttemptAt: { $lte: this.clock.now() } })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .lean()
    for (const alert of due) await this.attempt(alert)
    return due.length
  }

  private async attempt(alert: Alert & { _id: unknown }): Promise<void> {
    const record = await this.feedback.findOne({ reference: alert.reference }, { reference: 1, service: 1, classification: 1, triage: 1, stillBeingTold: 1 }).lean()
    const now = this.clock.now()
    if (!record || record.triage?.acknowledgedAt) {
      await this.alerts.updateOne({ _id: alert._id, status: 'pending' }, { $set: { status: 'cancelled', cancelledAt: now } })
      return
    }
    const risk = record.classification?.risk
    const service = record.service ?? {}
    const payload = {
      idempotencyKey: alert.key,
      reference: alert.reference,
      escalation: alert.tier,
      raisedAt: now.toISOString(),
      risk: { level: risk?.level ?? 'urgent', categories: risk?.categories ?? [], reason: reasonWithoutQuotations(risk?.reason ?? '') },
      service: { name: service.name, locationId: service.locationId, localAuthority: service.localAuthority, region: service.region },
      team: alert.team,
      caseUrl: this.caseUrl(alert.reference),
      /** Raised from an unfinished conversation: the person may still be telling us. */
      stillBeingTold: record.stillBeingTold === true,
    }
    try {
      await this.send(alert, payload)
      await this.alerts.updateOne(
        { _id: alert._id },
        { $set: { status: 'delivered', deliveredAt: this.clock.now(), lastAttemptAt: now }, $inc: { attempts: 1 } },
      )
      this.logger.info({ alert: alert.key, target: alert.target }, 'alert delivered')
    } catch (error) {
      const attempts = (alert.attempts ?? 0) + 1
      const reason = (error as Error).message.slice(0, 200)
      const permanent = error instanceof PermanentFailure || (error as { retryable?: boolean }).retryable === false
      await this.alerts.updateOne(
        { _id: alert._id },
        {
          $set: {
            status: permanent ? 'failed' : 'pending',
            lastAttemptAt: now,
            lastError: reason,
            nextAttemptAt: new Date(now.getTime() + backoffAfter(attempts)),
          },
          $inc: { attempts: 1 },
        },
      )
      this.logger.warn({ alert: alert.key, target: alert.target, attempts, reason }, permanent ? 'alert refused for good' : 'alert delivery failed; will retry')
    }
  }

  private async send(alert: Alert, payload: { reference: string; risk: { level: string; categories: string[]; reason: string }; service: { name?: string | null }; caseUrl: string }): Promise<void> {
    const headline = `${tierWording[alert.tier]} ${payload.reference}${payload.service.name ? ` about ${payload.service.name}` : ''}.`
    const categories = payload.risk.categories.length ? ` Risk: ${payload.risk.categories.join(', ')}.` : ''
    const message = `${headline}${categories} ${payload.risk.reason} Open the case and acknowledge it: ${payload.caseUrl}`.trim()

    switch (alert.target) {
      case 'webhook': {
        const url = this.config.ALERT_WEBHOOK_URL
        if (!url) throw new PermanentFailure('ALERT_WEBHOOK_URL is not set')
        const body = JSON.stringify(payload)
        const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Idempotency-Key': alert.key }
        if (this.config.ALERT_WEBHOOK_SECRET) headers['X-Signature-256'] = signWebhookBody(body, this.config.ALERT_WEBHOOK_SECRET)
        let response: Response
        try {
          response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(webhookTimeoutMs) })
        } catch (error) {
          throw new Error(`webhook could not be reached (${(error as Error).name})`, { cause: error })
        }
        await response.body?.cancel()
        if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`)
        return
      }
      case 'notify-email': {
        if (!this.senders.email || !alert.recipient?.email) throw new PermanentFailure('GOV.UK Notify email is not configured')
        await this.senders.email.sendEmail(alert.recipient.email, headline, message, alert.key)
        return
      }
      case 'notify-sms': {
        if (!this.senders.sms || !alert.recipient?.phone) throw new PermanentFailure('GOV.UK Notify SMS is not configured')
        await this.senders.sms.sendSms(alert.recipient.phone, message, alert.key)
        return
      }
      case 'teams': {
        const conversation = alert.team ? this.router.team(alert.team).teamsConversation : undefined
        if (!this.senders.teams || !conversation) throw new PermanentFailure('No Teams conversation is configured for the team')
        await this.senders.teams(conversation, { text: message })
        return
      }
    }
  }
}
