import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose'
import { keyedBy } from './naturalKey'

/**
 * One message to one person about their feedback (an inspector's response, an update), and every attempt
 * to deliver it. The deliveryId is the idempotency key: it is passed to providers that accept one (Notify's
 * reference) and guards the retry worker's claims, since FerretDB has no transactions.
 *
 * The message text is kept so a retry can resend it; it is never logged. lastError never holds personal data.
 */

export const deliveryStatuses = ['queued', 'sending', 'sent', 'failed', 'opted_out', 'kept_for_reading', 'needs_phone_call'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

export const deliveryRoutes = ['directline', 'botframework', 'twilio', 'notify_sms', 'notify_email', 'none'] as const
export type DeliveryRoute = (typeof deliveryRoutes)[number]

const attemptSchema = new Schema(
  {
    number: { type: Number, required: true },
    at: { type: Date, required: true },
    outcome: { type: String, enum: ['sent', 'error'], required: true },
    error: String,
    providerMessageId: String,
  },
  { _id: false },
)

const deliverySchema = new Schema(
  {
    /** The delivery id: see naturalKey.ts. */
    _id: { type: Schema.Types.Mixed },
    deliveryId: { type: String, required: true, unique: true },
    feedbackReference: { type: String, required: true, index: true },
    /** The person's chosen contact method when the delivery was made. */
    method: { type: String, required: true },
    route: { type: String, enum: deliveryRoutes, required: true },
    format: { type: String, default: 'standard' },
    subject: String,
    text: { type: String, required: true },
    status: { type: String, enum: deliveryStatuses, required: true, index: true },
    attemptCount: { type: Number, required: true, default: 0 },
    attempts: { type: [attemptSchema], default: [] },
    nextAttemptAt: { type: Date, index: true },
    /** Set by the worker that is sending it now; a claim that outlives claimedUntil was lost (crash). */
    claimToken: String,
    claimedUntil: Date,
    providerMessageId: String,
    /** Long SMS go as several parts: a retry carries on after the parts already sent. */
    partsSent: { type: Number, default: 0 },
    lastError: String,
    sentAt: Date,
    failedAt: Date,
  },
  { timestamps: true },
)

keyedBy(deliverySchema, 'deliveryId')

export type Delivery = InferSchemaType<typeof deliverySchema>
export type DeliveryModel = Model<Delivery>

export function deliveryModel(connection: Connection): DeliveryModel {
  return (connection.models.Delivery as DeliveryModel | undefined) ?? connection.model('Delivery', deliverySchema)
}
