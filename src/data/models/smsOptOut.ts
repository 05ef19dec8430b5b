import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose'
import { keyedBy } from './naturalKey'

/**
 * Numbers that texted STOP (or a carrier synonym). Keyed by a keyed hash of the number, never the number.
 * A START removes nothing: it sets optedOut false, so the history of the choice is kept.
 */
const smsOptOutSchema = new Schema(
  {
    /** The number hash: see naturalKey.ts. */
    _id: { type: Schema.Types.Mixed },
    numberHash: { type: String, required: true, unique: true },
    optedOut: { type: Boolean, required: true },
    changedAt: { type: Date, required: true },
    keyword: String,
  },
  { timestamps: true },
)

keyedBy(smsOptOutSchema, 'numberHash')

export type SmsOptOut = InferSchemaType<typeof smsOptOutSchema>
export type SmsOptOutModel = Model<SmsOptOut>

export function smsOptOutModel(connection: Connection): SmsOptOutModel {
  return (connection.models.SmsOptOut as SmsOptOutModel | undefined) ?? connection.model('SmsOptOut', smsOptOutSchema)
}
