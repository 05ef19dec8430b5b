import type { Clock } from '../clock'
import { type Feedback, type FeedbackModel, type FeedbackStatus, feedbackStatuses } from '../data/models/feedback'
import type { AlertOutbox } from './alertOutbox'
import { type Actor, AuditLog } from '../security/audit'
import { type CaseFilters, type CaseQueue, type CaseRow, isUnacknowledgedUrgent } from './caseQueue'
import type { ContactCipher } from '../contact/contactEncryption'
import { normaliseFeedbackReference } from '../feedback/feedbackReference'
import { unfilledPlaceholders } from './responseTemplates'
import type { Users } from '../security/users'

export const workflowStatuses = feedbackStatuses.filter(status => status !== 'draft') as Exclude<FeedbackStatus, 'draft'>[]

export const statusLabels: Record<Exclude<FeedbackStatus, 'draft'>, string> = {
  received: 'Received',
  under_review: 'Under review',
  action_taken: 'Action taken',
  closed: 'Closed',
}

export interface PersonMessage {
  text: string
  easyReadText?: string
  subject?: string
}

/** Sends a response to the person on their chosen channel (the channels' notifyPerson); returns a delivery id if any. */
export type PersonNotifier = (reference: string, message: PersonMessage) => Promise<{ id?: string; status?: string } | undefined>

/** Everything the person sent, in order, marked by step; sealed contact details stay sealed. */
export function conversationForCase(messages: Feedback['conversation']) {
  return (Array.isArray(messages) ? messages : [])
    .map(message => ({ at: message.at, channel: message.channel, step: message.step, text: message.text, followUp: message.followUp === true }))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
}

export class CaseNotFound extends Error {}
export class CaseInputError extends Error {}

/** Everything inspectors do to a case. Every read and every change is audit-logged before it returns. */
export class CaseService {
  constructor(
    private readonly feedback: FeedbackModel,
    private readonly queue: CaseQueue,
    private readonly outbox: AlertOutbox,
    private readonly audit: AuditLog,
    private readonly users: Users,
    private readonly contactCipher: ContactCipher,
    private readonly clock: Clock,
    private readonly notifyPerson: PersonNotifier,
  ) {}

  /** The queue in its order (see queueOrderKey), filtered. Closed cases only when asked for. */
  async list(actor: Actor, filters: CaseFilters = {}): Promise<CaseRow[]> {
    const rows = await this.queue.list(filters)
    await this.audit.record(actor, 'case.list', undefined, `${rows.length} cases`)
    return rows
  }

  /** The cases needing action now (failed reply, phone call wanted, new message), for every inspector. */
  async needingAction(): Promise<CaseRow[]> {
    return this.queue.list({ needs: 'any', status: 'all' })
  }

  /** The one queue row of a case, for the needs-action banner at the top of the case page. */
  async row(reference: string): Promise<CaseRow | undefined> {
    return (await this.queue.list({ q: reference, status: 'all' }))[0]
  }

  /** Reads one case into the queue again after a change made elsewhere (an erasure), so old words are not shown. */
  async refreshQueueRow(reference: string): Promise<void> {
    await this.queue.refreshCase(reference)
  }

  /** When the queue was last read whole from the database. */
  get queueReadAt(): Date | undefined {
    return this.queue.readAt
  }

