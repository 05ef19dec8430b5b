import crypto from 'node:crypto'
import os from 'node:os'
import type { Connection } from 'mongoose'
import { type LeaseModel, type LeaseRecord, leaseModel } from '../models/lease'
import { isDuplicateKey, retryTransient } from '../retry'

export type Lease = Pick<LeaseRecord, '_id' | 'token' | 'expiresAt'>

/** Leases past their time by this much are only history: the prune job removes them. */
const keptAfterExpiryMs = 60 * 60_000

/**
 * Claims by inserting a lease document: the one claim that is atomic on FerretDB v1 and MongoDB alike (a
 * conditional update or delete is not, on FerretDB). Nothing is ever taken over by deleting or updating another
 * instance's lease: time is cut into slots as long as the lease, and a claim inserts the lease for the current
 * slot, `key@slot`. Exactly one insert of that `_id` wins. The winner then reads the previous slot's lease: if it
 * is still live (claimed late in the previous slot), the winner withdraws its own, so a lease is always held
 * for its whole time. A crashed holder's lease is thus taken over in the first slot after it has expired.
 * Leases run on the real clock, not the service's clock, because they are about processes that may have died;
 * instances' clocks must agree to well within a lease's length.
 */
export class Leases {
  readonly owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
  private readonly model: LeaseModel

  constructor(connection: Connection) {
    this.model = leaseModel(connection)
  }

  static idOf(key: string, slot: number): string {
    return `${key}@${slot}`
  }

  /** The lease when this instance now holds it; undefined when another live instance does. */
  async claim(key: string, ttlMs: number): Promise<Lease | undefined> {
    const now = Date.now()
    const slot = Math.floor(now / ttlMs)
    const lease: LeaseRecord = { _id: Leases.idOf(key, slot), owner: this.owner, token: crypto.randomUUID(), expiresAt: new Date(now + ttlMs) }
    if (!(await this.insert(lease))) return undefined
    const previous = await retryTransient(() => this.model.findById(Leases.idOf(key, slot - 1), { expiresAt: 1 }).lean())
    if (previous && previous.expiresAt.getTime() > Date.now()) {
      await this.release(lease)
      return undefined
    }
    return lease
  }

  /**
   * Claims the right to run something once in this period of `periodMs` (a singleton job's pass): the first
   * instance to insert the period's lease runs it, and the lease is kept as the record that it ran.
   */
  async claimPeriod(key: string, periodMs: number): Promise<boolean> {
    const now = Date.now()
    const period = Math.floor(now / periodMs)
    return this.insert({ _id: Leases.idOf(key, period), owner: this.owner, token: crypto.randomUUID(), expiresAt: new Date((period + 1) * periodMs) })
  }

  /** Removes this lease; its `_id` is this claim's own, so no other holder's lease is ever removed. */
  async release(lease: Lease): Promise<void> {
    await retryTransient(() => this.model.deleteOne({ _id: lease._id }))
  }

  /** Runs work under the lease, releasing it afterwards; returns undefined (without running) when not claimed. */
  async withLease<T>(key: string, ttlMs: number, work: () => Promise<T>): Promise<{ result: T } | undefined> {
    const lease = await this.claim(key, ttlMs)
    if (!lease) return undefined
    try {
      return { result: await work() }
    } finally {
      await this.release(lease).catch(() => undefined)
    }
  }

  /** Removes leases long expired (left by crashed holders, or periods' records): a background job, not a hot path. */
  async prune(now = Date.now()): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $lt: new Date(now - keptAfterExpiryMs) } })
    return result.deletedCount
  }

  private async insert(lease: LeaseRecord): Promise<boolean> {
    try {
      await retryTransient(() => this.model.create(lease))
      return true
    } catch (error) {
      if (isDuplicateKey(error)) return false
      throw error
    }
  }
}
