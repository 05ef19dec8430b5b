import type { Clock } from '../../clock'
import type { Lease } from './leases'
import type { WorkQueue } from './workQueue'

/** How one try went: sent; not sent but worth trying again (or not); or nothing left to send (cancelled, opted out). */
export type TryOutcome = { sent: true; detail?: unknown } | { sent: false; retryable: boolean; reason: string } | { settled: string }

/** What the engine decided after a try, for the policy to record on its item. */
export type Decision =
  | { result: 'sent'; detail?: unknown }
  | { result: 'retry'; reason: string; retryAt: Date }
  | { result: 'gave-up'; reason: string }
  | { result: 'settled'; detail: string }

/**
 * What differs between outboxes (urgent alerts to staff, updates to people): how an item is read, when it is still
 * to be sent, how it is sent, how long to wait between tries and when to give up, and how an outcome is recorded.
 */
export interface OutboxPolicy<T> {
  /** The work kind of this outbox's items in the work queue. */
  kind: string
  /** Longer than any one try can take, so a live sender never loses its claim. */
  leaseMs: number
  key(item: T): string
  load(key: string): Promise<T | null>
  /** Tries made so far. */
  attempts(item: T): number
  /** Milliseconds to wait after this many failed tries, or undefined to give up. */
  retryAfter(attempts: number): number | undefined
  /**
   * Whether the item is to be sent now; 'finished' when there is nothing left to send (sent, cancelled, given up;
   * the policy may record why, such as a case acknowledged meanwhile); or a time to look again.
   */
  readiness(item: T, now: Date): Promise<'ready' | 'finished' | Date>
  /** Tries the items; more than one only when `group` put them together (one digest to one person). */
  send(items: T[], now: Date): Promise<TryOutcome>
  /** Writes the decision on the item (status, attempts, last error). The engine then updates the work queue. */
  record(item: T, decision: Decision, now: Date, groupSize: number): Promise<void>
  /** Items due together that go as one send; by default each goes alone. */
  group?(items: T[]): T[][]
}

/** Work queued before its item was written is dropped after this if the item never appeared (its writer died). */
const orphanAfterMs = 60_000

/**
 * One engine for every outbox: items wait in the work queue; each try is claimed with a lease (an atomic `_id`
 * insert), tried, and its outcome recorded, with backoff between tries and a point where it gives up. Items this
 * instance has just written are sent at once (`sendFresh`): writing a new `_id` was itself the claim.
 */
export class Outbox<T> {
  constructor(
    private readonly policy: OutboxPolicy<T>,
    private readonly queue: WorkQueue,
    private readonly clock: Clock,
  ) {}

  /** Tries everything due, grouped as the policy says. Returns how many items were tried. */
  async deliverDue(limit = 50): Promise<number> {
    const now = this.clock.now()
    const due = await this.queue.due(this.policy.kind, now, limit)
    const loaded: T[] = []
    for (const [index, item] of (await Promise.all(due.map(entry => this.policy.load(entry.ref)))).entries()) {
      const entry = due[index]!
      if (item) loaded.push(item)
      // Queued just before its item is written: left for the next pass, unless the writer died long ago.
      else if (Date.now() - entry.createdAt.getTime() > orphanAfterMs) await this.queue.done(this.policy.kind, entry.ref)
    }
    const groups = this.policy.group ? this.policy.group(loaded) : loaded.map(item => [item])
    const tried = await Promise.all(groups.map(group => this.tryClaimed(group, now)))
    return tried.reduce((sum, count) => sum + count, 0)
  }

  /** One try at one item now, if this instance wins the claim and it is still to be sent. Returns whether it was tried. */
  async tryNow(key: string): Promise<boolean> {
    const item = await this.policy.load(key)
    return item ? (await this.tryClaimed([item], this.clock.now())) > 0 : false
  }

  /**
   * Sends items this instance has just written: the insert was the claim. `queued` resolves once their fallback
   * work items are written; outcomes are recorded only after it, so the queue is never left behind the record.
   */
  async sendFresh(items: T[], queued: Promise<unknown> = Promise.resolve()): Promise<void> {
    const now = this.clock.now()
    await Promise.all(items.map(item => this.tryAndRecord([item], now, queued)))
  }

  private async tryClaimed(group: T[], now: Date): Promise<number> {
    const claimed: { item: T; lease: Lease }[] = []
    const { leases } = this.queue
    try {
      for (const item of group) {
        const key = this.policy.key(item)
        const lease = await leases.claim(`${this.policy.kind}:${key}`, this.policy.leaseMs)
        if (!lease) continue
        // Read again under the claim: another instance may have tried it between our listing and our claim.
        const queued = await this.queue.get(this.policy.kind, key)
        const fresh = queued && queued.dueAt.getTime() <= now.getTime() ? await this.policy.load(key) : null
        const readiness = fresh ? await this.policy.readiness(fresh, now) : undefined
        if (fresh && readiness === 'ready') {
          claimed.push({ item: fresh, lease })
          continue
        }
        if (readiness === 'finished') await this.queue.done(this.policy.kind, key)
        else if (readiness instanceof Date) await this.queue.retryAt(this.policy.kind, key, readiness)
        await leases.release(lease)
      }
      if (claimed.length === 0) return 0
      await this.tryAndRecord(
        claimed.map(({ item }) => item),
        now,
      )
      return claimed.length
    } finally {
      await Promise.all(claimed.map(({ lease }) => leases.release(lease).catch(() => undefined)))
    }
  }

  private async tryAndRecord(items: T[], now: Date, queued: Promise<unknown> = Promise.resolve()): Promise<void> {
    const outcome = await this.policy.send(items, now).catch((error: unknown): TryOutcome => ({ sent: false, retryable: true, reason: (error as Error)?.message?.slice(0, 200) ?? 'unknown error' }))
    await queued.catch(() => undefined)
    for (const item of items) {
      const decision = this.decide(item, outcome)
      await this.policy.record(item, decision, now, items.length)
      const key = this.policy.key(item)
      if (decision.result === 'retry') await this.queue.retryAt(this.policy.kind, key, decision.retryAt)
      else await this.queue.done(this.policy.kind, key)
    }
  }

  private decide(item: T, outcome: TryOutcome): Decision {
    if ('settled' in outcome) return { result: 'settled', detail: outcome.settled }
    if (outcome.sent) return { result: 'sent', detail: outcome.detail }
    const wait = outcome.retryable ? this.policy.retryAfter(this.policy.attempts(item) + 1) : undefined
    if (wait === undefined) return { result: 'gave-up', reason: outcome.reason }
    return { result: 'retry', reason: outcome.reason, retryAt: new Date(this.clock.now().getTime() + wait) }
  }
}
