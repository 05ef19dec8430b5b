import { type Connection, type Model, Schema } from 'mongoose'
import { keyedBy } from './naturalKey'

/**
 * One activity of a Direct Line conversation, as the client reads it back. The activity is kept sealed
 * (AES-256-GCM JSON): people type contact details and their story into the chat, so the transcript is
 * personal data at rest. Sealing also keeps client-chosen keys (dots, '$') out of FerretDB field names.
 */
export interface DirectLineActivityRecord {
  _id?: string
  conversationId: string
  watermark: number
  activityId: string
  sealedActivity: string
  at: Date
}

const directLineActivitySchema = new Schema<DirectLineActivityRecord>(
  {
    /** The activity id (conversation id and watermark): see naturalKey.ts. */
    _id: { type: Schema.Types.Mixed },
    conversationId: { type: String, required: true },
    watermark: { type: Number, required: true },
    activityId: { type: String, required: true, unique: true },
    sealedActivity: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
)
directLineActivitySchema.index({ conversationId: 1, watermark: 1 }, { unique: true })

keyedBy(directLineActivitySchema, 'activityId')

export type DirectLineActivityModel = Model<DirectLineActivityRecord>

export function directLineActivityModel(connection: Connection): DirectLineActivityModel {
  return (
    (connection.models.DirectLineActivity as DirectLineActivityModel | undefined) ??
    connection.model<DirectLineActivityRecord>('DirectLineActivity', directLineActivitySchema, 'directlineactivities')
  )
}
