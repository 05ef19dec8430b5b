import type { Clock } from '../clock'
import type { Feedback } from '../data/models/feedback'
import type { Config } from '../config'
import { type Alert, type AlertModel, type AlertTarget, alertKey, alertTargets, type EscalationTier, escalationTiers } from '../data/models/alert'
import { isDuplicateKey, retryTransient } from '../data/retry'
import type { WorkQueue } from '../data/work/workQueue'
import type { Logger } from '../logger'
import type { Router, StaffContact, Team } from './routing'

export interface AlertChannels {
  email: boolean
  sms: boolean
  teams: boolean
}

/** Work kinds in the hot queue (data/work/workQueue.ts) that belong to alerts. */
export const alertWork = 'alert'
export const escalationWork = 'escalation'
/** How long a just-written alert is left to the instance that wrote it before the worker may take it over. */
export const freshAlertClaimMs = 30_000

/**
 * Writes alerts into the outbox. Each alert has a fixed key (reference:tier:target) that is also its `_id`, so
 * writing it again after a crash, or from a second instance, is harmless: the insert of the copy fails and the
 * worker delivers the original. The queue item is written first, so an alert is never stored without work to deliver it.
 */
/** Sends alerts this instance has just written (AlertDelivery.deliverFresh), and wakes the worker for the rest. */
export interface AlertSending {
  /**
   * Sends at once, without waiting for the worker: writing the alert (a new `_id`) is itself the claim, so no other
   * instance sends it. `about` is the case as routing just saw it (so it is not read again); `queued` resolves once
   * the fallback work item is written, and the outcome is recorded only after it.
   */
  deliverFresh(alerts: Alert[], about: AlertAbout | undefined, queued: Promise<unknown>): Promise<void>
  /** Runs a worker pass now instead of at its next poll. */
  kick(): void
}

/** What an alert says about its case, when the caller already holds the record. */
export type AlertAbout = Pick<Feedback, 'reference' | 'service' | 'classification' | 'stillBeingTold'>


export class AlertOutbox {
  private readonly warned = new Set<string>()
  constructor(
    private readonly alerts: AlertModel,
    private readonly router: Router,
    private readonly config: Config,
    private readonly channels: AlertChannels,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly queue: WorkQueue,
    private readonly sending: AlertSending,
  ) {}

  recipientFor(team: Team, tier: EscalationTier): StaffContact | undefined {
    if (tier === 'inspector') return this.router.onCallInspector(team, this.clock.now())
    if (tier === 'manager') return this.router.manager(team)
    return this.router.dutyDirector(team)
  }

  /**
   * Returns how many alert targets the case now has for this tier (0 means nobody can be told automatically).
   * With `sendNow` (a new urgent case) the alerts this call wrote are sent at once; the queued work is then only
   * the fallback if this process dies, due after the claim time. Escalations are left to the worker, which sends
   * those due together to one person as a digest.
   */
  async raise(reference: string, teamId: string, tier: EscalationTier, options: { sendNow?: boolean; about?: AlertAbout } = {}): Promise<number> {
    const team = this.router.team(teamId)
    const recipient = this.recipientFor(team, tier)
    const targets: AlertTarget[] = []
    if (this.config.ALERT_WEBHOOK_URL) targets.push('webhook')
    else this.warnOnce('webhook', 'ALERT_WEBHOOK_URL is not set: urgent alerts are not sent to a webhook')
    if (recipient?.email && this.channels.email) targets.push('notify-email')
    else if (recipient?.email) this.warnOnce('email', 'GOV.UK Notify email is not configured: urgent alerts are not emailed')
    if (recipient?.phone && this.channels.sms) targets.push('notify-sms')
    else if (recipient?.phone) this.warnOnce('sms', 'GOV.UK Notify SMS is not configured: urgent alerts are not texted')
    if (team.teamsConversation && this.channels.teams) targets.push('teams')
    if (targets.length === 0) this.logger.error({ reference, tier }, 'an urgent case has no alert target configured: it waits in the console alert queue')

    const now = this.clock.now()
    // Fresh alerts are sent by this instance at once; their queued work is the fallback if it dies, due after the claim time.
    const dueAt = options.sendNow ? new Date(now.getTime() + freshAlertClaimMs) : now
    const written: Alert[] = []
    const queued: Promise<void>[] = []
    await Promise.all(
      targets.map(async target => {
        const key = alertKey(reference, tier, target)
        // The alert is written first (one write before a fresh alert leaves); its work item follows. A crash between
        // the two leaves the record's routing or escalation item in the queue, whose retry writes the item below.
        try {
          const created = await retryTransient(() =>
            this.alerts.create({
              key,
              reference,
              target,
              tier,
              team: team.id,
              recipient: target === 'notify-email' || target === 'notify-sms' ? recipient : undefined,
              status: 'pending',
              nextAttemptAt: now,
            }),
          )
          written.push(created.toObject())
        } catch (error) {
          if (!isDuplicateKey(error)) throw error
        }
        queued.push(this.queue.enqueue(alertWork, key, dueAt))
      }),
    )
    if (options.sendNow && written.length) {
      const allQueued = Promise.all(queued)
      await Promise.all([this.sending.deliverFresh(written, options.about, allQueued), allQueued])
    } else {
      await Promise.all(queued)
      if (targets.length > 0) this.sending.kick()
    }
    return targets.length
  }

  /** Pending retries and escalations stop once someone has acknowledged the case. */
  async cancelPending(reference: string): Promise<void> {
    const now = this.clock.now()
    await this.queue.done(escalationWork, reference)
    await Promise.all(
      this.possibleKeys(reference).map(async key => {
        const alert = await retryTransient(() => this.alerts.findById(key, { status: 1 }).lean())
        if (alert?.status === 'pending') await retryTransient(() => this.alerts.updateOne({ _id: key }, { $set: { status: 'cancelled', cancelledAt: now } }))
        await this.queue.done(alertWork, key)
      }),
    )
  }

  /** Every alert the case has had, oldest first: a handful of key lookups, never a scan. */
  async forCase(reference: string) {
    const found = await Promise.all(this.possibleKeys(reference).map(key => this.alerts.findById(key).lean()))
    return found.filter(alert => alert !== null).sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0))
  }

  /**
   * A slow sweep for pending alerts with no queued work (written before the queue existed, or by a tool): it reads
   * the whole outbox, so it runs rarely, as a background job.
   */
  async requeuePending(): Promise<number> {
    const pending = await this.alerts.find({ status: 'pending' }, { key: 1, nextAttemptAt: 1 }).limit(1000).lean()
    for (const alert of pending) await this.queue.enqueue(alertWork, alert.key, alert.nextAttemptAt ?? this.clock.now())
    if (pending.length) this.sending.kick()
    return pending.length
  }

  /** Alerts that were refused for good, or that have failed three times and are still being retried. */
  async failing() {
    return this.alerts
      .find({ $or: [{ status: 'failed' }, { status: 'pending', attempts: { $gte: 3 } }] })
      .sort({ createdAt: -1 })
      .limit(200)
      .lean()
  }

  private possibleKeys(reference: string): string[] {
    return escalationTiers.flatMap(tier => alertTargets.map(target => alertKey(reference, tier, target)))
  }

  private warnOnce(what: string, message: string): void {
    if (this.warned.has(what)) return
    this.warned.add(what)
    this.logger.warn(message)
  }
}
