import type { Connection } from 'mongoose'
import { botStateModel } from '../bot/mongoStorage'
import type { Clock } from '../clock'
import type { Config } from '../config'
import { auditEventModel } from '../data/models/auditEvent'
import { callbackRequestModel } from '../data/models/callbackRequest'
import { feedbackModel } from '../data/models/feedback'
import { processedWebhookModel } from '../data/models/processedWebhook'
import type { Logger } from '../logger'

const dayMs = 24 * 60 * 60 * 1000
const hourMs = 60 * 60 * 1000

export interface RetentionPolicy {
  draftDays: number
  botStateDays: number
  webhookDays: number
  closedContactDays: number
  auditDays: number
}

export function retentionPolicyFrom(config: Config): RetentionPolicy {
  return {
    draftDays: config.RETENTION_DRAFT_DAYS,
    botStateDays: config.RETENTION_BOT_STATE_DAYS,
    webhookDays: config.RETENTION_WEBHOOK_DAYS,
    closedContactDays: config.RETENTION_CLOSED_CONTACT_DAYS,
    auditDays: config.RETENTION_AUDIT_DAYS,
  }
}

/** How many of each kind were removed: counts only, so the log never holds personal data. */
export interface RetentionCounts {
  drafts: number
  botStates: number
  webhookRecords: number
  expiredSessions: number
  closedCaseContactDetails: number
  callbackRequests: number
  auditEvents: number
}

/**
 * Collections that other parts of the service expire by a date on each record, removed once that date has
 * passed: server-side sessions carry their own expiry. A collection that does not exist costs one empty query.
 */
const expiringCollections = [{ collection: 'sessions', fields: ['expires', 'expiresAt'] }]

/**
 * The retention schedule (RETENTION_* settings), applied once a day. FerretDB has no TTL indexes, so expiry
 * is done here. Every step is an idempotent delete or unset by age, so two instances running it at once, or a
 * run cut short and started again, do no harm. `run()` does one pass; `start()` runs it daily.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined
  private lastRunAt: number | undefined

  constructor(
    private readonly connection: Connection,
    private readonly policy: RetentionPolicy,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly checkEveryMs = hourMs,
  ) {}

  async run(): Promise<RetentionCounts> {
    const now = this.clock.now().getTime()
    const before = (days: number) => new Date(now - days * dayMs)
    const { connection, policy } = this
    const counts: RetentionCounts = {
      drafts: (await feedbackModel(connection).deleteMany({ status: 'draft', updatedAt: { $lt: before(policy.draftDays) } })).deletedCount,
      botStates: (await botStateModel(connection).deleteMany({ updatedAt: { $lt: before(policy.botStateDays) } })).deletedCount,
      webhookRecords: (await processedWebhookModel(connection).deleteMany({ receivedAt: { $lt: before(policy.webhookDays) } })).deletedCount,
      expiredSessions: 0,
      closedCaseContactDetails: 0,
      callbackRequests: 0,
      auditEvents: 0,
    }
    for (const { collection, fields } of expiringCollections) {
      const filter = { $or: fields.map(field => ({ [field]: { $lt: new Date(now) } })) }
      counts.expiredSessions += (await connection.db!.collection(collection).deleteMany(filter)).deletedCount
    }

    const contactCutoff = before(policy.closedContactDays).getTime()
    const feedback = feedbackModel(connection)
    const closedWithDetails = await feedback
      .find({ status: 'closed', $or: [{ 'contact.sealedDetails': { $exists: true } }, { 'contact.phoneHash': { $exists: true } }, { 'contact.emailHash': { $exists: true } }] }, { reference: 1, statusHistory: 1, updatedAt: 1 })
      .lean()
    for (const record of closedWithDetails) {
      const closedAt = record.statusHistory?.findLast(change => change.status === 'closed')?.at ?? record.updatedAt
      if (!closedAt || new Date(closedAt).getTime() >= contactCutoff) continue
      await feedback.updateOne(
        { _id: record._id, status: 'closed' },
        { $unset: { 'contact.sealedDetails': '', 'contact.phoneHash': '', 'contact.emailHash': '' }, $set: { 'contact.detailsRemovedAt': new Date(now) } },
      )
      counts.closedCaseContactDetails += 1
      counts.callbackRequests += (await callbackRequestModel(connection).deleteMany({ reference: record.reference })).deletedCount
    }

    counts.auditEvents = (await auditEventModel(connection).deleteMany({ at: { $lt: before(policy.auditDays) } })).deletedCount
    this.lastRunAt = now
    this.logger.info({ removed: counts }, 'retention schedule applied')
    return counts
  }

  /** Checks hourly and runs when a day has passed since the last run (the first run comes at the first check). */
  start(): void {
    const tick = () => {
      if (this.running) return
      if (this.lastRunAt !== undefined && this.clock.now().getTime() - this.lastRunAt < dayMs) return
      this.running = this.run()
        .catch(error => this.logger.warn({ errorName: (error as Error)?.name }, 'could not apply the retention schedule'))
        .finally(() => {
          this.running = undefined
        })
    }
    this.timer = setInterval(tick, this.checkEveryMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
  }
}
