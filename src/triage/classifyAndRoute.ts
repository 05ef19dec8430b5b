import crypto from 'node:crypto'
import type { Classification, FeedbackClassifier, FeedbackContext, RiskLevel } from '../classification'
import type { Clock } from '../clock'
import type { Feedback, FeedbackModel } from '../data/models/feedback'
import { concernRiskLevels } from '../vocabulary/riskLevels'
import { KeyedQueue } from '../conversation/keyedQueue'
import type { RecentConcernModel } from '../data/models/recentConcern'
import { retryTransient } from '../data/retry'
import type { UrgentLane } from '../data/work/urgentLane'
import type { WorkQueue } from '../data/work/workQueue'
import type { Logger } from '../logger'
import { type AlertOutbox, escalationWork } from './alertOutbox'
import { addWorkingDays, type Router } from './routing'

/** Smaller is more pressing. A repeat concern about the same service moves up one step. */
export const priorityOfRisk: Record<RiskLevel, number> = { urgent: 1, high: 2, medium: 3, low: 4, none: 5 }

export const repeatWindowDays = 14
/** At most this many earlier concerns are linked to a new one: linking is bounded work, never a bulk update. */
const maxLinked = 20
export const routeWork = 'route'
/** Work kind for a draft to look at once it has gone quiet. */
export const quietDraftWork = 'quiet-draft'
const routeLeaseMs = 60_000
/** How long a just-received record is left to the instance that received it before the routing worker may take it. */
const routeGraceMs = 30_000
/** A queued reference with no received record yet may be an intake still writing; after this it was abandoned. */
const abandonedAfterMs = 10 * 60_000

type StoredClassification = NonNullable<Feedback['classification']>

/** Bare answers to choice questions ("yes", "2", "skip") carry no meaning of their own for the classifier. */
const bareAnswer = /^\s*(?:\d{1,2}|y|n|yes|no|ok|okay|yep|nope|skip|done|send|none|pass)\s*[.!]?\s*$/i

type ClassifiableRecord = Pick<Feedback, 'story' | 'desiredOutcome' | 'question' | 'overall'> & {
  conversation?: readonly { text: string; sealedText?: string | null }[] | null
  otherMessages?: readonly string[] | null
}

/**
 * What is classified: all of the person's own words. The story and what they would like to happen, then every
 * other message they sent that is not already part of those (words at a choice question, the opening message,
 * follow-ups after submission, texts sent after STOP). Sealed contact details are never read.
 */
export function classifiableText(record: ClassifiableRecord): string {
  const parts = [record.story, record.desiredOutcome].filter((part): part is string => !!part)
  const already = parts.join('\n\n')
  const others = [...(record.conversation ?? []).filter(message => !message.sealedText).map(message => message.text), ...(record.otherMessages ?? [])]
  for (const text of others) {
    const trimmed = text.trim()
    if (!trimmed || bareAnswer.test(trimmed) || already.includes(trimmed) || parts.includes(trimmed)) continue
    parts.push(trimmed)
  }
  return parts.join('\n\n')
}

/**
 * What the classifier reads of a record: its words, what is known beside them (the question they answer, the
 * person's overall rating), and a hash of both, so a record is classified again when either changes.
 */
export function classificationInput(record: ClassifiableRecord): { text: string; context: FeedbackContext; hash: string } {
  const text = classifiableText(record)
  const context: FeedbackContext = { ...(record.question ? { question: record.question } : {}), ...(record.overall ? { overall: record.overall } : {}) }
  // Words alone hash as they always have, so records classified before the context counted are not read again.
  const hashed = Object.keys(context).length === 0 ? text : `${text}\u0000${JSON.stringify(context)}`
  return { text, context, hash: crypto.createHash('sha256').update(hashed, 'utf8').digest('hex') }
}

/** When in doubt, escalate: feedback the classifier could not read is put before an inspector. */
const unreadableClassification: Classification = {
  themes: [],
  sentiment: 3,
  risk: { level: 'high', categories: [], reason: 'The automatic classifier could not read this feedback, so an inspector should read it.' },
  classifier: { name: 'fallback', version: '1' },
}

