import { type Connection, type Model, Schema } from 'mongoose'

/**
 * An Idempotency-Key a partner sent with POST /api/feedback, keyed by a hash of the key: inserting it is the
 * atomic claim, so a retried request (after a time-out) gets the same reference instead of a duplicate record.
 * Kept for a day, pruned by a background job (FerretDB has no TTL index).
 */
export interface IntakeKey {
  _id: string
  reference: string
  /** SHA-256 of the request body: the same key with different feedback is refused. */
  bodyHash: string
  createdAt: Date
}

const intakeKeySchema = new Schema<IntakeKey>(
  {
    _id: { type: String, required: true },
    reference: { type: String, required: true },
    bodyHash: { type: String, required: true },
    createdAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
)

export type IntakeKeyModel = Model<IntakeKey>

export function intakeKeyModel(connection: Connection): IntakeKeyModel {
  return (connection.models.IntakeKey as IntakeKeyModel | undefined) ?? connection.model<IntakeKey>('IntakeKey', intakeKeySchema, 'intakekeys')
}
