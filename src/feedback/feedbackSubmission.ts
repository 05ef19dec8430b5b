import type { Clock } from '../clock'
import type { Feedback, FeedbackDocument, FeedbackModel } from '../data/models/feedback'
import { isDuplicateKey, retryTransient } from '../data/retry'
import { normaliseWhen } from './whenItHappened'

export type AfterSubmitHook = (feedback: FeedbackDocument) => Promise<void>

/**
 * Turns a draft into received feedback. Safe to call twice: a second call finds it already received.
 * The record is queued for routing before it is marked received (a whole submission: as it is saved), and
 * classification and routing run as hooks
 * after it is safely saved, so a crash in them never loses what the person said (the routing worker finishes it).
 */
/** How submitted feedback reaches triage (ClassifyAndRoute), passed in so feedback does not depend on triage. */
export interface FeedbackRouting {
  /** Puts the reference in the routing queue, before the record is marked received (or as a submission is saved). */
  routeQueue(reference: string): Promise<void>
  /** Runs after the record is safely saved (classification and routing). */
  afterSubmit: AfterSubmitHook
}

export class FeedbackSubmission {
  constructor(
    private readonly feedback: FeedbackModel,
    private readonly clock: Clock,
    private readonly routing: FeedbackRouting,
  ) {}

  async submit(reference: string): Promise<FeedbackDocument> {
    const record = await retryTransient(() => this.feedback.findOne({ reference }))
    if (!record) throw new Error('No feedback with that reference')
    if (record.status === 'draft') {
      const at = this.clock.now()
      await this.routing.routeQueue(reference)
      record.status = 'received'
      record.submittedAt = at
      record.statusHistory.push({ status: 'received', at, by: 'system' })
      await retryTransient(() => record.save())
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
    await this.runHooks(record)
    return record
  }

  /**
   * Saves a whole submission (the API and form) as received in one insert, so a failure leaves either nothing or
   * the complete record, never a half-saved draft. The same reference sent again (a retried request with its
   * Idempotency-Key) returns the record already saved.
   */
  async receive(fields: Omit<Feedback, 'status' | 'statusHistory' | 'submittedAt' | 'updates' | 'notes' | 'createdAt' | 'updatedAt'>): Promise<{ record: FeedbackDocument; created: boolean }> {
    const at = this.clock.now()
    // A form or partner gives "when" in words only; it is read into a date the same way as the bot's answer.
    const when = fields.when?.text && !fields.when.normalised ? { ...fields.when, normalised: normaliseWhen(fields.when.text, at) } : fields.when
    // The routing queue item and the record are written side by side, so an urgent submission waits for one write
    // on a busy database, not two in a row. Routing runs at once below (runHooks); the queue item is the fallback if
    // this process dies, and a queue item whose record never appeared is dropped by the routing worker.
    const [, saved] = await Promise.allSettled([
      this.routing.routeQueue(fields.reference),
      retryTransient(() => this.feedback.create({ ...fields, when, status: 'received', submittedAt: at, statusHistory: [{ status: 'received', at, by: 'system' }] })),
    ])
    let created = true
    let record: FeedbackDocument | null
    if (saved.status === 'fulfilled') record = saved.value
    else {
      if (!isDuplicateKey(saved.reason)) throw saved.reason
      created = false
      record = await this.feedback.findOne({ reference: fields.reference })
      if (!record) throw saved.reason
    }
    await this.runHooks(record)
    return { record, created }
  }

  private async runHooks(record: FeedbackDocument): Promise<void> {
    await this.routing.afterSubmit(record)
  }
}