/** Sentiment follows the FFT scale: 1 very positive … 5 very negative. */
export function isConcern(record: {
  overall?: string | null
  classification?: { sentiment?: number | null; risk?: { level?: string | null } | null } | null
}): boolean {
  const level = record.classification?.risk?.level ?? ''
  const sentiment = record.classification?.sentiment
  return (concernRiskLevels as readonly string[]).includes(level) || (typeof sentiment === 'number' && sentiment >= 4) || record.overall === 'bad'
}

/**
 * Classifies a received record (again, if its text changed) and puts it in a queue: urgent → the alert queue
 * with alerts in the outbox; high → the inspector queue with a one-working-day target; the rest → the themed
 * queue. Every step is a re-runnable $set, and routedAt is written last, so a crash part-way is finished by the
 * worker on the next start.
 */
/** Quiet drafts older than this are no longer looked at by the sweep (they were checked many times before). */
const quietSweepWindowMs = 7 * 24 * 60 * 60 * 1000

/** The record as a conversation's write returned it, and the mark taken just before that write (markBeforeWrite). */
export interface WrittenRecord {
  record: Feedback
  mark: number
}

export interface AssessOptions {
  danger?: boolean
  written?: WrittenRecord
}

export class ClassifyAndRoute {
  /** Background work on one record runs one task at a time, so a newer message is never overwritten. */
  private readonly turns = new KeyedQueue()
  /** When background work was last queued on each record, as a running count; the oldest are forgotten, up to a count. */
  private readonly queued = new Map<string, number>()
  private queuedCount = 0
  private forgottenUpTo = 0
  constructor(
    private readonly feedback: FeedbackModel,
    private readonly classifier: FeedbackClassifier,
    private readonly router: Router,
    private readonly outbox: AlertOutbox,
    private readonly clock: Clock,
    private readonly escalationMinutes: number,
    private readonly logger: Logger,
    private readonly queue: WorkQueue,
    private readonly recentConcerns: RecentConcernModel,
    /** Urgent routing runs here, so its writes never queue behind bulk work (data/work/urgentLane.ts). */
    readonly lane: UrgentLane,
    /** Minutes a worrying unfinished conversation may go quiet before it is routed (DRAFT_QUIET_MINUTES). */
    private readonly draftQuietMinutes = 30,
    /** Called with each classification's duration in seconds, for /metrics. */
    private readonly onClassified: (seconds: number) => void = () => {},
  ) {}

  /**
   * Queues the record for routing, before it is marked received, so a crash never leaves it unrouted. The instance
   * that received it routes it at once (soon), so the queued item is only due after a grace period: the fallback
   * if that instance dies.
   */
  async enqueue(reference: string, graceMs = routeGraceMs): Promise<void> {
    await this.queue.enqueue(routeWork, reference, new Date(this.clock.now().getTime() + graceMs))
  }

  /**
   * Runs in the background and returns at once, so the person is never kept waiting by the classifier. Given the
   * record just saved, it is not read again.
   */
  soon(reference: string, saved?: Feedback): void {
    this.process(reference, { saved })
      .then(routed => (routed ? this.queue.done(routeWork, reference) : undefined))
      .catch(error => this.logger.error({ errorName: (error as Error)?.name, reference }, 'classify and route failed; the routing worker will try again'))
  }

  /** One pass of the routing worker over queued records. */
  async routeDue(): Promise<number> {
    return this.queue.runDue(routeWork, this.clock.now(), { limit: 50, concurrency: 4, leaseMs: routeLeaseMs }, item =>
      this.routeQueued(item.ref, item.createdAt, item.attempts),
    )
  }

  private async routeQueued(reference: string, queuedAt: Date, attempts: number): Promise<'done' | { retryAt: Date }> {
    const now = this.clock.now()
    try {
      const routed = await this.process(reference)
      if (routed || Date.now() - queuedAt.getTime() > abandonedAfterMs) return 'done'
      return { retryAt: new Date(now.getTime() + 5_000) }
    } catch (error) {
      this.logger.error({ errorName: (error as Error)?.name, reference, attempts }, 'classify and route failed; will retry')
      return { retryAt: new Date(now.getTime() + Math.min(60_000, 1_000 * 2 ** attempts)) }
    }
  }

