import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose'
import { conversationMessageSchema } from './feedback'

/**
 * A message from the person, written as a document of its own before it is appended to their feedback record.
 * FerretDB v1 applies an update by reading the document and writing it back, so another instance's write to the
 * record at the same moment (routing an urgent draft, the person's next message) can undo the append; an insert
 * cannot be undone that way. The journal is checked once such writes have settled (FeedbackDrafts.checkMessages):
 * a message the record holds leaves the journal, one it lacks is appended again. The collection holds only the
 * last minute or so of messages, so the check's read of it stays small.
 */
const journaledMessageSchema = new Schema(
  {
    /** `reference:messageId`. */
    _id: { type: String, required: true },
    reference: { type: String, required: true, index: true },
    conversationKey: String,
    message: { type: conversationMessageSchema, required: true },
    /** When the record is next checked for this message. */
    checkAfter: { type: Date, required: true, index: true },
  },
  { versionKey: false },
)

export type JournaledMessage = InferSchemaType<typeof journaledMessageSchema>
export type JournaledMessageModel = Model<JournaledMessage>

export function journaledMessageModel(connection: Connection): JournaledMessageModel {
  return (connection.models.JournaledMessage as JournaledMessageModel | undefined) ?? connection.model<JournaledMessage>('JournaledMessage', journaledMessageSchema, 'messagejournal')
}
