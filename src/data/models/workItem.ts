import { type Connection, type Model, Schema } from 'mongoose'

/**
 * The hot queue: one small document per piece of work still to do (route a record, deliver an alert, escalate a
 * case, retry a delivery, link repeat concerns). Finished work is deleted, so the only collection a worker
 * scans stays as small as the backlog. `_id` is `kind:id`, so enqueueing the same work twice is one item.
 */
export interface WorkItem {
  _id: string
  kind: string
  /** The id of the work within its kind: a feedback reference, an alert key, a delivery id. */
  ref: string
  dueAt: Date
  attempts: number
  createdAt: Date
}

const workItemSchema = new Schema<WorkItem>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    ref: { type: String, required: true },
    dueAt: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
)
workItemSchema.index({ kind: 1, dueAt: 1 })

export type WorkItemModel = Model<WorkItem>

export function workItemModel(connection: Connection): WorkItemModel {
  return (connection.models.WorkItem as WorkItemModel | undefined) ?? connection.model<WorkItem>('WorkItem', workItemSchema, 'workqueue')
}