  /** Resolves when every background run has finished (used on shutdown). */
  async settled(): Promise<void> {
    await this.turns.allSettled()
  }

  /** Classifies and routes one record; resolves false when there is no received record to route (yet). */
  process(reference: string, options: { reclassify?: boolean; saved?: Feedback } = {}): Promise<boolean> {
    return this.inTurn(reference, () => this.run(reference, options))
  }

  /** One piece of work per record at a time in this process: FerretDB updates are read-modify-write. */
  private inTurn<T>(reference: string, task: () => Promise<T>): Promise<T> {
    this.queued.delete(reference)
    this.queued.set(reference, ++this.queuedCount)
    if (this.queued.size > 10_000) {
      const [oldest, count] = this.queued.entries().next().value!
      this.queued.delete(oldest)
      this.forgottenUpTo = count
    }
    return this.turns.run(reference, task)
  }

  private lastQueued(reference: string): number {
    return this.queued.get(reference) ?? this.forgottenUpTo
  }

  /**
   * Marks the moment before a conversation writes its record, when no background work on it is queued or running;
   * undefined otherwise. The record that write returns may stand in for a fresh read in the next risk check only
   * while the mark is still current (nothing was queued on the record since; see `assess`).
   */
  markBeforeWrite(reference: string): number | undefined {
    return this.turns.busy(reference) ? undefined : this.lastQueued(reference)
  }

  /** Resolves once nothing is being written to this record in the background (so a new message is never overwritten). */
  async settledFor(reference: string): Promise<void> {
    await this.turns.settled(reference)
  }

  /**
   * Every message is risk-assessed as it arrives. An unfinished conversation that is urgent so far is routed and
   * alerted at once, marked as still being told; a submitted one is classified again (a follow-up), and alerted
   * if it has become urgent. Calm drafts stay drafts. Runs in the background.
   */
  assessSoon(reference: string, options: AssessOptions = {}): void {
    this.assess(reference, options).catch(error => this.logger.error({ err: error, reference }, 'per-message risk check failed; the quiet-draft sweep will try again'))
  }

  /**
   * With `danger` (the words were signposted as they arrived) it does not hold back for other urgent work. With
   * `written` (the record as the conversation's last write returned it) it is not read again, unless other work on
   * the record was queued in this process since that write was marked.
   */
  assess(reference: string, options: AssessOptions = {}): Promise<void> {
    const { written } = options
    const current = written && written.record.reference === reference && written.mark === this.lastQueued(reference) ? written.record : undefined
    return this.inTurn(reference, async () => {
      if (!options.danger) await this.lane.clear()
      await this.assessNow(reference, 'urgent', current)
    })
  }

  private async assessNow(reference: string, routeFrom: 'urgent' | 'concern', current?: Feedback): Promise<void> {
    const record = current ?? (await this.feedback.findOne({ reference }).lean())
    if (!record) return
    if (record.status !== 'draft') {
      await this.run(reference, {})
      return
    }
    // A new draft is watched from its first message: the queue item comes due when it could first have gone quiet.
    if (routeFrom === 'urgent' && (record.conversation?.length ?? 0) <= 1) {
      await this.queue.enqueue(quietDraftWork, reference, new Date(this.clock.now().getTime() + this.draftQuietMinutes * 60_000))
    }
    // While the person is typing, a calm draft is not written to (FerretDB updates are read-modify-write, and their
    // next message may be arriving at another instance): only a draft that must be routed is. The quiet-draft sweep
    // stores the classification once they have stopped.
    const classification = routeFrom === 'urgent' ? await this.classifyInMemory(record) : await this.classifyIfChanged(record)
    const level = classification?.risk?.level
    const worrying = routeFrom === 'urgent' ? level === 'urgent' : !!level && (concernRiskLevels as readonly string[]).includes(level)
    if (!worrying || !classification) return
    const now = this.clock.now()
    const note = routeFrom === 'urgent' ? 'Urgent while the person was still telling us' : 'Unfinished: the person stopped replying'
    const routeNow = async () => {
      // Queued as it is marked received (side by side: one write's wait on a busy database, not two), so a crash
      // part-way is finished by the routing worker; routing goes on below even if only the queue write failed.
      const [, marked] = await Promise.allSettled([
        this.enqueue(reference),
        retryTransient(() =>
          // By the reference alone: with `status` too, FerretDB would read every record. It was read as a draft just
          // now, in this record's turn (inTurn), and submitting waits for that turn (settledFor) first.
          this.feedback.updateOne(
            { reference },
            {
              $set: { status: 'received', stillBeingTold: true, submittedAt: now, classification },
              $push: { statusHistory: { $each: [{ status: 'received', at: now, by: 'system', note }] } },
            },
          ),
        ),
      ])
      if (marked.status === 'rejected') throw marked.reason
      this.logger.info({ reference, level, routeFrom }, 'unfinished conversation routed')
      await this.route({ ...record, status: 'received', stillBeingTold: true, submittedAt: now, classification })
    }
    await (level === 'urgent' ? this.lane.run(routeNow) : routeNow())
    await this.queue.done(routeWork, reference)
  }

