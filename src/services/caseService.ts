import type { Clock } from '../clock'
import { type Feedback, type FeedbackModel, type FeedbackStatus, feedbackStatuses, riskLevels } from '../data/models/feedback'
import type { AlertOutbox } from './alertOutbox'
import { type Actor, AuditLog } from './audit'
import type { ContactCipher } from './contactEncryption'
import { normaliseFeedbackReference } from './feedbackReference'

export const workflowStatuses = feedbackStatuses.filter(status => status !== 'draft') as Exclude<FeedbackStatus, 'draft'>[]

export const statusLabels: Record<Exclude<FeedbackStatus, 'draft'>, string> = {
  received: 'Received',
  under_review: 'Under review',
  action_taken: 'Action taken',
  closed: 'Closed',
}

export interface CaseFilters {
  queue?: string
  status?: string
  risk?: string
  team?: string
  assignee?: string
  theme?: string
  service?: string
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
  return (messages ?? [])
    .map(message => ({ at: message.at, channel: message.channel, step: message.step, text: message.text, followUp: message.followUp === true }))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
}

export class CaseNotFound extends Error {}
export class CaseInputError extends Error {}

const listProjection = {
  reference: 1,
  status: 1,
  channel: 1,
  service: 1,
  classification: 1,
  triage: 1,
  submittedAt: 1,
} as const

/** Everything inspectors do to a case. Every read and every change is audit-logged before it returns. */
export class CaseService {
  /** Set once the channels' notifyPerson is available; until then responses are kept for the person to read. */
  notifyPerson: PersonNotifier | undefined

  constructor(
    private readonly feedback: FeedbackModel,
    private readonly outbox: AlertOutbox,
    private readonly audit: AuditLog,
    private readonly contactCipher: ContactCipher,
    private readonly clock: Clock,
  ) {}

  /** Sorted by risk (priority, with repeat concerns raised), then oldest first. Closed cases only when asked for. */
  async list(actor: Actor, filters: CaseFilters = {}) {
    const query: Record<string, unknown> = { status: filters.status && filters.status !== 'open' ? filters.status : { $in: ['received', 'under_review', 'action_taken'] } }
    if (filters.status === 'all') query.status = { $ne: 'draft' }
    if (filters.queue) query['triage.queue'] = filters.queue
    if (filters.risk && (riskLevels as readonly string[]).includes(filters.risk)) query['classification.risk.level'] = filters.risk
    if (filters.team) query['triage.team'] = filters.team
    if (filters.assignee) query['triage.assignee'] = filters.assignee.toLowerCase()
    if (filters.theme) query['classification.themes'] = filters.theme
    if (filters.service) query['service.key'] = filters.service.trim().toLowerCase()
    const records = await this.feedback.find(query, listProjection).limit(1000).lean()
    records.sort(
      (a, b) =>
        (a.triage?.priority ?? 0) - (b.triage?.priority ?? 0) ||
        new Date(a.submittedAt ?? 0).getTime() - new Date(b.submittedAt ?? 0).getTime(),
    )
    await this.audit.record(actor, 'case.list', undefined, `${records.length} cases`)
    return records.map(record => ({
      reference: record.reference,
      status: record.status,
      channel: record.channel,
      service: { name: record.service?.name, locationId: record.service?.locationId },
      risk: record.classification?.risk ? { level: record.classification.risk.level, categories: record.classification.risk.categories ?? [] } : undefined,
      themes: record.classification?.themes ?? [],
      queue: record.triage?.queue,
      priority: record.triage?.priority,
      team: record.triage?.team,
      assignee: record.triage?.assignee,
      targetAt: record.triage?.targetAt,
      acknowledgedAt: record.triage?.acknowledgedAt,
      linkedReferences: record.triage?.linkedReferences ?? [],
      submittedAt: record.submittedAt,
    }))
  }

