import crypto from 'node:crypto'
import type { Classification, FeedbackClassifier, RiskLevel } from '../classification'
import type { Clock } from '../clock'
import type { Feedback, FeedbackModel } from '../data/models/feedback'
import type { Logger } from '../logger'
import type { AlertOutbox } from './alertOutbox'
import { addWorkingDays, type Router } from './routing'

/** Smaller is more pressing. A repeat concern about the same service moves up one step. */
export const priorityOfRisk: Record<RiskLevel, number> = { urgent: 1, high: 2, medium: 3, low: 4, none: 5 }

export const repeatWindowDays = 14

type StoredClassification = NonNullable<Feedback['classification']>

/** Bare answers to choice questions ("yes", "2", "skip") carry no meaning of their own for the classifier. */
const bareAnswer = /^\s*(?:\d{1,2}|y|n|yes|no|ok|okay|yep|nope|skip|done|send|none|pass)\s*[.!]?\s*$/i

type ClassifiableRecord = Pick<Feedback, 'story' | 'desiredOutcome'> & {
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

function hashText(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex')
}

/** When in doubt, escalate: feedback the classifier could not read is put before an inspector. */
const unreadableClassification: Classification = {
  themes: [],
  sentiment: 3,
  risk: { level: 'high', categories: [], reason: 'The automatic classifier could not read this feedback, so an inspector should read it.' },
  classifier: { name: 'fallback', version: '1' },
}

/** Sentiment follows the FFT scale: 1 very positive … 5 very negative. */
export function isConcern(record: { overall?: string | null; classification?: StoredClassification | null }): boolean {
  const level = record.classification?.risk?.level
  const sentiment = record.classification?.sentiment
  return level === 'urgent' || level === 'high' || level === 'medium' || (typeof sentiment === 'number' && sentiment >= 4) || record.overall === 'bad'
}

/**
 * Classifies a received record (again, if its text changed) and puts it in a queue: urgent → the alert queue
 * with alerts in the outbox; high → the inspector queue with a one-working-day target; the rest → the themed
 * queue. Every step is a re-runnable $set, and routedAt is written last, so a crash part-way is finished by the
 * worker on the next start.
 */
const concernLevels = ['urgent', 'high', 'medium']
/** Quiet drafts older than this are no longer looked at by the sweep (they were checked many times before). */
const quietSweepWindowMs = 7 * 24 * 60 * 60 * 1000

export class ClassifyAndRoute {
  private readonly inFlight = new Map<string, Promise<void>>()
  /** Minutes a worrying unfinished conversation may go quiet before it is routed (DRAFT_QUIET_MINUTES). */
  draftQuietMinutes = 30

  constructor(
    private readonly feedback: FeedbackModel,
    private readonly classifier: FeedbackClassifier,
    private readonly router: Router,
    private readonly outbox: AlertOutbox,
    private readonly clock: Clock,
    private readonly escalationMinutes: number,
    private readonly logger: Logger,
  ) {}

  /** Runs in the background and returns at once, so the person is never kept waiting by the classifier. */
  soon(reference: string): void {
    this.process(reference).catch(error =>
      this.logger.error({ err: error, reference }, 'classify and route failed; the routing worker will try again'),
    )
  }

  /** Resolves when every background run has finished (used on shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()])
  }

  process(reference: string, options: { reclassify?: boolean } = {}): Promise<void> {
    return this.inTurn(reference, () => this.run(reference, options))
  }

  /** One piece of work per record at a time in this process: FerretDB updates are read-modify-write. */
  private inTurn(reference: string, task: () => Promise<void>): Promise<void> {
    const running = this.inFlight.get(reference)
    if (running) return running.then(() => this.inTurn(reference, task), () => this.inTurn(reference, task))
    const work = task().finally(() => this.inFlight.delete(reference))
    this.inFlight.set(reference, work)
    return work
  }

  /** Resolves once nothing is being written to this record in the background (so a new message is never overwritten). */
  async settledFor(reference: string): Promise<void> {
    for (let running = this.inFlight.get(reference); running; running = this.inFlight.get(reference)) await running.catch(() => undefined)
  }

  /**
   * Every message is risk-assessed as it arrives. An unfinished conversation that is urgent so far is routed and
   * alerted at once, marked as still being told; a submitted one is classified again (a follow-up), and alerted
   * if it has become urgent. Calm drafts stay drafts. Runs in the background.
   */
  assessSoon(reference: string): void {
    this.assess(reference).catch(error => this.logger.error({ err: error, reference }, 'per-message risk check failed; the quiet-draft sweep will try again'))
  }

  assess(reference: string): Promise<void> {
    return this.inTurn(reference, () => this.assessNow(reference, 'urgent'))
  }

  private async assessNow(reference: string, routeFrom: 'urgent' | 'concern'): Promise<void> {
    const record = await this.feedback.findOne({ reference }).lean()
    if (!record) return
    if (record.status !== 'draft') return this.run(reference, {})
    // While the person is typing, a calm draft is not written to (FerretDB updates are read-modify-write, and their
    // next message may be arriving at another instance): only a draft that must be routed is. The quiet-draft sweep
    // stores the classification once they have stopped.
    const classification = routeFrom === 'urgent' ? await this.classifyInMemory(record) : await this.classifyIfChanged(record)
    const level = classification?.risk?.level
    const worrying = routeFrom === 'urgent' ? level === 'urgent' : !!level && concernLevels.includes(level)
    if (!worrying || !classification) return
    const now = this.clock.now()
    const note = routeFrom === 'urgent' ? 'Urgent while the person was still telling us' : 'Unfinished: the person stopped replying'
    await this.feedback.updateOne(
      { reference, status: 'draft' },
      {
        $set: { status: 'received', stillBeingTold: true, submittedAt: now, classification },
        $push: { statusHistory: { $each: [{ status: 'received', at: now, by: 'system', note }] } },
      },
    )
    this.logger.info({ reference, level, routeFrom }, 'unfinished conversation routed')
    await this.route({ ...record, status: 'received', stillBeingTold: true, submittedAt: now, classification })
  }

  private async classifyInMemory(record: Feedback): Promise<StoredClassification | undefined> {
    const text = classifiableText(record)
    const textHash = hashText(text)
    const stored = record.classification as StoredClassification | undefined
    if (stored?.classifiedAt && stored.textHash === textHash) return stored
    if (!text.trim()) return stored
    const fresh = await this.classify(text)
    return { ...fresh, classifiedAt: this.clock.now(), textHash: fresh.classifier.name === 'fallback' ? undefined : textHash } as StoredClassification
  }

  /**
   * Drafts that have gone quiet for DRAFT_QUIET_MINUTES: any not yet risk-assessed for their latest words are
   * assessed now, and those with a concern (medium or above) are routed as unfinished feedback.
   */
  async routeQuietDrafts(limit = 200): Promise<number> {
    const now = this.clock.now().getTime()
    const quietSince = new Date(now - this.draftQuietMinutes * 60_000)
    const quiet = await this.feedback
      .find({ status: 'draft', quietCheckedAt: { $exists: false }, updatedAt: { $lt: quietSince, $gt: new Date(now - quietSweepWindowMs) } }, { reference: 1 })
      .sort({ updatedAt: 1 })
      .limit(limit)
      .lean()
    for (const { reference } of quiet) {
      try {
        await this.inTurn(reference, () => this.assessNow(reference, 'concern'))
        await this.feedback.updateOne({ reference, status: 'draft' }, { $set: { quietCheckedAt: this.clock.now() } })
      } catch (error) {
        this.logger.error({ err: error, reference }, 'could not check a quiet draft')
      }
    }
    return quiet.length
  }

  /** Classifies a record's words unless its stored classification already read exactly these words. */
  private async classifyIfChanged(record: Feedback, reclassify = false): Promise<StoredClassification | undefined> {
    const text = classifiableText(record)
    const textHash = hashText(text)
    const stored = record.classification as StoredClassification | undefined
    if (!reclassify && stored?.classifiedAt && stored.textHash === textHash) return stored
    if (!text.trim() && record.status === 'draft') return stored
    const fresh = await this.classify(text)
    const classification = { ...fresh, classifiedAt: this.clock.now(), textHash: fresh.classifier.name === 'fallback' ? undefined : textHash } as StoredClassification
    await this.feedback.updateOne({ reference: record.reference }, { $set: { classification } })
    return classification
  }

  /** Records that are received but were never routed (the process died part-way): finish them. */
  async routeUnrouted(limit = 100): Promise<number> {
    await this.routeQuietDrafts().catch(error => this.logger.error({ err: error }, 'the quiet-draft sweep failed; it will run again'))
    const waiting = await this.feedback
      .find({ status: { $ne: 'draft' }, 'triage.routedAt': { $exists: false } }, { reference: 1 })
      .sort({ submittedAt: 1 })
      .limit(limit)
      .lean()
    for (const { reference } of waiting) {
      try {
        await this.process(reference)
      } catch (error) {
        this.logger.error({ err: error, reference }, 'could not route a waiting record')
      }
    }
    return waiting.length
  }

  private async run(reference: string, options: { reclassify?: boolean }): Promise<void> {
    const record = await this.feedback.findOne({ reference }).lean()
    if (!record || record.status === 'draft') return
    const before = record.classification as StoredClassification | undefined
    const classification = await this.classifyIfChanged(record, options.reclassify)
    const changed = classification !== before
    if (record.triage?.routedAt && !changed) return
    await this.route({ ...record, classification })
  }

  private async classify(text: string): Promise<Classification> {
    if (!text.trim()) return { ...unreadableClassification, risk: { ...unreadableClassification.risk, level: 'low', reason: 'There was no text to classify.' } }
    try {
      return await this.classifier.classifyFeedback(text)
    } catch (error) {
      this.logger.error({ err: error }, 'the classifier failed; treating the feedback as high risk')
      return unreadableClassification
    }
  }

  private async route(record: Feedback & { classification?: StoredClassification }): Promise<void> {
    const { reference } = record
    const now = this.clock.now()
    const level = (record.classification?.risk?.level ?? 'high') as RiskLevel
    const team = record.triage?.team ? this.router.team(record.triage.team) : this.router.teamFor(record.service)
    const linked = await this.linkRepeatConcerns(record)

    let priority = priorityOfRisk[level]
    if (linked.length > 0) priority = Math.max(1, priority - 1)
    // Never quietly lower what an earlier routing decided: a case only moves up.
    if (typeof record.triage?.priority === 'number') priority = Math.min(priority, record.triage.priority)
    const queue = level === 'urgent' || record.triage?.queue === 'alert' ? 'alert' : priority <= 2 ? 'inspector' : 'themed'

    const set: Record<string, unknown> = { 'triage.queue': queue, 'triage.priority': priority, 'triage.team': team.id }
    const receivedAt = record.submittedAt ?? now
    if (queue === 'alert' && !record.triage?.alertedAt) {
      // The outbox is written before the case records it, and before any delivery is tried.
      await this.outbox.raise(reference, team.id, 'inspector')
      set['triage.alertedAt'] = now
      set['triage.escalationLevel'] = 0
      set['triage.targetAt'] = new Date(now.getTime() + this.escalationMinutes * 60_000)
    } else if (queue === 'inspector' && !record.triage?.targetAt) {
      set['triage.targetAt'] = addWorkingDays(receivedAt, 1)
    }
    set['triage.routedAt'] = now
    await this.feedback.updateOne({ reference }, { $set: set })
    this.logger.info({ reference, queue, priority, team: team.id, linked: linked.length }, 'feedback routed')
  }

  /** Other concerns about the same service within 14 days: linked both ways. */
  private async linkRepeatConcerns(record: Feedback & { classification?: StoredClassification }): Promise<string[]> {
    const key = record.service?.key
    if (!key || !isConcern(record)) return []
    const at = (record.submittedAt ?? this.clock.now()).getTime()
    const window = repeatWindowDays * 24 * 60 * 60 * 1000
    const others = await this.feedback
      .find(
        {
          'service.key': key,
          reference: { $ne: record.reference },
          status: { $ne: 'draft' },
          submittedAt: { $gte: new Date(at - window), $lte: new Date(at + window) },
        },
        { reference: 1, overall: 1, classification: 1 },
      )
      .limit(200)
      .lean()
    const repeats = others.filter(other => isConcern(other as Parameters<typeof isConcern>[0])).map(other => other.reference)
    if (repeats.length === 0) return []
    await this.feedback.updateOne({ reference: record.reference }, { $addToSet: { 'triage.linkedReferences': { $each: repeats } } })
    await this.feedback.updateMany({ reference: { $in: repeats } }, { $addToSet: { 'triage.linkedReferences': record.reference } })
    return repeats
  }
}