  /**
   * Classifies words that are about to be saved (a partner's or the form's submission), so the record is written
   * with its classification and an urgent one is saved and alerted in the urgent lane. Never throws: when the
   * classifier fails, the record is saved without one and classified again when it is routed.
   */
  async classifyNew(record: ClassifiableRecord): Promise<StoredClassification | undefined> {
    const { text, context, hash } = classificationInput(record)
    if (!text.trim()) return undefined
    try {
      const fresh = await this.classify(text, context)
      return { ...fresh, classifiedAt: this.clock.now(), textHash: hash } as StoredClassification
    } catch (error) {
      this.logger.error({ errorName: (error as Error)?.name }, 'the classifier failed before saving; the record is classified again when it is routed')
      return undefined
    }
  }

  /** Work that must not wait: it runs in the urgent lane (bulk work holds back meanwhile). */
  urgently<T>(work: () => Promise<T>): Promise<T> {
    return this.lane.run(work)
  }

  private async classifyInMemory(record: Feedback): Promise<StoredClassification | undefined> {
    const { text, context, hash } = classificationInput(record)
    const stored = record.classification as StoredClassification | undefined
    if (stored?.classifiedAt && stored.textHash === hash) return stored
    if (!text.trim()) return stored
    const fresh = await this.classify(text, context)
    return { ...fresh, classifiedAt: this.clock.now(), textHash: fresh.classifier.name === 'fallback' ? undefined : hash } as StoredClassification
  }

  /**
   * Drafts that have gone quiet for DRAFT_QUIET_MINUTES: any not yet risk-assessed for their latest words are
   * assessed now, and those with a concern (medium or above) are routed as unfinished feedback. Each draft is an
   * item in the work queue from its first message, looked at again while it stays a draft, for a week.
   */
  async routeQuietDrafts(): Promise<number> {
    return this.queue.runDue(quietDraftWork, this.clock.now(), { limit: 100, concurrency: 2, leaseMs: routeLeaseMs }, item => this.checkQuietDraft(item.ref))
  }

  private async checkQuietDraft(reference: string): Promise<'done' | { retryAt: Date }> {
    const now = this.clock.now().getTime()
    const quietMs = this.draftQuietMinutes * 60_000
    const record = await this.feedback.findOne({ reference }, { status: 1, updatedAt: 1, quietCheckedAt: 1 }).lean()
    if (record?.status !== 'draft' || !record.updatedAt || record.updatedAt.getTime() < now - quietSweepWindowMs) return 'done'
    const quietAt = record.updatedAt.getTime() + quietMs
    if (quietAt > now) return { retryAt: new Date(quietAt) }
    if (!record.quietCheckedAt) {
      await this.inTurn(reference, () => this.assessNow(reference, 'concern'))
      // By the reference alone (FerretDB reads every record for any other filter); on a record routed meanwhile it is unused.
      await retryTransient(() => this.feedback.updateOne({ reference }, { $set: { quietCheckedAt: this.clock.now() } }))
    }
    // Still a draft: they may come back and say more, so look again later.
    return { retryAt: new Date(now + quietMs) }
  }