  async get(actor: Actor, typedReference: string, options: { withContactDetails?: boolean } = {}) {
    const reference = this.reference(typedReference)
    const record = await this.feedback.findOne({ reference, status: { $ne: 'draft' } }).lean()
    if (!record) throw new CaseNotFound()
    await this.audit.record(actor, 'case.read', reference, options.withContactDetails ? 'with contact details' : undefined)
    const linked = record.triage?.linkedReferences?.length
      ? await this.feedback.find({ reference: { $in: record.triage.linkedReferences } }, { reference: 1, status: 1, classification: 1, submittedAt: 1 }).lean()
      : []
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
    const record = await this.feedback.findOne({ reference, status: { $ne: 'draft' } }, { triage: 1, status: 1 }).lean()
    if (!record) throw new CaseNotFound()
    const now = this.clock.now()
    if (!record.triage?.acknowledgedAt) {
      const update: Record<string, unknown> = { $set: { 'triage.acknowledgedAt': now, 'triage.acknowledgedBy': actor.email } }
      if (record.status === 'received') {
        ;(update.$set as Record<string, unknown>).status = 'under_review'
        update.$push = { statusHistory: { status: 'under_review', at: now, by: actor.email, note: 'Acknowledged' } }
      }
      await this.feedback.updateOne({ reference }, update)
    }
    await this.outbox.cancelPending(reference)
    await this.audit.record(actor, 'case.acknowledge', reference)
    const after = await this.feedback.findOne({ reference }, { status: 1, triage: 1 }).lean()
    return { reference, status: after?.status, acknowledgedAt: after?.triage?.acknowledgedAt, acknowledgedBy: after?.triage?.acknowledgedBy }
  }

  async assign(actor: Actor, typedReference: string, assignee: string) {
    const reference = this.reference(typedReference)
    const email = assignee.trim().toLowerCase()
    if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) throw new CaseInputError('Enter the email address of the person to assign the case to')
    await this.mustExist(reference)
    await this.feedback.updateOne({ reference }, email ? { $set: { 'triage.assignee': email } } : { $unset: { 'triage.assignee': 1 } })
    await this.audit.record(actor, 'case.assign', reference, email || 'unassigned')
  }

  async setStatus(actor: Actor, typedReference: string, status: string, note?: string) {
    const reference = this.reference(typedReference)
    if (!(workflowStatuses as string[]).includes(status)) throw new CaseInputError('Choose a status: received, under review, action taken or closed')
    const record = await this.mustExist(reference)
    if (record.status === status) return
    const at = this.clock.now()
    await this.feedback.updateOne(
      { reference },
      { $set: { status }, $push: { statusHistory: { status, at, by: actor.email, note: note?.trim() || undefined } } },
    )
    await this.audit.record(actor, 'case.status', reference, status)
  }

  async addNote(actor: Actor, typedReference: string, text: string) {
    const reference = this.reference(typedReference)
    const note = text.trim()
    if (!note) throw new CaseInputError('Enter the note')
    if (note.length > 5000) throw new CaseInputError('The note must be 5,000 characters or fewer')
    await this.mustExist(reference)
    await this.feedback.updateOne({ reference }, { $push: { notes: { at: this.clock.now(), by: actor.email, text: note } } })
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
    const record = await this.mustExist(reference)
    const at = this.clock.now()
    await this.feedback.updateOne({ reference }, { $push: { updates: { at, text, by: actor.email } } })
    await this.audit.record(actor, 'case.respond', reference)
    const anonymous = !record.contact?.method || record.contact.method === 'anonymous'
    let delivery: { id?: string; status?: string } | undefined
    if (!anonymous && this.notifyPerson) {
      delivery = await this.notifyPerson(reference, { text, easyReadText, subject: message.subject ?? `About your feedback ${reference}` })
    }
    return {
      reference,
      update: { date: at.toISOString().slice(0, 10), text },
      delivery: anonymous ? { status: 'kept_for_reading' } : (delivery ?? { status: this.notifyPerson ? 'not_sent' : 'kept_for_reading' }),
    }
  }

  private reference(typed: string): string {
    const reference = normaliseFeedbackReference(typed)
    if (!reference) throw new CaseNotFound()
    return reference
  }

  private async mustExist(reference: string) {
    const record = await this.feedback.findOne({ reference, status: { $ne: 'draft' } }, { status: 1, contact: 1 }).lean()
    if (!record) throw new CaseNotFound()
    return record
  }
}
