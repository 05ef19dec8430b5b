import type { Connection } from 'mongoose'
import { botStateModel } from '../bot/mongoStorage'
import type { Clock } from '../clock'
import { callbackRequestModel } from '../data/models/callbackRequest'
import { conversationReferenceModel } from '../data/models/conversationReference'
import { deliveryModel } from '../data/models/delivery'
import { directLineActivityModel } from '../data/models/directLineActivity'
import { directLineConversationModel } from '../data/models/directLineConversation'
import { feedbackModel } from '../data/models/feedback'
import { journaledMessageModel } from '../data/models/journaledMessage'
import type { Logger } from '../logger'
import type { Actor, AuditLog } from '../security/audit'
import type { ContactCipher } from '../contact/contactEncryption'
import { findPersonalRecords, locateConversation, type PersonQuery } from './personalRecords'

/** What the regulator keeps of an erased feedback record: that it existed, what it was about, its classification and what inspectors did. */
const keptFeedbackPaths = [
  '_id',
  '__v',
  'reference',
  'status',
  'channel',
  'role',
  'overall',
  'easyRead',
  'consentToShare',
  'callbackRequested',
  'submittedAt',
  'createdAt',
  'updatedAt',
  'erasedAt',
  'service',
  'statusHistory.status',
  'statusHistory.at',
  'statusHistory.by',
  'contact.method',
  'contact.format',
  'contact.language',
  'classification.themes',
  'classification.sentiment',
  'classification.risk.level',
  'classification.risk.categories',
  'classification.opinions.embedded.level',
  'classification.opinions.embedded.categories',
  'classification.opinions.llm.level',
  'classification.opinions.llm.categories',
  'classification.classifier',
  'classification.classifiedAt',
  // Which language it was written in, like contact.language; the machine translation is their words, and goes.
  'classification.language',
  'triage',
  'updates.at',
  'updates.by',
  'updates.deliveryId',
  'notes.at',
  'notes.by',
]

/** Removed outright: they identify or reach the person, or (a hash of the text) could confirm a guess at their words. */
const removedFeedbackPaths = ['contact.sealedDetails', 'contact.phoneHash', 'contact.emailHash', 'conversationKey', 'classification.textHash']

export function erasureNotice(at: Date): string {
  const date = at.toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' })
  return `erased on ${date} at the person's request`
}

const isKept = (path: string) => keptFeedbackPaths.some(kept => path === kept || path.startsWith(`${kept}.`))

/**
 * Replaces every piece of text on a feedback record that is not in the kept list with the notice. It works on
 * whatever fields the record has, so a field added later (a conversation log, another free-text answer)
 * is erased without this list having to know about it.
 */
export function eraseWords(value: unknown, notice: string, path = ''): unknown {
  if (path && isKept(path)) return value
  if (removedFeedbackPaths.includes(path)) return undefined
  if (typeof value === 'string') return notice
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(item => typeof item === 'string')) return [notice]
    return value.map(item => eraseWords(item, notice, path))
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const erased: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) {
      const kept = eraseWords(child, notice, path ? `${path}.${key}` : key)
      if (kept !== undefined) erased[key] = kept
    }
    return erased
  }
  // Numbers, booleans, dates and ids carry no words.
  return value
}

export interface ErasureResult {
  references: string[]
  feedbackErased: number
  draftsDeleted: number
  deliveriesDeleted: number
  callbackRequestsDeleted: number
  conversationsForgotten: number
  botStatesDeleted: number
  transcriptMessagesDeleted: number
}

/**
 * A person's right to erasure: removes their contact details, their words, the bot's state, web chat
 * transcripts, conversation references, messages sent to them and callback requests. The record that the
 * feedback existed, its classification and what inspectors did are kept, with every text replaced by a notice.
 * Unfinished drafts were never submitted, so they are deleted whole. Running it twice is harmless.
 */
export class PersonalDataErasure {
  constructor(
    private readonly connection: Connection,
    private readonly cipher: ContactCipher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async erase(query: PersonQuery, actor: Actor, reason: string): Promise<ErasureResult> {
    const records = await findPersonalRecords(this.connection, this.cipher, query)
    const result: ErasureResult = {
      references: records.references,
      feedbackErased: 0,
      draftsDeleted: 0,
      deliveriesDeleted: 0,
      callbackRequestsDeleted: 0,
      conversationsForgotten: 0,
      botStatesDeleted: 0,
      transcriptMessagesDeleted: 0,
    }
    const now = this.clock.now()
    const detail = `by ${records.searchedBy}: ${reason.trim().slice(0, 200)}`

    // Conversations first: the bot state holds the journey that would otherwise write the draft back.
    for (const conversationKey of records.conversationKeys) {
      const conversation = await locateConversation(this.connection, conversationKey)
      for (const _id of conversation.botStateIds) result.botStatesDeleted += (await botStateModel(this.connection).deleteOne({ _id })).deletedCount
      if (conversation.directLineConversationId) {
        const conversationId = conversation.directLineConversationId
        result.transcriptMessagesDeleted += (await directLineActivityModel(this.connection).deleteMany({ conversationId })).deletedCount
        await directLineConversationModel(this.connection).deleteOne({ conversationId })
      }
      result.conversationsForgotten += (await conversationReferenceModel(this.connection).deleteOne({ key: conversationKey })).deletedCount
    }
    if (records.phoneHash) {
      result.callbackRequestsDeleted += (await callbackRequestModel(this.connection).deleteMany({ phoneHash: records.phoneHash })).deletedCount
    }

    const feedback = feedbackModel(this.connection).collection
    for (const reference of records.references) {
      result.deliveriesDeleted += (await deliveryModel(this.connection).deleteMany({ feedbackReference: reference })).deletedCount
      result.callbackRequestsDeleted += (await callbackRequestModel(this.connection).deleteMany({ reference })).deletedCount
      // Before the record: the journal's check would otherwise write these words back.
      await journaledMessageModel(this.connection).deleteMany({ reference })
      const record = await feedback.findOne({ reference })
      if (record?.status === 'draft') {
        result.draftsDeleted += (await feedback.deleteOne({ _id: record._id })).deletedCount
      } else if (record) {
        const erasedAt = record.erasedAt instanceof Date ? record.erasedAt : now
        const erased = eraseWords(record, erasureNotice(erasedAt)) as Record<string, unknown>
        erased.erasedAt = erasedAt
        await feedback.replaceOne({ _id: record._id }, erased)
        result.feedbackErased += 1
      }
      await this.audit.record(actor, 'privacy.erase', reference, detail)
    }
    if (records.references.length === 0) await this.audit.record(actor, 'privacy.erase', undefined, `${detail} (no feedback found)`)
    const { references, ...counts } = result
    this.logger.info({ ...counts, references: references.length, searchedBy: records.searchedBy }, 'personal data erased')
    return result
  }
}