  /**
   * A slow sweep for quiet drafts with no queued work (started before the queue watched drafts): it reads the whole
   * collection, so it runs rarely, as a background job, never on a request or a turn.
   */
  async queueQuietDrafts(limit = 500): Promise<number> {
    const now = this.clock.now().getTime()
    const quiet = await this.feedback
      .find({ status: 'draft', quietCheckedAt: { $exists: false }, updatedAt: { $gt: new Date(now - quietSweepWindowMs) } }, { reference: 1 })
      .limit(limit)
      .lean()
    for (const { reference } of quiet) await this.queue.enqueue(quietDraftWork, reference, new Date(now))
    return quiet.length
  }

  /** Classifies a record's words unless its stored classification already read exactly these words. */
  private async classifyIfChanged(record: Feedback, reclassify = false): Promise<StoredClassification | undefined> {
    const { text, context, hash } = classificationInput(record)
    const stored = record.classification as StoredClassification | undefined
    if (!reclassify && stored?.classifiedAt && stored.textHash === hash) return stored
    if (!text.trim() && record.status === 'draft') return stored
    const fresh = await this.classifyOrFallback(text, context)
    const classification = { ...fresh, classifiedAt: this.clock.now(), textHash: fresh.classifier.name === 'fallback' ? undefined : hash } as StoredClassification
    await retryTransient(() => this.feedback.updateOne({ reference: record.reference }, { $set: { classification } }))
    return classification
  }

  /**
   * A slow sweep for received records that are unrouted but not queued (written before the queue existed, or by a
   * tool): it reads the whole collection, so it runs rarely, as a background job, never on a request.
   */
  async routeUnrouted(limit = 500): Promise<number> {
    const waiting = await this.feedback
      .find({ status: { $ne: 'draft' }, 'triage.routedAt': { $exists: false } }, { reference: 1 })
      .limit(limit)
      .lean()
    for (const { reference } of waiting) await this.enqueue(reference, 0)
    return waiting.length
  }

  private async run(reference: string, options: { reclassify?: boolean; saved?: Feedback }): Promise<boolean> {
    const record = options.saved ?? (await this.feedback.findOne({ reference }).lean())
    if (!record || record.status === 'draft') return false
    const before = record.classification as StoredClassification | undefined
    const classification = await this.classifyIfChanged(record, options.reclassify)
    const changed = classification !== before
    if (record.triage?.routedAt && !changed) return true
    const urgent = classification?.risk?.level === 'urgent' && !record.triage?.alertedAt
    const route = () => this.route({ ...record, classification })
    if (urgent) await this.lane.run(route)
    else await this.lane.clear().then(route)
    return true
  }

  private async classify(text: string, context: FeedbackContext): Promise<Classification> {
    if (!text.trim()) return { ...unreadableClassification, risk: { ...unreadableClassification.risk, level: 'low', reason: 'There was no text to classify.' } }
    const started = process.hrtime.bigint()
    try {
      return await this.classifier.classifyFeedback(text, context)
    } finally {
      this.onClassified(Number(process.hrtime.bigint() - started) / 1e9)
    }
  }

  private async classifyOrFallback(text: string, context: FeedbackContext): Promise<Classification> {
    try {
      return await this.classify(text, context)
    } catch (error) {
      this.logger.error({ err: error }, 'the classifier failed; treating the feedback as high risk')
      return unreadableClassification
    }
  }

  /** Queue, priority and target for a record with this many linked repeat concerns. Never lowers an earlier decision. */
  private placement(record: Feedback & { classification?: StoredClassification }, linked: number) {
    const level = (record.classification?.risk?.level ?? 'high') as RiskLevel
    let priority = priorityOfRisk[level]
    if (linked > 0) priority = Math.max(1, priority - 1)
    if (typeof record.triage?.priority === 'number') priority = Math.min(priority, record.triage.priority)
    const queue: 'alert' | 'inspector' | 'themed' = level === 'urgent' || record.triage?.queue === 'alert' ? 'alert' : priority <= 2 ? 'inspector' : 'themed'
    return { queue, priority }
  }

