import type { Clock } from '../clock'
import type { Config } from '../config'
import type { AlertModel, AlertTarget, EscalationTier } from '../data/models/alert'
import type { Logger } from '../logger'
import type { Router, StaffContact, Team } from './routing'

export interface AlertChannels {
  email: boolean
  sms: boolean
  teams: boolean
}

/**
 * Writes alerts into the outbox. Each alert has a fixed key (reference:tier:target), so writing it again
 * after a crash is harmless: the unique index refuses the copy and the worker delivers the original.
 */
export class AlertOutbox {
  private readonly warned = new Set<string>()
  /** Called after alerts are written, so the worker tries the first delivery at once instead of at its next poll. */
  onWritten: () => void = () => {}

  constructor(
    private readonly alerts: AlertModel,
    private readonly router: Router,
    private readonly config: Config,
    private readonly channels: AlertChannels,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  recipientFor(team: Team, tier: EscalationTier): StaffContact | undefined {
    if (tier === 'inspector') return this.router.onCallInspector(team, this.clock.now())
    if (tier === 'manager') return this.router.manager(team)
    return this.router.dutyDirector(team)
  }

  /** Returns how many alert targets the case now has for this tier (0 means nobody can be told automatically). */
  async raise(reference: string, teamId: string, tier: EscalationTier): Promise<number> {
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
    for (const target of targets) {
      const key = `${reference}:${tier}:${target}`
      try {
        await this.alerts.create({
          key,
          reference,
          target,
          tier,
          team: team.id,
          recipient: target === 'notify-email' || target === 'notify-sms' ? recipient : undefined,
          status: 'pending',
          nextAttemptAt: now,
        })
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error
      }
    }
    if (targets.length > 0) this.onWritten()
    return targets.length
  }

  /** Pending retries stop once someone has acknowledged the case. */
  async cancelPending(reference: string): Promise<void> {
    await this.alerts.updateMany({ reference, status: 'pending' }, { $set: { status: 'cancelled', cancelledAt: this.clock.now() } })
  }

  async forCase(reference: string) {
    return this.alerts.find({ reference }).sort({ createdAt: 1 }).lean()
  }

  /** Alerts that were refused for good, or that have failed three times and are still being retried. */
  async failing() {
    return this.alerts
      .find({ $or: [{ status: 'failed' }, { status: 'pending', attempts: { $gte: 3 } }] })
      .sort({ createdAt: -1 })
      .limit(200)
      .lean()
  }

  private warnOnce(what: string, message: string): void {
    if (this.warned.has(what)) return
    this.warned.add(what)
    this.logger.warn(message)
  }
}
