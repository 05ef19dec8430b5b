import crypto from 'node:crypto'
import os from 'node:os'
import type { Connection } from 'mongoose'
import { type LeaseModel, type LeaseRecord, leaseModel } from '../models/lease'
import { isDuplicateKey, retryTransient } from '../retry'

export type Lease = Pick<LeaseRecord, '_id' | 'token'>

/**
 * Claims by inserting a lease document keyed by the work's id: the one claim that is atomic on FerretDB v1 and
 * MongoDB alike (a conditional update is not, on FerretDB). Leases run on the real clock, not the service's
 * clock, because they are about processes that may have died, not about business time.
 */
export class Leases {
  readonly owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
  private readonly model: LeaseModel

  constructor(connection: Connection) {
    this.model = leaseModel(connection)
  }

  /** The lease when this instance now holds it; undefined when another live instance does. */
  async claim(key: string, ttlMs: number): Promise<Lease | undefined> {
    const lease = { _id: key, owner: this.owner, token: crypto.randomUUID(), expiresAt: new Date(Date.now() + ttlMs) }
    if (await this.insert(lease)) return lease
    const held = await retryTransient(() => this.model.findById(key).lean())
    if (held && held.expiresAt.getTime() > Date.now()) return undefined
    // Expired (its holder crashed) or released just now: remove exactly that lease, then race to insert again.
    if (held) await retryTransient(() => this.model.deleteOne({ _id: key, token: held.token }))
    return (await this.insert(lease)) ? lease : undefined
  }

  async release(lease: Lease): Promise<void> {
    await retryTransient(() => this.model.deleteOne({ _id: lease._id, token: lease.token }))
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
