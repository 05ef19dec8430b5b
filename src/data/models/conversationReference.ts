import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose'
import { keyedBy } from './naturalKey'

/**
 * How to reach a conversation again later (proactive messages): one per channel and conversation.
 * The botbuilder ConversationReference is stored as a JSON string, since it may hold keys FerretDB refuses.
 * For SMS and WhatsApp the conversation id is a hash of the number, and the number itself is kept only
 * sealed with the contact cipher.
 */
const conversationReferenceSchema = new Schema(
  {
    /** The channel and conversation key: see naturalKey.ts. */
    _id: { type: Schema.Types.Mixed },
    /** channelId + ':' + conversation id. */
    key: { type: String, required: true, unique: true },
    channelId: { type: String, required: true },
    conversationId: { type: String, required: true },
    referenceJson: { type: String, required: true },
    sealedAddress: String,
    lastSeenAt: { type: Date, required: true },
  },
  { timestamps: true },
)

keyedBy(conversationReferenceSchema, 'key')

export type StoredConversationReference = InferSchemaType<typeof conversationReferenceSchema>
export type ConversationReferenceModel = Model<StoredConversationReference>

export function conversationReferenceKey(channelId: string, conversationId: string): string {
  return `${channelId}:${conversationId}`
}

export function conversationReferenceModel(connection: Connection): ConversationReferenceModel {
  return (
    (connection.models.ConversationReference as ConversationReferenceModel | undefined) ??
    connection.model('ConversationReference', conversationReferenceSchema)
  )
}
