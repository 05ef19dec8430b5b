import crypto from 'node:crypto'
import type { BotMessage } from '../conversation/botMessage'
import { reasonWithoutQuotations } from '../classification'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Alert, AlertModel, EscalationTier } from '../data/models/alert'
import type { FeedbackModel } from '../data/models/feedback'
import { type Decision, Outbox, type TryOutcome } from '../data/work/outbox'
import type { WorkQueue } from '../data/work/workQueue'
import type { Logger } from '../logger'
import { type AlertAbout, alertWork } from './alertOutbox'
import type { EmailSender, SmsSender } from '../messaging/deliveryProviders'
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
/** Longer than any one send can take (the webhook's time limit), so a live holder never loses its claim. */
const alertLeaseMs = 30_000

type AlertPayload = Awaited<ReturnType<AlertDelivery['payloadFor']>>

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

type StoredAlert = Alert & { _id: unknown }
/** An alert as the engine carries it; a fresh one also carries its case as routing saw it (not read again). */
type OutgoingAlert = StoredAlert & { about?: AlertAbout }

export type AlertResult = 'delivered' | 'digest' | 'failed' | 'refused'

/**
 * Delivers alerts to their targets through the outbox engine (data/work/outbox.ts), as its alert policy: retried
 * with backoff for as long as the case is open, given up only when the provider refuses the alert itself, and
 * cancelled once someone acknowledges the case. No contact details and no story text ever leave in an alert.
 */
export class AlertDelivery {
  private readonly outbox: Outbox<OutgoingAlert>

  constructor(
    private readonly alerts: AlertModel,
    private readonly feedback: FeedbackModel,
    private readonly router: Router,
    private readonly config: Config,
    private readonly senders: AlertSenders,
    private readonly clock: Clock,
    private readonly logger: Logger,
    queue: WorkQueue,
    /** Told each delivery's result, for /metrics. */
    private readonly onResult: (target: string, result: AlertResult, tier: string) => void = () => {},
  ) {
    this.outbox = new Outbox<OutgoingAlert>(
      {
        kind: alertWork,
        leaseMs: alertLeaseMs,
        key: alert => alert.key,
        load: key => this.alerts.findById(key).lean<StoredAlert>(),
        attempts: alert => alert.attempts ?? 0,
        // Never given up while the case is open: only a refusal (a permanent failure) stops the tries.
        retryAfter: attempts => backoffAfter(attempts),
        readiness: (alert, now) => this.readiness(alert, now),
        send: (alerts, now) => this.send(alerts, now),
        record: (alert, decision, now, groupSize) => this.record(alert, decision, now, groupSize),
        group: alerts => this.groupByPerson(alerts),
      },
      queue,
      clock,
    )
  }

  caseUrl(reference: string): string {
    return new URL(`/console/cases/${reference}`, this.config.PUBLIC_BASE_URL).toString()
  }

  /**
   * Tries every alert that is due, each claimed with a lease so that any number of instances send it once. Alerts
   * due together for one person on one channel (after downtime, or a burst of escalations) go as one digest; the
   * webhook, a machine, still gets one alert per case. Returns how many alerts were tried.
   */
  deliverDue(limit = 50): Promise<number> {
    return this.outbox.deliverDue(limit)
  }

  /** Sends alerts this instance has just written (see AlertOutbox.raise): the insert was the claim. */
  deliverFresh(alerts: Alert[], about: AlertAbout | undefined, queued: Promise<unknown>): Promise<void> {
    return this.outbox.sendFresh(
      alerts.map(alert => ({ ...(alert as StoredAlert), about })),
      queued,
    )
  }

  private groupByPerson(alerts: OutgoingAlert[]): OutgoingAlert[][] {
    const groups = new Map<string, OutgoingAlert[]>()
    for (const alert of alerts) {
      const person = alert.target === 'webhook' ? undefined : (alert.recipient?.email ?? alert.recipient?.phone ?? alert.team)
      const group = person ? `${alert.target}|${person}` : `one|${alert.key}`
      groups.set(group, [...(groups.get(group) ?? []), alert])
    }
    return [...groups.values()]
  }

  /** Pending and the case still open; once it is acknowledged (or gone) the alert is cancelled. */
  private async readiness(alert: OutgoingAlert, now: Date): Promise<'ready' | 'finished'> {
    if (alert.status !== 'pending') return 'finished'
    const record = await this.feedback.findOne({ reference: alert.reference }, { triage: 1 }).lean()
    if (record && !record.triage?.acknowledgedAt) return 'ready'
    await this.alerts.updateOne({ _id: alert.key }, { $set: { status: 'cancelled', cancelledAt: now } })
    return 'finished'
  }

  private async send(alerts: OutgoingAlert[], now: Date): Promise<TryOutcome> {
    try {
      if (alerts.length === 1) await this.sendOne(alerts[0]!, now, alerts[0]!.about)
      else await this.sendDigest(alerts, now)
      return { sent: true }
    } catch (error) {
      const permanent = error instanceof PermanentFailure || (error as { retryable?: boolean }).retryable === false
      return { sent: false, retryable: !permanent, reason: ((error as Error)?.message ?? 'unknown error').slice(0, 200) }
    }
  }

