import crypto from 'node:crypto'
import type { BotMessage } from '../conversation/botMessage'
import { reasonWithoutQuotations } from '../classification'
import type { Clock } from '../clock'
import type { Config } from '../config'
import type { Alert, AlertModel, EscalationTier } from '../data/models/alert'
import type { FeedbackModel } from '../data/models/feedback'
import type { Lease } from '../data/work/leases'
import type { WorkQueue } from '../data/work/workQueue'
import type { Logger } from '../logger'
import { alertWork } from './alertOutbox'
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
/** Work queued for an alert that was never written (its writer died between the two writes) is dropped after this. */
const orphanAfterMs = 60_000

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
    private readonly queue: WorkQueue,
    /** Called with each delivery's result, for /metrics. */
    private readonly onResult: (target: string, result: 'delivered' | 'digest' | 'failed' | 'refused', tier: string) => void = () => {},
  ) {}

  caseUrl(reference: string): string {
    return new URL(`/console/cases/${reference}`, this.config.PUBLIC_BASE_URL).toString()
  }

  /**
   * Tries every alert that is due, oldest first, each claimed with a lease so that any number of instances send
   * it once. Alerts due together for one person on one channel (after downtime, or a burst of escalations) go as
   * one digest; the webhook, a machine, still gets one alert per case. Returns how many alerts were tried.
   */
  async deliverDue(limit = 50): Promise<number> {
    const now = this.clock.now()
    const due = await this.queue.due(alertWork, now, limit)
    const loaded = await Promise.all(due.map(async item => ({ item, alert: await this.alerts.findById(item.ref).lean() })))
    const groups = new Map<string, (Alert & { _id: unknown })[]>()
    for (const { item, alert } of loaded) {
      if (!alert) {
        // Queued just before its alert is written: leave it for the next pass, unless the writer died long ago.
        if (Date.now() - item.createdAt.getTime() > orphanAfterMs) await this.queue.done(alertWork, item.ref)
        continue
      }
      const person = alert.target === 'webhook' ? undefined : (alert.recipient?.email ?? alert.recipient?.phone ?? alert.team)
      const group = person ? `${alert.target}|${person}` : `one|${alert.key}`
      groups.set(group, [...(groups.get(group) ?? []), alert])
    }
    const tried = await Promise.all([...groups.values()].map(alerts => this.deliverGroup(alerts, now)))
    return tried.reduce((sum, count) => sum + count, 0)
  }

  private async deliverGroup(alerts: (Alert & { _id: unknown })[], now: Date): Promise<number> {
    const claimed: { alert: Alert & { _id: unknown }; lease: Lease }[] = []
    try {
      for (const alert of alerts) {
        const lease = await this.queue.leases.claim(`${alertWork}:${alert.key}`, alertLeaseMs)
        if (!lease) continue
        // Re-read after the claim: another instance may have delivered it between our listing and our claim.
        const item = await this.queue.get(alertWork, alert.key)
        const fresh = item && item.dueAt.getTime() <= now.getTime() ? await this.alerts.findById(alert.key).lean() : null
        if (fresh?.status === 'pending') claimed.push({ alert: fresh, lease })
        else {
          if (item && fresh) await this.queue.done(alertWork, alert.key)
          await this.queue.leases.release(lease)
        }
      }
      const open: (Alert & { _id: unknown })[] = []
      for (const { alert } of claimed) {
        if (await this.stillOpen(alert, now)) open.push(alert)
      }
      if (open.length === 0) return 0
      if (open.length === 1) await this.attempt(open[0], now, () => this.sendOne(open[0], now))
      else await this.attemptDigest(open, now)
      return open.length
    } finally {
      await Promise.all(claimed.map(({ lease }) => this.queue.leases.release(lease).catch(() => undefined)))
    }
  }

  /** Sends alerts this instance has just written (see AlertOutbox.raise): the insert was the claim. */
  async deliverFresh(alerts: Alert[]): Promise<void> {
    const now = this.clock.now()
    await Promise.all(alerts.map(alert => this.attempt(alert as Alert & { _id: unknown }, now, () => this.sendOne(alert, now))))
  }

  /** False (and the alert cancelled) once the case is acknowledged or gone. */
  private async stillOpen(alert: Alert & { _id: unknown }, now: Date): Promise<boolean> {
    const record = await this.feedback.findOne({ reference: alert.reference }, { triage: 1 }).lean()
    if (record && !record.triage?.acknowledgedAt) return true
    await this.alerts.updateOne({ _id: alert.key }, { $set: { status: 'cancelled', cancelledAt: now } })
    await this.queue.done(alertWork, alert.key)
    return false
  }

  private async attemptDigest(alerts: (Alert & { _id: unknown })[], now: Date): Promise<void> {
    const payloads = await Promise.all(alerts.map(alert => this.payloadFor(alert, now)))
    const keys = alerts.map(alert => alert.key).sort()
    const digestKey = `digest-${crypto.createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 32)}`
    const headline = `${alerts.length} urgent concerns need you now.`
    const lines = alerts.map((alert, index) => `${index + 1}. ${this.headlineFor(alert, payloads[index])} ${payloads[index].caseUrl}`)
    const message = `${headline}\n${lines.join('\n')}\nOpen each case and acknowledge it.`
    // One send for the group; its outcome (delivered, retry or refused) is recorded on every alert in it.
    const failure = await this.sendText(alerts[0], headline, message, digestKey).then(
      () => undefined,
      (error: unknown) => error,
    )
    for (const alert of alerts) {
      await this.attempt(alert, now, async () => {
        if (failure) throw failure
      }, alerts.length)
    }
  }

  /** Runs one send and records its outcome on the alert and in the queue. */
  private async attempt(alert: Alert & { _id: unknown }, now: Date, send: () => Promise<void>, digestOf = 1): Promise<void> {
    try {
      await send()
      await this.alerts.updateOne(
        { _id: alert.key },
        { $set: { status: 'delivered', deliveredAt: this.clock.now(), lastAttemptAt: now }, $inc: { attempts: 1 } },
      )
      await this.queue.done(alertWork, alert.key)
      this.onResult(alert.target, digestOf > 1 ? 'digest' : 'delivered', alert.tier)
      this.logger.info({ alert: alert.key, target: alert.target, digestOf }, 'alert delivered')
    } catch (error) {
      const attempts = (alert.attempts ?? 0) + 1
      const reason = (error as Error).message.slice(0, 200)
      const permanent = error instanceof PermanentFailure || (error as { retryable?: boolean }).retryable === false
      const retryAt = new Date(now.getTime() + backoffAfter(attempts))
      await this.alerts.updateOne(
        { _id: alert.key },
        { $set: { status: permanent ? 'failed' : 'pending', lastAttemptAt: now, lastError: reason, nextAttemptAt: retryAt }, $inc: { attempts: 1 } },
      )
      if (permanent) await this.queue.done(alertWork, alert.key)
      else await this.queue.retryAt(alertWork, alert.key, retryAt)
      this.onResult(alert.target, permanent ? 'refused' : 'failed', alert.tier)
      this.logger.warn({ alert: alert.key, target: alert.target, attempts, reason }, permanent ? 'alert refused for good' : 'alert delivery failed; will retry')
    }
  }

  private async payloadFor(alert: Alert, now: Date) {
    const record = await this.feedback.findOne({ reference: alert.reference }, { reference: 1, service: 1, classification: 1, stillBeingTold: 1 }).lean()
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

  private async sendOne(alert: Alert, now: Date): Promise<void> {
    const payload = await this.payloadFor(alert, now)
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
