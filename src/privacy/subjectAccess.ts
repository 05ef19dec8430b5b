import path from 'node:path'
import type { Connection } from 'mongoose'
import nunjucks from 'nunjucks'
import { botStateModel } from '../bot/mongoStorage'
import type { Clock } from '../clock'
import { alertModel } from '../data/models/alert'
import { auditEventModel } from '../data/models/auditEvent'
import { callbackRequestModel } from '../data/models/callbackRequest'
import { conversationReferenceModel } from '../data/models/conversationReference'
import { deliveryModel } from '../data/models/delivery'
import { directLineActivityModel } from '../data/models/directLineActivity'
import { feedbackModel } from '../data/models/feedback'
import { smsOptOutModel } from '../data/models/smsOptOut'
import type { Actor, AuditLog } from '../security/audit'
import type { ContactCipher } from '../contact/contactEncryption'
import { findPersonalRecords, locateConversation, type PersonQuery, splitKey } from './personalRecords'

/** Internal keys and hashes: they mean nothing to the person and are not data about them. */
const internalFeedbackFields = ['_id', '__v', 'conversationKey']

export interface SubjectAccessReport {
  generatedAt: string
  searchedBy: string
  references: string[]
  feedback: Record<string, unknown>[]
  messagesSentToYou: Record<string, unknown>[]
  callbackRequests: Record<string, unknown>[]
  conversations: Record<string, unknown>[]
  alertsAboutYourFeedback: Record<string, unknown>[]
  caseHistory: Record<string, unknown>[]
  textMessageChoice?: Record<string, unknown>
}

/**
 * A person's right of access: everything held about them, decrypted, as data (JSON) and as a page they can read.
 * Staff names and addresses are left out (they are other people's data); what staff did is shown by role.
 */
