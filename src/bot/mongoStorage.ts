import crypto from 'node:crypto'
import type { Storage, StoreItems } from 'botbuilder'
import { type Connection, type Model, type mongo, Schema } from 'mongoose'
import { retryTransient } from '../data/retry'

/**
 * Bot state (ConversationState, UserState) in the database, so a person can come back days later, or after
 * a crash, to the same step. Follows MemoryStorage's eTag rules: no eTag or '*' always writes; any other eTag
 * must match the stored one or the write is refused.
 *
 * The state is kept as a JSON string, because bot state keys may contain dots or '$', which FerretDB refuses
 * as field names. The storage key (which for SMS contains a phone number) is stored only as a SHA-256 hash.
 */
interface StoredBotState {
  _id: string
  state: string
  eTag: string
  updatedAt: Date
}

const botStateSchema = new Schema<StoredBotState>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    eTag: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
)

export function botStateModel(connection: Connection): Model<StoredBotState> {
  return (connection.models.BotState as Model<StoredBotState> | undefined) ?? connection.model<StoredBotState>('BotState', botStateSchema, 'botstate')
}

export class StaleStateError extends Error {}

export function storageId(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex')
}

function newETag(): string {
  return crypto.randomUUID()
}

export class MongoStorage implements Storage {
  private readonly model: Model<StoredBotState>

  constructor(connection: Connection) {
    this.model = botStateModel(connection)
  }

  /**
   * Every turn reads and writes here, so the driver's collection is used directly: the documents are three plain
   * strings and a date (no vocabulary to validate), and mongoose's query casting cost more CPU than the command.
   */
  private get collection(): mongo.Collection<StoredBotState> {
    return this.model.collection as unknown as mongo.Collection<StoredBotState>
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.')
    // One `_id` lookup per key, side by side: on the embedded database `$in` reads the whole collection.
    const unique = [...new Set(keys)]
    const documents = await Promise.all(unique.map(key => retryTransient(() => this.collection.findOne({ _id: storageId(key) }))))
    const items: StoreItems = {}
    unique.forEach((key, index) => {
      const document = documents[index]
      if (document) items[key] = { ...JSON.parse(document.state), eTag: document.eTag }
    })
    return items
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.')
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: expected, ...rest } = (item ?? {}) as Record<string, unknown>
      const _id = storageId(key)
      const update = { state: JSON.stringify(rest), eTag: newETag(), updatedAt: new Date() }
      if (!expected || expected === '*') {
        await retryTransient(() => this.collection.updateOne({ _id }, { $set: update }, { upsert: true }), { duplicateKeyIsTransient: true })
        continue
      }
      // Read, compare, write, each by `_id` alone: a filter on eTag as well would read the whole collection on the
      // embedded database. (A conditional update is no more atomic there: it is read-modify-write inside FerretDB.)
      const existing = await retryTransient(() => this.collection.findOne({ _id }, { projection: { eTag: 1 } }))
      if (existing && existing.eTag !== expected) throw new StaleStateError(`Storage: error writing "${key}" due to eTag conflict.`)
      if (existing) {
        await retryTransient(() => this.collection.updateOne({ _id }, { $set: update }))
        continue
      }
      try {
        await this.collection.insertOne({ _id, ...update })
      } catch (error) {
        if ((error as { code?: number }).code === 11000) throw new StaleStateError(`Storage: error writing "${key}" due to eTag conflict.`)
        throw error
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return
    await Promise.all(keys.map(key => this.collection.deleteOne({ _id: storageId(key) })))
  }
}
