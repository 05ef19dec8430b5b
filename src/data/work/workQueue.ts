import type { Connection } from 'mongoose'
import { type WorkItem, type WorkItemModel, workItemModel } from '../models/workItem'
import { isDuplicateKey, retryTransient } from '../retry'
import type { Leases } from './leases'

export type WorkOutcome = 'done' | { retryAt: Date }

export interface QueueDepth {
  kind: string
  depth: number
  oldestAgeSeconds: number
}

/** See models/workItem.ts: the small collection of work still to do, each item claimed with a lease. */
export class WorkQueue {
  readonly items: WorkItemModel

  constructor(
    connection: Connection,
    readonly leases: Leases,
  ) {
    this.items = workItemModel(connection)
  }

  static idOf(kind: string, ref: string): string {
    return `${kind}:${ref}`
  }

  /** Adds the work, or brings it forward if it is already queued for later. */
  async enqueue(kind: string, ref: string, dueAt: Date): Promise<void> {
    const _id = WorkQueue.idOf(kind, ref)
    await retryTransient(
      () =>
        this.items.updateOne(
          { _id },
          { $min: { dueAt }, $setOnInsert: { kind, ref, attempts: 0, createdAt: new Date() } },
          { upsert: true },
        ),
      { duplicateKeyIsTransient: true },
    )
  }

  async get(kind: string, ref: string): Promise<WorkItem | null> {
    return retryTransient(() => this.items.findById(WorkQueue.idOf(kind, ref)).lean<WorkItem>())
  }

  async due(kind: string, now: Date, limit: number): Promise<WorkItem[]> {
    return this.items.find({ kind, dueAt: { $lte: now } }).sort({ dueAt: 1 }).limit(limit).lean<WorkItem[]>()
  }

  async done(kind: string, ref: string): Promise<void> {
    await retryTransient(() => this.items.deleteOne({ _id: WorkQueue.idOf(kind, ref) }))
  }

  async retryAt(kind: string, ref: string, dueAt: Date): Promise<void> {
    await retryTransient(() => this.items.updateOne({ _id: WorkQueue.idOf(kind, ref) }, { $set: { dueAt }, $inc: { attempts: 1 } }))
  }

  /**
   * Claims the item (a lease on its id), re-reads it, and runs the handler only if it is still due: another
   * instance may have finished it between our listing and our claim. Returns whether the handler ran.
   */
  async runClaimed(item: Pick<WorkItem, 'kind' | 'ref'>, now: Date, leaseMs: number, handle: (item: WorkItem) => Promise<WorkOutcome>): Promise<boolean> {
    const ran = await this.leases.withLease(WorkQueue.idOf(item.kind, item.ref), leaseMs, async () => {
      const fresh = await this.get(item.kind, item.ref)
      if (!fresh || fresh.dueAt.getTime() > now.getTime()) return false
      const outcome = await handle(fresh)
      if (outcome === 'done') await this.done(item.kind, item.ref)
      else await this.retryAt(item.kind, item.ref, outcome.retryAt)
      return true
    })
    return ran?.result ?? false
  }

  /** Lists what is due and runs each, a few at a time. Returns how many were handled here. */
  async runDue(kind: string, now: Date, options: { limit: number; concurrency: number; leaseMs: number }, handle: (item: WorkItem) => Promise<WorkOutcome>): Promise<number> {
    const due = await this.due(kind, now, options.limit)
    let handled = 0
    let next = 0
    const lane = async () => {
      while (next < due.length) {
        const item = due[next++]
        if (await this.runClaimed(item, now, options.leaseMs, handle)) handled++
      }
    }
    await Promise.all(Array.from({ length: Math.min(options.concurrency, due.length) }, lane))
    return handled
  }

  /** How much work waits, and how old the oldest is, by kind (for /metrics). */
  async depths(now = new Date()): Promise<QueueDepth[]> {
    const items = await this.items.find({}, { kind: 1, createdAt: 1 }).lean<Pick<WorkItem, 'kind' | 'createdAt'>[]>()
    const byKind = new Map<string, QueueDepth>()
    for (const item of items) {
      const entry = byKind.get(item.kind) ?? { kind: item.kind, depth: 0, oldestAgeSeconds: 0 }
      entry.depth++
      entry.oldestAgeSeconds = Math.max(entry.oldestAgeSeconds, (now.getTime() - item.createdAt.getTime()) / 1000)
      byKind.set(item.kind, entry)
    }
    return [...byKind.values()]
  }
}

export { isDuplicateKey }
