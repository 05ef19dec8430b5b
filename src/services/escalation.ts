import type { Clock } from '../clock'
import type { EscalationTier } from '../data/models/alert'
import type { FeedbackModel } from '../data/models/feedback'
import type { Logger } from '../logger'
import type { AlertOutbox } from './alertOutbox'

const tiersAbove: EscalationTier[] = ['manager', 'director']

/**
 * An urgent case nobody has acknowledged N minutes after its first alert goes to the team manager; after
 * another N minutes to the duty director. Each step writes new alerts into the outbox, then records the level,
 * so a crash between the two only means the (de-duplicated) alerts are written again.
 */
export class Escalation {
  constructor(
    private readonly feedback: FeedbackModel,
    private readonly outbox: AlertOutbox,
    private readonly clock: Clock,
    private readonly escalationMinutes: number,
    private readonly logger: Logger,
  ) {}

  async runOnce(): Promise<number> {
    const open = await this.feedback
      .find(
        { 'triage.queue': 'alert', 'triage.acknowledgedAt': { $exists: false }, 'triage.alertedAt': { $exists: true } },
        { reference: 1, triage: 1 },
      )
      .limit(500)
      .lean()
    const now = this.clock.now().getTime()
    const step = this.escalationMinutes * 60_000
    let escalated = 0
    for (const record of open) {
      const triage = record.triage
      if (!triage?.alertedAt || !triage.team) continue
      const current = triage.escalationLevel ?? 0
      const due = Math.min(tiersAbove.length, Math.floor((now - new Date(triage.alertedAt).getTime()) / step))
      for (let level = current + 1; level <= due; level += 1) {
        await this.outbox.raise(record.reference, triage.team, tiersAbove[level - 1])
        await this.feedback.updateOne(
          { reference: record.reference },
          { $set: { 'triage.escalationLevel': level, 'triage.escalatedAt': this.clock.now() } },
        )
        this.logger.warn({ reference: record.reference, tier: tiersAbove[level - 1] }, 'urgent case not acknowledged: escalated')
        escalated += 1
      }
    }
    return escalated
  }
}
