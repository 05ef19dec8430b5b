import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose'
import { keyedBy } from './naturalKey'

export const alertTargets = ['webhook', 'notify-email', 'notify-sms', 'teams'] as const
export type AlertTarget = (typeof alertTargets)[number]

/** Who an alert is meant for: the on-call inspector first, then the team manager, then the duty director. */
export const escalationTiers = ['inspector', 'manager', 'director'] as const
export type EscalationTier = (typeof escalationTiers)[number]

/** failed: the provider refused it for good (bad template or address); shown to managers with the failing ones. */
export const alertStatuses = ['pending', 'delivered', 'cancelled', 'failed'] as const

/**
 * The alert outbox: one document per urgent case, tier and target, written before any delivery is tried.
 * `key` is both the de-duplication key (writing the same alert twice is a no-op) and the idempotency key the
 * receiver sees, so a retry after a crash can never page someone twice for the same thing.
 */
const alertSchema = new Schema(
  {
    /** The key: the outbox write is itself the de-duplicating claim, and delivery reads it by `_id`. */
    _id: { type: Schema.Types.Mixed },
    key: { type: String, required: true, unique: true },
    reference: { type: String, required: true, index: true },
    target: { type: String, enum: alertTargets, required: true },
    tier: { type: String, enum: escalationTiers, required: true },
    team: String,
    /** Staff contact for Notify targets (the on-call inspector, manager or director), never the member of the public. */
    recipient: { name: String, email: String, phone: String },
    status: { type: String, enum: alertStatuses, required: true, default: 'pending', index: true },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true, index: true },
    lastAttemptAt: Date,
    /** Short reason for the last failure (status code or error name): never a response body. */
    lastError: String,
    deliveredAt: Date,
    cancelledAt: Date,
  },
  { timestamps: true },
)

keyedBy(alertSchema, 'key')

export function alertKey(reference: string, tier: EscalationTier, target: AlertTarget): string {
  return `${reference}:${tier}:${target}`
}

export type Alert = InferSchemaType<typeof alertSchema>
export type AlertModel = Model<Alert>

export function alertModel(connection: Connection): AlertModel {
  return (connection.models.Alert as AlertModel | undefined) ?? connection.model('Alert', alertSchema)
}
