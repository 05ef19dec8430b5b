import { type Connection, type Model, Schema } from 'mongoose'
import { keyedBy } from './naturalKey'

/**
 * One public web chat conversation on the Direct Line subset. `lastWatermark` is the counter that numbers
 * the conversation's activities: it is only ever raised with $inc, so watermarks keep increasing.
 */
export interface DirectLineConversation {
  _id?: string
  conversationId: string
  userId: string
  lastWatermark: number
  startedAt?: Date
  lastActivityAt: Date
  /** The generation of the one token that works (see channels/webchat/tokens.ts), and how many times it was renewed. */
  tokenGeneration?: number
  tokenRenewals?: number
}

const directLineConversationSchema = new Schema<DirectLineConversation>(
  {
    /** The conversation id: see naturalKey.ts. */
    _id: { type: Schema.Types.Mixed },
    conversationId: { type: String, required: true, unique: true },
    userId: { type: String, required: true },
    lastWatermark: { type: Number, required: true, default: 0 },
    startedAt: Date,
    lastActivityAt: { type: Date, required: true, index: true },
    tokenGeneration: { type: Number, default: 0 },
    tokenRenewals: { type: Number, default: 0 },
  },
  { versionKey: false },
)

keyedBy(directLineConversationSchema, 'conversationId')

export type DirectLineConversationModel = Model<DirectLineConversation>

export function directLineConversationModel(connection: Connection): DirectLineConversationModel {
  return (
    (connection.models.DirectLineConversation as DirectLineConversationModel | undefined) ??
    connection.model<DirectLineConversation>('DirectLineConversation', directLineConversationSchema, 'directlineconversations')
  )
}
