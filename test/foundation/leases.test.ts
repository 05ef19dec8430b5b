import type { Connection } from 'mongoose'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { leaseModel } from '../../src/data/models/lease'
import { Leases } from '../../src/data/work/leases'
import { testDatabaseUri } from '../helpers/database'

/**
 * Claims raced by separate database clients (each its own connection, as separate instances would have), on the
 * embedded FerretDB, where a conditional update or delete is not atomic.
 */
const racers = 8
let connections: Connection[]
let instances: Leases[]

beforeAll(async () => {
  const uri = testDatabaseUri()
  connections = await Promise.all(Array.from({ length: racers }, () => connectToDatabase(uri, pino({ level: 'silent' }))))
  instances = connections.map(connection => new Leases(connection))
})

afterAll(async () => {
  await Promise.all(connections.map(connection => connection.close()))
})

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Waits until a new slot of this length has begun, so a race does not straddle two slots by chance of timing. */
async function startOfSlot(ttlMs: number): Promise<void> {
  await sleep(ttlMs - (Date.now() % ttlMs) + 5)
}

async function race(key: string, ttlMs: number) {
  const claims = await Promise.all(instances.map(leases => leases.claim(key, ttlMs)))
  return claims.filter(claim => claim !== undefined)
}

describe('leases on the embedded database', () => {
  it('gives a new claim to exactly one of many instances racing for it', async () => {
    for (let round = 0; round < 5; round++) {
      await startOfSlot(1_000)
      expect(await race(`work:new-${round}`, 1_000)).toHaveLength(1)
    }
  })

  it('lets exactly one instance take over a crashed holder’s lease once it has expired, and none before', async () => {
    const ttlMs = 600
    for (let round = 0; round < 4; round++) {
      const key = `work:crashed-${round}`
      await startOfSlot(ttlMs)
      const crashed = await instances[0].claim(key, ttlMs)
      expect(crashed).toBeDefined()
      // Still live: nobody may take it over.
      expect(await race(key, ttlMs)).toHaveLength(0)
      // The holder never releases it (it died). Once it has expired, exactly one racer takes over.
      await sleep(crashed!.expiresAt.getTime() - Date.now() + 20)
      const takers = await race(key, ttlMs)
      expect(takers).toHaveLength(1)
    }
  })

  it('never lets a holder whose lease was taken over remove the new holder’s lease', async () => {
    const ttlMs = 600
    const key = 'work:slow-holder'
    await startOfSlot(ttlMs)
    const slow = await instances[0].claim(key, ttlMs)
    await sleep(slow!.expiresAt.getTime() - Date.now() + 20)
    const taker = await instances[1].claim(key, ttlMs)
    expect(taker).toBeDefined()
    // The slow holder finishes late and releases what it held: the taker's claim must stand.
    await instances[0].release(slow!)
    expect(await race(key, ttlMs)).toHaveLength(0)
    await instances[1].release(taker!)
    expect(await race(key, ttlMs)).toHaveLength(1)
  })

  it('withdraws a claim while the lease from the previous slot is still live', async () => {
    const ttlMs = 60_000
    const slot = Math.floor(Date.now() / ttlMs)
    await leaseModel(connections[0]).create({ _id: Leases.idOf('work:late', slot - 1), owner: 'elsewhere', token: 't', expiresAt: new Date(Date.now() + 30_000) })
    expect(await race('work:late', ttlMs)).toHaveLength(0)
    expect(await leaseModel(connections[0]).findById(Leases.idOf('work:late', slot)).lean()).toBeNull()
  })

  it('runs a periodic job’s pass once per period across instances', async () => {
    const periodMs = 1_000
    for (let round = 0; round < 3; round++) {
      await startOfSlot(periodMs)
      const won = await Promise.all(instances.map(leases => leases.claimPeriod('job:housekeeping', periodMs)))
      expect(won.filter(Boolean)).toHaveLength(1)
    }
  })

  it('prunes leases long past their time and keeps live ones', async () => {
    const model = leaseModel(connections[0])
    await model.create({ _id: 'work:ancient@1', owner: 'gone', token: 't', expiresAt: new Date(Date.now() - 2 * 60 * 60_000) })
    const live = await instances[0].claim('work:live', 60_000)
    expect(await instances[0].prune()).toBeGreaterThanOrEqual(1)
    expect(await model.findById('work:ancient@1').lean()).toBeNull()
    expect(await model.findById(live!._id).lean()).not.toBeNull()
  })
})
