import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose'
import { keyedBy } from './naturalKey'

/**
 * Inbound webhooks already taken, by the provider's message id (Twilio's MessageSid). The insert is the claim:
 * a second insert of the same id fails on the unique index, which marks a provider retry. The reply produced
 * the first time is kept so the retry gets exactly the same answer without the bot running again.
 * Expired in application code (FerretDB has no TTL index).
 */
const processedWebhookSchema = new Schema(
  {
    /** The provider message id: see naturalKey.ts. */
    _id: { type: Schema.Types.Mixed },
    messageId: { type: String, required: true, unique: true },
    provider: { type: String, required: true },
    receivedAt: { type: Date, required: true, index: true },
    /** The TwiML sent back; absent while the first request is still being processed. */
    responseBody: String,
    completedAt: Date,
  },
  { timestamps: true },
)

keyedBy(processedWebhookSchema, 'messageId')

export type ProcessedWebhook = InferSchemaType<typeof processedWebhookSchema>
export type ProcessedWebhookModel = Model<ProcessedWebhook>

export function processedWebhookModel(connection: Connection): ProcessedWebhookModel {
  return (connection.models.ProcessedWebhook as ProcessedWebhookModel | undefined) ?? connection.model('ProcessedWebhook', processedWebhookSchema)
}