  /**
   * Routing first (queue, alerts, escalation watch, routedAt), linking after: an urgent alert never waits for
   * repeat-concern linking, which may then move the case up one step.
   */
  private async route(record: Feedback & { classification?: StoredClassification }): Promise<void> {
    const { reference } = record
    const now = this.clock.now()
    const team = record.triage?.team ? this.router.team(record.triage.team) : this.router.teamFor(record.service)
    const { queue, priority } = this.placement(record, 0)

    const set: Record<string, unknown> = { 'triage.queue': queue, 'triage.priority': priority, 'triage.team': team.id }
    const receivedAt = record.submittedAt ?? now
    if (queue === 'alert' && !record.triage?.alertedAt) {
      // The outbox is written before the case records it, and before any delivery is tried.
      await this.outbox.raise(reference, team.id, 'inspector', { sendNow: true, about: record })
      await this.queue.enqueue(escalationWork, reference, new Date(now.getTime() + this.escalationMinutes * 60_000))
      set['triage.alertedAt'] = now
      set['triage.escalationLevel'] = 0
      set['triage.targetAt'] = new Date(now.getTime() + this.escalationMinutes * 60_000)
    } else if (queue === 'inspector' && !record.triage?.targetAt) {
      set['triage.targetAt'] = addWorkingDays(receivedAt, 1)
    }
    set['triage.routedAt'] = now
    await retryTransient(() => this.feedback.updateOne({ reference }, { $set: set }))

    const linked = await this.linkRepeatConcerns(record)
    if (linked.length > 0) {
      const routed = { ...record, triage: { ...record.triage, queue, priority, targetAt: (set['triage.targetAt'] as Date | undefined) ?? record.triage?.targetAt } }
      const moved = this.placement(routed as typeof record, linked.length)
      if (moved.priority !== priority || moved.queue !== queue) {
        const raised: Record<string, unknown> = { 'triage.priority': moved.priority, 'triage.queue': moved.queue }
        if (moved.queue === 'inspector' && !routed.triage.targetAt) raised['triage.targetAt'] = addWorkingDays(receivedAt, 1)
        await retryTransient(() => this.feedback.updateOne({ reference }, { $set: raised }))
      }
    }
    this.logger.info({ reference, queue, priority, team: team.id, linked: linked.length }, 'feedback routed')
  }

  /**
   * Other concerns about the same service within 14 days, linked both ways. It reads only the small collection of
   * recent concerns, and updates at most a few records, each by its key.
   */
  private async linkRepeatConcerns(record: Feedback & { classification?: StoredClassification }): Promise<string[]> {
    const key = record.service?.key
    if (!key || !isConcern(record)) return []
    const submittedAt = record.submittedAt ?? this.clock.now()
    const at = submittedAt.getTime()
    const window = repeatWindowDays * 24 * 60 * 60 * 1000
    await retryTransient(() => this.recentConcerns.updateOne({ _id: record.reference }, { $set: { serviceKey: key, submittedAt } }, { upsert: true }), {
      duplicateKeyIsTransient: true,
    })
    const others = await this.recentConcerns
      .find({ serviceKey: key, submittedAt: { $gte: new Date(at - window), $lte: new Date(at + window) } })
      .sort({ submittedAt: -1 })
      .limit(maxLinked + 1)
      .lean()
    const repeats = others.map(other => other._id).filter(reference => reference !== record.reference).slice(0, maxLinked)
    if (repeats.length === 0) return []
    await retryTransient(() => this.feedback.updateOne({ reference: record.reference }, { $addToSet: { 'triage.linkedReferences': { $each: repeats } } }))
    for (const other of repeats) {
      await retryTransient(() => this.feedback.updateOne({ reference: other }, { $addToSet: { 'triage.linkedReferences': record.reference } }))
    }
    return repeats
  }

  /** Forgets recent concerns that can no longer be linked to a new one. */
  async pruneRecentConcerns(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - 2 * repeatWindowDays * 24 * 60 * 60 * 1000)
    const result = await this.recentConcerns.deleteMany({ submittedAt: { $lt: cutoff } })
    return result.deletedCount
  }
}