  async get(actor: Actor, typedReference: string, options: { withContactDetails?: boolean } = {}) {
    const reference = this.reference(typedReference)
    const record = await this.feedback.findOne(this.where(reference)).lean()
    // A draft is a case only once it was routed (raised while the person is still talking).
    if (!record || (record.status === 'draft' && !record.triage?.queue)) throw new CaseNotFound()
    await this.audit.record(actor, 'case.read', reference, options.withContactDetails ? 'with contact details' : undefined)
    // One lookup each: on FerretDB an $in reads the whole collection.
    const linked = (
      await Promise.all(
        (record.triage?.linkedReferences ?? []).slice(0, 50).map(other => this.feedback.findOne(this.where(other), { reference: 1, status: 1, classification: 1, submittedAt: 1 }).lean()),
      )
    ).filter(other => other !== null)
    let contactDetails: Record<string, string> | undefined
    if (options.withContactDetails && record.contact?.sealedDetails) {
      try {
        contactDetails = this.contactCipher.decrypt(record.contact.sealedDetails)
      } catch {
        contactDetails = undefined
      }
    }
    return {
      reference,
      status: record.status,
      statusHistory: record.statusHistory,
      channel: record.channel,
      role: record.role,
      service: record.service,
      when: record.when?.text,
      story: record.story,
      conversation: conversationForCase(record.conversation),
      stillBeingTold: record.stillBeingTold === true,
      overall: record.overall,
      desiredOutcome: record.desiredOutcome,
      contact: {
        method: record.contact?.method ?? 'anonymous',
        format: record.contact?.format,
        language: record.contact?.language,
        hasDetails: Boolean(record.contact?.sealedDetails),
        details: contactDetails,
      },
      consentToShare: record.consentToShare,
      callbackRequested: record.callbackRequested,
      classification: record.classification,
      triage: record.triage,
      updates: record.updates,
      notes: record.notes,
      linked: linked.map(other => ({ reference: other.reference, status: other.status, risk: other.classification?.risk?.level, submittedAt: other.submittedAt })),
      alerts: await this.outbox.forCase(reference),
      submittedAt: record.submittedAt,
    }
  }

  /** Stops pending alert retries and escalation; a received case moves to under review. Acknowledging twice is harmless. */
  async acknowledge(actor: Actor, typedReference: string) {
    const reference = this.reference(typedReference)
    const record = await this.feedback.findOne(this.where(reference), { triage: 1, status: 1 }).lean()
    if (!record || record.status === 'draft') throw new CaseNotFound()
    const now = this.clock.now()
    if (!record.triage?.acknowledgedAt) {
      const update: Record<string, unknown> = { $set: { 'triage.acknowledgedAt': now, 'triage.acknowledgedBy': actor.email } }
      if (record.status === 'received') {
        ;(update.$set as Record<string, unknown>).status = 'under_review'
        update.$push = { statusHistory: { status: 'under_review', at: now, by: actor.email, note: 'Acknowledged' } }
      }
      await this.feedback.updateOne(this.where(reference), update)
    }
    await this.outbox.cancelPending(reference)
    await this.audit.record(actor, 'case.acknowledge', reference)
    await this.queue.refreshCase(reference)
    const after = await this.feedback.findOne(this.where(reference), { status: 1, triage: 1 }).lean()
    return { reference, status: after?.status, acknowledgedAt: after?.triage?.acknowledgedAt, acknowledgedBy: after?.triage?.acknowledgedBy }
  }

  /** Only to an inspector or manager whose access is on, or to nobody. */
  async assign(actor: Actor, typedReference: string, assignee: string) {
    const reference = this.reference(typedReference)
    const email = assignee.trim().toLowerCase()
    if (email && !(await this.users.activeCaseWorkers()).includes(email)) {
      throw new CaseInputError('Choose someone from the list: cases can only be assigned to inspectors and managers who can sign in')
    }
    await this.mustExist(reference)
    await this.feedback.updateOne(this.where(reference), email ? { $set: { 'triage.assignee': email } } : { $unset: { 'triage.assignee': 1 } })
    await this.audit.record(actor, 'case.assign', reference, email || 'unassigned')
    await this.queue.refreshCase(reference)
  }

  /**
   * A reason given without a change of status is still kept in the history. Closing an urgent case that nobody
   * acknowledged needs a reason, so an unread alert is never closed by mistake.
   */
  async setStatus(actor: Actor, typedReference: string, status: string, note?: string) {
    const reference = this.reference(typedReference)
    if (!(workflowStatuses as string[]).includes(status)) throw new CaseInputError('Choose a status: received, under review, action taken or closed')
    const reason = note?.trim() || undefined
    if (reason && reason.length > 1000) throw new CaseInputError('The reason must be 1,000 characters or fewer')
    const record = await this.feedback.findOne(this.where(reference), { status: 1, triage: 1, classification: 1 }).lean()
    if (!record || record.status === 'draft') throw new CaseNotFound()
    if (status === 'closed' && !reason && isUnacknowledgedUrgent({ queue: record.triage?.queue ?? undefined, risk: record.classification?.risk?.level ?? undefined, acknowledgedAt: record.triage?.acknowledgedAt ?? undefined, status: record.status })) {
      throw new CaseInputError('Nobody has acknowledged this urgent case. Say why you are closing it')
    }
    if (record.status === status && !reason) return { changed: false }
    const at = this.clock.now()
    const update: Record<string, unknown> = { $push: { statusHistory: { status, at, by: actor.email, note: reason } } }
    if (record.status !== status) update.$set = { status }
    await this.feedback.updateOne(this.where(reference), update)
    await this.audit.record(actor, record.status === status ? 'case.status.note' : 'case.status', reference, status)
    await this.queue.refreshCase(reference)
    return { changed: record.status !== status }
  }

