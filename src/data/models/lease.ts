import { type Connection, type Model, Schema } from 'mongoose'

/**
 * A claim on one piece of work (an alert, a delivery, an escalation, a periodic job). The lease is a document
 * keyed by the work's id: inserting a document whose `_id` exists fails atomically on FerretDB and MongoDB alike,
 * so exactly one instance holds it. A lease past `expiresAt` belonged to an instance that crashed and may be taken over.
 */
export interface LeaseRecord {
  _id: string
  owner: string
  /** Changes on every claim, so a takeover never removes a newer holder's lease. */
  token: string
  expiresAt: Date
}

const leaseSchema = new Schema<LeaseRecord>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    token: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
)

export type LeaseModel = Model<LeaseRecord>

export function leaseModel(connection: Connection): LeaseModel {
  return (connection.models.Lease as LeaseModel | undefined) ?? connection.model<LeaseRecord>('Lease', leaseSchema, 'leases')
}
