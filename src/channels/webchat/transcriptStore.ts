import crypto from 'node:crypto'
import type { Activity } from 'botbuilder'
import type { Connection } from 'mongoose'
import type { Clock } from '../../clock'
import { type DirectLineActivityModel, directLineActivityModel } from '../../data/models/directLineActivity'
import {
  type DirectLineConversation,
  type DirectLineConversationModel,
  directLineConversationModel,
} from '../../data/models/directLineConversation'
import { retryTransient } from '../../data/retry'
import type { ContactCipher } from '../../contact/contactEncryption'

/** Direct Line watermarks are strings of the activity's sequence number; ids end with the same number. */
export function activityIdFor(conversationId: string, watermark: number): string {
  return `${conversationId}|${String(watermark).padStart(7, '0')}`
}

/** Most activities returned by one GET: a long transcript is read in pages. */
const maxPage = 100

function randomId(bytes: number): string {
  return crypto.randomBytes(bytes).toString('base64url')
}

/**
 * The conversations and transcripts that the Direct Line GET reads. It holds only what was said on the
 * chat, for showing it again; the bot's own state and the feedback record live elsewhere.
 */
export class TranscriptStore {
  private readonly conversations: DirectLineConversationModel
  private readonly activities: DirectLineActivityModel

  constructor(
    connection: Connection,
    private readonly cipher: ContactCipher,
    private readonly clock: Clock,
  ) {
    this.conversations = directLineConversationModel(connection)
    this.activities = directLineActivityModel(connection)
  }

  async createConversation(): Promise<DirectLineConversation> {
    const created = await this.conversations.create({
      conversationId: randomId(18),
      userId: `dl_${randomId(12)}`,
      lastWatermark: 0,
      lastActivityAt: this.clock.now(),
    })
    return created.toObject()
  }

  async findConversation(conversationId: string): Promise<DirectLineConversation | null> {
    return retryTransient(() => this.conversations.findOne({ conversationId }).lean<DirectLineConversation>())
  }

  /** Records that the conversation's token was renewed: from now on only the token of `generation` works. */
  async recordTokenRenewal(conversationId: string, generation: number, renewals: number): Promise<void> {
    await this.conversations.updateOne({ conversationId }, { $set: { tokenGeneration: generation, tokenRenewals: renewals } })
  }

  /** True for the one caller that marks the conversation started (the others see it already started). */
  async markStarted(conversationId: string): Promise<boolean> {
    // By key alone (a second field in the filter would read every conversation on the embedded database).
    const conversation = await retryTransient(() => this.conversations.findOne({ conversationId }, { startedAt: 1 }).lean())
    if (!conversation || conversation.startedAt) return false
    const result = await retryTransient(() => this.conversations.updateOne({ conversationId }, { $set: { startedAt: this.clock.now() } }))
    return result.modifiedCount === 1
  }

  /** Stores an activity under the conversation's next watermark and returns it as stored. */
  async append(conversationId: string, activity: Partial<Activity>): Promise<Partial<Activity>> {
    // FerretDB updates are read-modify-write, so two writers can, rarely, draw the same number:
    // the unique index refuses the second, which then draws again.
    for (let attempt = 1; ; attempt++) {
      const at = this.clock.now()
      const counter = await this.conversations.findOneAndUpdate(
        { conversationId },
        { $inc: { lastWatermark: 1 }, $set: { lastActivityAt: at } },
        { returnDocument: 'after' },
      )
      if (!counter) throw new Error('Unknown Direct Line conversation')
      const watermark = counter.lastWatermark
      const activityId = activityIdFor(conversationId, watermark)
      const stored = { ...activity, id: activityId, timestamp: at } as Partial<Activity>
      try {
        await this.activities.create({ conversationId, watermark, activityId, sealedActivity: this.cipher.encrypt(stored), at })
        return stored
      } catch (error) {
        if ((error as { code?: number }).code !== 11000 || attempt >= 5) throw error
      }
    }
  }

  async replace(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<boolean> {
    const existing = await this.activities.findOne({ activityId })
    if (!existing || existing.conversationId !== conversationId) return false
    const previous = this.cipher.decrypt<Partial<Activity>>(existing.sealedActivity)
    const updated = { ...activity, id: activityId, timestamp: previous.timestamp }
    existing.sealedActivity = this.cipher.encrypt(updated)
    await existing.save()
    return true
  }

  async remove(conversationId: string, activityId: string): Promise<void> {
    if (activityId.startsWith(`${conversationId}|`)) await this.activities.deleteOne({ activityId })
  }

  /**
   * Deletes conversations nobody has used since the cutoff, with their transcripts (FerretDB has no TTL
   * indexes, so expiry is done here). Returns how many conversations were forgotten.
   */
  async forgetConversationsIdleSince(cutoff: Date, batchSize = 200): Promise<number> {
    const idle = await this.conversations.find({ lastActivityAt: { $lt: cutoff } }).limit(batchSize).lean()
    for (const conversation of idle) {
      // Each activity by its key: a filter on conversationId would read every transcript on the embedded database.
      for (let watermark = 1; watermark <= conversation.lastWatermark; watermark++) {
        await this.activities.deleteOne({ _id: activityIdFor(conversation.conversationId, watermark) })
      }
      await this.conversations.deleteOne({ conversationId: conversation.conversationId, lastActivityAt: { $lt: cutoff } })
    }
    return idle.length
  }

  /** Activities after the watermark, oldest first, and the watermark to ask from next time. */
  async activitiesAfter(conversationId: string, watermark: number): Promise<{ activities: Partial<Activity>[]; watermark: number }> {
    const conversation = await this.findConversation(conversationId)
    const newer: number[] = []
    for (let next = Math.max(0, watermark) + 1; conversation && next <= conversation.lastWatermark && newer.length < maxPage; next++) newer.push(next)
    // By key, one per watermark: the counter says which may exist. A gap is an activity still being written (stop
    // there, so it is not skipped) or, once the conversation has been quiet a moment, one that was deleted.
    const found = await Promise.all(newer.map(next => this.activities.findById(activityIdFor(conversationId, next)).lean()))
    const settled = conversation && this.clock.now().getTime() - new Date(conversation.lastActivityAt).getTime() > 2000
    const firstGap = found.findIndex(record => record === null)
    const records = (settled || firstGap < 0 ? found : found.slice(0, firstGap)).filter(record => record !== null)
    const activities = records.map(record => this.cipher.decrypt<Partial<Activity>>(record.sealedActivity))
    const last = records.at(-1)?.watermark ?? watermark
    return { activities, watermark: last }
  }
}