  /** A failed reply or a wanted phone call has been dealt with (rung, or told another way). */
  async markDeliveryHandled(actor: Actor, typedReference: string) {
    const reference = this.reference(typedReference)
    await this.mustExist(reference)
    await this.feedback.updateOne(this.where(reference), { $set: { 'triage.deliveryHandledAt': this.clock.now() } })
    await this.audit.record(actor, 'case.delivery.handled', reference)
    await this.queue.refreshCase(reference)
  }

  /** The person's new messages have been read. */
  async markMessagesSeen(actor: Actor, typedReference: string) {
    const reference = this.reference(typedReference)
    await this.mustExist(reference)
    await this.feedback.updateOne(this.where(reference), { $set: { 'triage.messageSeenAt': this.clock.now() } })
    await this.audit.record(actor, 'case.messages.seen', reference)
    await this.queue.refreshCase(reference)
  }

  async addNote(actor: Actor, typedReference: string, text: string) {
    const reference = this.reference(typedReference)
    const note = text.trim()
    if (!note) throw new CaseInputError('Enter the note')
    if (note.length > 5000) throw new CaseInputError('The note must be 5,000 characters or fewer')
    await this.mustExist(reference)
    await this.feedback.updateOne(this.where(reference), { $push: { notes: { at: this.clock.now(), by: actor.email, text: note } } })
    await this.audit.record(actor, 'case.note', reference)
  }

  /**
   * Stores the response as a public update first (so it is never lost and an anonymous person can read it at
   * the status endpoint), then hands it to the person's chosen channel.
   */
  async respond(actor: Actor, typedReference: string, message: PersonMessage) {
    const reference = this.reference(typedReference)
    const text = message.text?.trim()
    if (!text) throw new CaseInputError('Enter the response to the person')
    if (text.length > 5000) throw new CaseInputError('The response must be 5,000 characters or fewer')
    const easyReadText = message.easyReadText?.trim() || undefined
    const placeholders = unfilledPlaceholders(`${text}\n${easyReadText ?? ''}`)
    if (placeholders.length) {
      throw new CaseInputError(`Replace the words in square brackets before you send it: ${placeholders.join(', ')}`)
    }
    const record = await this.mustExist(reference)
    const at = this.clock.now()
    await this.feedback.updateOne(this.where(reference), { $push: { updates: { at, text, by: actor.email } } })
    await this.audit.record(actor, 'case.respond', reference)
    const anonymous = !record.contact?.method || record.contact.method === 'anonymous'
    let delivery: { id?: string; status?: string } | undefined
    if (!anonymous) {
      delivery = await this.notifyPerson(reference, { text, easyReadText, subject: message.subject ?? `About your feedback ${reference}` })
      await this.queue.refreshCase(reference)
    }
    return {
      reference,
      update: { date: at.toISOString().slice(0, 10), text },
      delivery: anonymous ? { status: 'kept_for_reading' } : (delivery ?? { status: 'not_sent' }),
    }
  }

  private reference(typed: string): string {
    const reference = normaliseFeedbackReference(typed)
    if (!reference) throw new CaseNotFound()
    return reference
  }

  /**
   * The case's filter: its `_id` alone when the queue knows it, since FerretDB is quick only for a filter that
   * is nothing but `_id` (any other field, even beside it, reads the whole collection). Ids never change.
   */
  private where(reference: string): { reference: string } | { _id: unknown } {
    const id = this.queue.idOf(reference)
    return id ? { _id: id } : { reference }
  }

  private async mustExist(reference: string) {
    const record = await this.feedback.findOne(this.where(reference), { status: 1, contact: 1 }).lean()
    if (!record || record.status === 'draft') throw new CaseNotFound()
    return record
  }
}