  private async sendDigest(alerts: OutgoingAlert[], now: Date): Promise<void> {
    const payloads = await Promise.all(alerts.map(alert => this.payloadFor(alert, now, alert.about)))
    const keys = alerts.map(alert => alert.key).sort()
    const digestKey = `digest-${crypto.createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 32)}`
    const headline = `${alerts.length} urgent concerns need you now.`
    const lines = alerts.map((alert, index) => `${index + 1}. ${this.headlineFor(alert, payloads[index]!)} ${payloads[index]!.caseUrl}`)
    await this.sendText(alerts[0]!, headline, `${headline}\n${lines.join('\n')}\nOpen each case and acknowledge it.`, digestKey)
  }

  /** The outcome on the alert (and its log line and metric); the engine keeps the work queue in step. */
  private async record(alert: OutgoingAlert, decision: Decision, now: Date, groupSize: number): Promise<void> {
    const attempts = (alert.attempts ?? 0) + 1
    switch (decision.result) {
      case 'sent':
        await this.alerts.updateOne({ _id: alert.key }, { $set: { status: 'delivered', deliveredAt: this.clock.now(), lastAttemptAt: now }, $inc: { attempts: 1 } })
        this.onResult(alert.target, groupSize > 1 ? 'digest' : 'delivered', alert.tier)
        this.logger.info({ alert: alert.key, target: alert.target, digestOf: groupSize }, 'alert delivered')
        return
      case 'retry':
      case 'gave-up': {
        const failed = decision.result === 'gave-up'
        const set = { status: failed ? 'failed' : 'pending', lastAttemptAt: now, lastError: decision.reason, ...(failed ? {} : { nextAttemptAt: decision.retryAt }) }
        await this.alerts.updateOne({ _id: alert.key }, { $set: set, $inc: { attempts: 1 } })
        this.onResult(alert.target, failed ? 'refused' : 'failed', alert.tier)
        this.logger.warn({ alert: alert.key, target: alert.target, attempts, reason: decision.reason }, failed ? 'alert refused for good' : 'alert delivery failed; will retry')
        return
      }
      case 'settled':
        return
    }
  }

  private async payloadFor(alert: Alert, now: Date, about?: AlertAbout) {
    const record = about?.reference === alert.reference ? about : await this.feedback.findOne({ reference: alert.reference }, { reference: 1, service: 1, classification: 1, stillBeingTold: 1 }).lean()
    const risk = record?.classification?.risk
    const service = record?.service ?? {}
    return {
      idempotencyKey: alert.key,
      reference: alert.reference,
      escalation: alert.tier,
      raisedAt: now.toISOString(),
      risk: { level: risk?.level ?? 'urgent', categories: risk?.categories ?? [], reason: reasonWithoutQuotations(risk?.reason ?? '') },
      service: { name: service.name ?? undefined, locationId: service.locationId ?? undefined, localAuthority: service.localAuthority ?? undefined, region: service.region ?? undefined },
      team: alert.team,
      caseUrl: this.caseUrl(alert.reference),
      /** Raised from an unfinished conversation: the person may still be telling us. */
      stillBeingTold: record?.stillBeingTold === true,
    }
  }

  private headlineFor(alert: Alert, payload: AlertPayload): string {
    return `${tierWording[alert.tier]} ${payload.reference}${payload.service.name ? ` about ${payload.service.name}` : ''}.`
  }

  private async sendOne(alert: Alert, now: Date, about?: AlertAbout): Promise<void> {
    const payload = await this.payloadFor(alert, now, about)
    if (alert.target === 'webhook') return this.sendWebhook(alert, payload)
    const headline = this.headlineFor(alert, payload)
    const categories = payload.risk.categories.length ? ` Risk: ${payload.risk.categories.join(', ')}.` : ''
    const message = `${headline}${categories} ${payload.risk.reason} Open the case and acknowledge it: ${payload.caseUrl}`.trim()
    return this.sendText(alert, headline, message, alert.key)
  }

  private async sendWebhook(alert: Alert, payload: AlertPayload): Promise<void> {
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
  }

  /** To a person: GOV.UK Notify email or SMS, or the team's Teams channel. */
  private async sendText(alert: Alert, headline: string, message: string, idempotencyKey: string): Promise<void> {
    switch (alert.target) {
      case 'webhook':
        throw new PermanentFailure('A webhook alert has no text form')
      case 'notify-email': {
        if (!this.senders.email || !alert.recipient?.email) throw new PermanentFailure('GOV.UK Notify email is not configured')
        await this.senders.email.sendEmail(alert.recipient.email, headline, message, idempotencyKey)
        return
      }
      case 'notify-sms': {
        if (!this.senders.sms || !alert.recipient?.phone) throw new PermanentFailure('GOV.UK Notify SMS is not configured')
        await this.senders.sms.sendSms(alert.recipient.phone, message, idempotencyKey)
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
