import type { Clock } from '../clock'
import type { EscalationTier } from '../data/models/alert'
import type { FeedbackModel } from '../data/models/feedback'
import type { WorkQueue } from '../data/work/workQueue'
import type { Logger } from '../logger'
import { type AlertOutbox, escalationWork } from './alertOutbox'

const tiersAbove: EscalationTier[] = ['manager', 'director']
const escalationLeaseMs = 60_000

/**
 * An urgent case nobody has acknowledged N minutes after its first alert goes to the team manager; after
 * another N minutes to the duty director. Each open case is one item in the hot queue, due when its next step is,
 * and claimed with a lease, so many instances escalate each case once. Each step writes the new alerts into the
 * outbox, then records the level, so a crash between the two only means the (de-duplicated) alerts are written again.
 */
export class Escalation {
  constructor(
    private readonly feedback: FeedbackModel,
    private readonly outbox: AlertOutbox,
    private readonly clock: Clock,
    private readonly escalationMinutes: number,
    private readonly logger: Logger,
    private readonly queue: WorkQueue,
    /** Called for each step taken, for /metrics. */
    private readonly onEscalated: (tier: EscalationTier) => void = () => {},
  ) {}

  private get stepMs(): number {
    return this.escalationMinutes * 60_000
  }

  /** Puts a newly alerted case in the queue, due when its first escalation would be. */
  async watch(reference: string, alertedAt: Date): Promise<void> {
    await this.queue.enqueue(escalationWork, reference, new Date(alertedAt.getTime() + this.stepMs))
  }

  async runOnce(): Promise<number> {
    const now = this.clock.now()
    let escalated = 0
    await this.queue.runDue(escalationWork, now, { limit: 200, concurrency: 4, leaseMs: escalationLeaseMs }, async item => {
      const record = await this.feedback.findOne({ reference: item.ref }, { reference: 1, triage: 1 }).lean()
      const triage = record?.triage
      if (!triage?.alertedAt || !triage.team || triage.acknowledgedAt || triage.queue !== 'alert') return 'done'
      const alertedAt = new Date(triage.alertedAt).getTime()
      const current = triage.escalationLevel ?? 0
      const due = Math.min(tiersAbove.length, Math.floor((now.getTime() - alertedAt) / this.stepMs))
      for (let level = current + 1; level <= due; level += 1) {
        const tier = tiersAbove[level - 1]
        await this.outbox.raise(item.ref, triage.team, tier)
        await this.feedback.updateOne({ reference: item.ref }, { $set: { 'triage.escalationLevel': level, 'triage.escalatedAt': this.clock.now() } })
        this.logger.warn({ reference: item.ref, tier }, 'urgent case not acknowledged: escalated')
        this.onEscalated(tier)
        escalated += 1
      }
      const reached = Math.max(current, due)
      return reached >= tiersAbove.length ? 'done' : { retryAt: new Date(alertedAt + (reached + 1) * this.stepMs) }
    })
    return escalated
  }
}
