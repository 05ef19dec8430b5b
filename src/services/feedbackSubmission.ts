import type { Clock } from '../clock'
import type { FeedbackDocument, FeedbackModel } from '../data/models/feedback'

export type AfterSubmitHook = (feedback: FeedbackDocument) => Promise<void>

/**
 * Turns a draft into received feedback. Safe to call twice: a second call finds it already received.
 * Classification and routing run as hooks after the record is safely saved, so a crash in them never
 * loses what the person said (the routing worker picks up anything left unrouted).
 */
export class FeedbackSubmission {
  private readonly afterSubmit: AfterSubmitHook[] = []

  constructor(
    private readonly feedback: FeedbackModel,
    private readonly clock: Clock,
  ) {}

  onSubmitted(hook: AfterSubmitHook): void {
    this.afterSubmit.push(hook)
  }

  async submit(reference: string): Promise<FeedbackDocument> {
    const record = await this.feedback.findOne({ reference })
    if (!record) throw new Error('No feedback with that reference')
    if (record.status === 'draft') {
      const at = this.clock.now()
      record.status = 'received'
      record.submittedAt = at
      record.statusHistory.push({ status: 'received', at, by: 'system' })
      await record.save()
    } else if (record.stillBeingTold) {
      // Routed early (urgent, or quiet with a concern): now the person has finished, the case says so.
      await this.feedback.updateOne(
        { reference },
        {
          $unset: { stillBeingTold: '' },
          $push: { statusHistory: { $each: [{ status: record.status, at: this.clock.now(), by: 'system', note: 'The person finished telling us' }] } },
        },
      )
      record.stillBeingTold = undefined
    }
    for (const hook of this.afterSubmit) await hook(record)
    return record
  }
}
