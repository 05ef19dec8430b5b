import { type Connection, type Model, Schema } from 'mongoose'

/**
 * Concerns of the last few weeks, one small document each, by service: what repeat-concern linking scans
 * instead of the whole feedback collection. Entries older than the linking window are pruned by a background job.
 */
export interface RecentConcern {
  /** The feedback reference. */
  _id: string
  serviceKey: string
  submittedAt: Date
}

const recentConcernSchema = new Schema<RecentConcern>(
  {
    _id: { type: String, required: true },
    serviceKey: { type: String, required: true, index: true },
    submittedAt: { type: Date, required: true, index: true },
  },
  { versionKey: false },
)

export type RecentConcernModel = Model<RecentConcern>

export function recentConcernModel(connection: Connection): RecentConcernModel {
  return (connection.models.RecentConcern as RecentConcernModel | undefined) ?? connection.model<RecentConcern>('RecentConcern', recentConcernSchema, 'recentconcerns')
}