export class SubjectAccessExport {
  constructor(
    private readonly connection: Connection,
    private readonly cipher: ContactCipher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  private open<T>(sealed: string | undefined | null): T | { unreadable: string } | undefined {
    if (!sealed) return undefined
    try {
      return this.cipher.decrypt<T>(sealed)
    } catch {
      return { unreadable: 'This was encrypted with a key this service no longer has.' }
    }
  }

  async collect(query: PersonQuery, actor: Actor): Promise<SubjectAccessReport> {
    const records = await findPersonalRecords(this.connection, this.cipher, query)
    const { connection } = this
    const report: SubjectAccessReport = {
      generatedAt: this.clock.now().toISOString(),
      searchedBy: records.searchedBy,
      references: records.references,
      feedback: [],
      messagesSentToYou: [],
      callbackRequests: [],
      conversations: [],
      alertsAboutYourFeedback: [],
      caseHistory: [],
    }
    for (const reference of records.references) {
      const record = await feedbackModel(connection).collection.findOne({ reference })
      if (record) {
        const shown: Record<string, unknown> = Object.fromEntries(Object.entries(record).filter(([key]) => !internalFeedbackFields.includes(key)))
        const { sealedDetails, phoneHash: _phoneHash, emailHash: _emailHash, ...contact } = (record.contact ?? {}) as Record<string, unknown>
        shown.contact = { ...contact, details: this.open(sealedDetails as string | undefined) }
        if (shown.classification) {
          const { textHash: _textHash, ...classification } = shown.classification as Record<string, unknown>
          shown.classification = classification
        }
        // Contact details typed in the chat are sealed in the conversation log: show the person what they typed.
        if (Array.isArray(shown.conversation)) {
          shown.conversation = (shown.conversation as Record<string, unknown>[]).map(({ sealedText, ...message }) =>
            sealedText ? { ...message, text: (this.open<{ text: string }>(sealedText as string) as { text?: string } | undefined)?.text ?? message.text } : message,
          )
        }
        report.feedback.push(shown)
      }
      for (const delivery of await deliveryModel(connection).find({ feedbackReference: reference }).sort({ createdAt: 1 }).lean()) {
        report.messagesSentToYou.push({ reference, createdAt: delivery.createdAt, method: delivery.method, subject: delivery.subject, text: delivery.text, status: delivery.status, sentAt: delivery.sentAt })
      }
      for (const alert of await alertModel(connection).find({ reference }).sort({ createdAt: 1 }).lean()) {
        report.alertsAboutYourFeedback.push({ reference, createdAt: alert.createdAt, sentTo: alert.tier, by: alert.target, status: alert.status, deliveredAt: alert.deliveredAt })
      }
      for (const event of await auditEventModel(connection).find({ reference }).sort({ at: 1 }).lean()) {
        report.caseHistory.push({ reference, at: event.at, action: event.action, byRole: event.actorRole ?? event.via })
      }
    }
    const callbackFilters: Record<string, unknown>[] = records.references.map(reference => ({ reference }))
    if (records.phoneHash) callbackFilters.push({ phoneHash: records.phoneHash })
    const seenCallbacks = new Set<string>()
    for (const filter of callbackFilters) {
      for (const request of await callbackRequestModel(connection).find(filter).lean()) {
        if (seenCallbacks.has(String(request._id))) continue
        seenCallbacks.add(String(request._id))
        report.callbackRequests.push({ reference: request.reference, requestedAt: request.requestedAt, channel: request.channel, phone: this.open(request.sealedPhone), status: request.status })
      }
    }
    for (const conversationKey of records.conversationKeys) {
      const located = await locateConversation(connection, conversationKey)
      const botState: unknown[] = []
      for (const _id of located.botStateIds) {
        const state = await botStateModel(connection).findOne({ _id }).lean()
        if (state) botState.push({ updatedAt: state.updatedAt, state: JSON.parse(state.state) })
      }
      const transcript = located.directLineConversationId
        ? (await directLineActivityModel(connection).find({ conversationId: located.directLineConversationId }).sort({ watermark: 1 }).lean()).map(activity => {
            const opened = this.open<{ from?: { role?: string }; text?: string; type?: string }>(activity.sealedActivity)
            return opened && 'unreadable' in opened ? opened : { at: activity.at, from: opened?.from?.role === 'bot' ? 'us' : 'you', text: opened?.text, type: opened?.type }
          })
        : []
      const stored = await conversationReferenceModel(connection).findOne({ key: conversationKey }).lean()
      if (botState.length === 0 && transcript.length === 0 && !stored) continue
      report.conversations.push({
        channel: splitKey(conversationKey).channelId,
        lastSeenAt: stored?.lastSeenAt,
        address: this.open(stored?.sealedAddress),
        savedProgress: botState,
        transcript,
      })
    }
    if (records.phoneHash) {
      const choice = await smsOptOutModel(connection).findOne({ numberHash: records.phoneHash }).lean()
      if (choice) report.textMessageChoice = { optedOut: choice.optedOut, changedAt: choice.changedAt, keyword: choice.keyword }
    }
    for (const reference of records.references) await this.audit.record(actor, 'privacy.export', reference, `by ${records.searchedBy}`)
    if (records.references.length === 0) await this.audit.record(actor, 'privacy.export', undefined, `by ${records.searchedBy} (no feedback found)`)
    return report
  }
}

interface ReadableNode {
  label: string
  text?: string
  children?: ReadableNode[]
}

const sectionTitles: Record<string, string> = {
  feedback: 'Your feedback',
  messagesSentToYou: 'Messages we sent you',
  callbackRequests: 'Phone calls you asked for',
  conversations: 'Your chats with us',
  alertsAboutYourFeedback: 'Alerts we sent our staff about your feedback',
  caseHistory: 'What our staff did with your feedback',
  textMessageChoice: 'Your choice about text messages',
}

function labelOf(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function readable(label: string, value: unknown): ReadableNode | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (value instanceof Date) return { label, text: value.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' }) }
  if (Array.isArray(value)) {
    const children = value.map((item, index) => readable(`${index + 1}`, item)).filter((node): node is ReadableNode => Boolean(node))
    return children.length ? { label, children } : undefined
  }
  if (typeof value === 'object') {
    if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return undefined
    const children = Object.entries(value).map(([key, child]) => readable(labelOf(key), child)).filter((node): node is ReadableNode => Boolean(node))
    return children.length ? { label, children } : undefined
  }
  if (typeof value === 'boolean') return { label, text: value ? 'Yes' : 'No' }
  return { label, text: String(value) }
}

const viewsDir = path.join(__dirname, '..', 'views')

/** The report as a page the person can open in any browser: one file, no scripts, no outside resources. */
export function renderSubjectAccessPage(report: SubjectAccessReport): string {
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader(viewsDir), { autoescape: true })
  const sections = Object.entries(sectionTitles)
    .map(([key, title]) => ({ title, node: readable(title, report[key as keyof SubjectAccessReport]) }))
    .map(section => ({ title: section.title, children: section.node?.children ?? (section.node ? [section.node] : []) }))
  return environment.render('privacy/subjectAccess.njk', { report, sections })
}

/** JSON with dates as ISO strings and ids as text. */
export function subjectAccessJson(report: SubjectAccessReport): string {
  return JSON.stringify(report, (_key, value: unknown) => (value && typeof value === 'object' && typeof (value as { toHexString?: unknown }).toHexString === 'function' ? String(value) : value), 2)
}
