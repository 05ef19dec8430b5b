import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose'

/** Who did what to which case, and when. Reads are recorded as well as changes. Never holds feedback text. */
const auditEventSchema = new Schema({
  at: { type: Date, required: true, index: true },
  /** The user's email, or "system". */
  actor: { type: String, required: true },
  actorRole: String,
  /** How they came: "api" (Bearer token), "console" (signed-in session) or "system". */
  via: { type: String, required: true },
  /** e.g. case.read, case.list, case.acknowledge, case.respond, case.note, case.status, case.assign, user.create */
  action: { type: String, required: true },
  reference: { type: String, index: true },
  /** Short, non-personal detail such as the new status or how many cases a list returned. */
  detail: String,
})

export type AuditEvent = InferSchemaType<typeof auditEventSchema>
export type AuditEventModel = Model<AuditEvent>

export function auditEventModel(connection: Connection): AuditEventModel {
  return (connection.models.AuditEvent as AuditEventModel | undefined) ?? connection.model('AuditEvent', auditEventSchema)
}
