import crypto from 'node:crypto'
import { DEFAULT_LANGUAGE } from '../i18n/languages'
import type { JourneyState } from '../conversation/journeyState'
import type { Clock } from '../clock'
import type { Feedback, FeedbackModel } from '../data/models/feedback'
import type { ContactCipher, ContactLookupHashes } from '../contact/contactEncryption'
import type { JournaledMessage, JournaledMessageModel } from '../data/models/journaledMessage'
import { retryTransient } from '../data/retry'
import { serviceKeyOf } from './serviceKey'

export interface InboundMessage {
  channel: string
  conversationKey: string
  /** The question being asked when it arrived, or opening / follow-up / texts-stopped. */
  step: string
  text: string
  sealedText?: string
  followUp?: boolean
}

/**
 * Saves the conversation's answers as a draft Feedback record after every answer, so a crash never loses
 * what was typed. Contact details stay sealed. Equality answers are never written here.
 * Once the record has been submitted the draft is no longer touched, unless it was routed while still being told.
 */
export class FeedbackDrafts {
  constructor(
    private readonly feedback: FeedbackModel,
    private readonly clock: Clock,
    private readonly contactCipher: ContactCipher,
    private readonly journal: JournaledMessageModel,
    /** By then any write that could have undone an append has finished: the journal's check waits this long. */
    private readonly settleMs = 30_000,
  ) {}

  private lookupHashesOf(sealed: string | undefined): ContactLookupHashes {
    if (!sealed) return {}
    try {
      return this.contactCipher.lookupHashes(this.contactCipher.decrypt<{ phone?: string; email?: string }>(sealed))
    } catch {
      return {}
    }
  }

  /**
   * Returns the record as it stands after the write (undefined when it was not written, being submitted). `known` is
   * the record as this turn last wrote it, so it is not read again just to learn whether it is still a draft.
   */
  async save(journey: JourneyState, origin: { channel: string; conversationKey: string }, known?: Pick<Feedback, 'reference' | 'status' | 'stillBeingTold'>): Promise<Feedback | undefined> {
    const existing = known?.reference === journey.reference ? known : await this.feedback.findOne({ reference: journey.reference }, { status: 1, stillBeingTold: 1 }).lean()
    if (existing && existing.status !== 'draft' && !existing.stillBeingTold) return undefined
    const { answers } = journey
    const fields: Partial<Feedback> = {
      channel: origin.channel,
      conversationKey: origin.conversationKey,
      easyRead: journey.easyRead,
      language: journey.language ?? DEFAULT_LANGUAGE,
    }
    const cleared: string[] = []
    const put = <K extends keyof Feedback>(key: K, value: Feedback[K] | undefined) => {
      if (value === undefined || value === null) cleared.push(key)
      else fields[key] = value
    }
    put('role', answers.role as Feedback['role'])
    put(
      'service',
      answers.service
        ? {
            name: answers.service.name,
            locationId: answers.service.locationId,
            key: serviceKeyOf(answers.service),
            matchedFromDirectory: answers.service.matchedFromDirectory,
            providerName: answers.service.providerName,
            localAuthority: answers.service.localAuthority,
            region: answers.service.region,
            serviceTypes: answers.service.serviceTypes,
          }
        : undefined,
    )
    put('when', answers.when)
    put('story', answers.storyParts.length ? answers.storyParts.join('\n\n') : undefined)
    put('otherMessages', answers.otherMessages.length ? answers.otherMessages : undefined)
    put('overall', answers.overall as Feedback['overall'])
    put('desiredOutcome', answers.desiredOutcome ?? undefined)
    put(
      'contact',
      answers.contactMethod
        ? {
            method: answers.contactMethod as NonNullable<Feedback['contact']>['method'],
            format: answers.replyFormat as NonNullable<Feedback['contact']>['format'],
            language: answers.replyFormat === 'other_language' ? answers.language : undefined,
            sealedDetails: answers.sealedContact,
            ...this.lookupHashesOf(answers.sealedContact),
          }
        : undefined,
    )
    put('consentToShare', answers.consentToShare)
    put('callbackRequested', answers.callbackRequested)

    const update: Record<string, unknown> = {
      $set: fields,
      $setOnInsert: { reference: journey.reference, status: 'draft', statusHistory: [{ status: 'draft', at: this.clock.now(), by: 'system' }] },
    }
    if (cleared.length) update.$unset = Object.fromEntries(cleared.map(key => [key, '']))
    return (await this.feedback.findOneAndUpdate({ reference: journey.reference }, update, { upsert: true, returnDocument: 'after' }).lean()) ?? undefined
  }

  /**
   * Appends one message from the person to their record as it arrives, before anything else reads it, so a
   * crash or an abandoned chat never loses it. Creates the draft if this is the first message. Returns the record as
   * it stands after the write, so the risk check on these words need not read it again. The message is written to
   * the journal first: an append that another instance's write undoes, or a crash before it, is put right by
   * `checkMessages`.
   */
  async appendMessage(reference: string, message: InboundMessage): Promise<Feedback | undefined> {
    const at = this.clock.now()
    const messageId = crypto.randomUUID()
    const entry = { at, channel: message.channel, step: message.step, text: message.text, sealedText: message.sealedText, followUp: message.followUp || undefined, messageId }
    const checkAfter = new Date(at.getTime() + this.settleMs)
    // A journal that cannot be written must not stop the words reaching the record.
    await retryTransient(() => this.journal.create({ _id: `${reference}:${messageId}`, reference, conversationKey: message.conversationKey, message: entry, checkAfter })).catch(() => undefined)
    return this.appendToRecord(reference, message.conversationKey, entry)
  }

  /**
   * Checks the journal's messages whose writes have settled: each one the record holds leaves the journal; each
   * one it lacks is appended again and checked once more later. Returns the references whose records were missing
   * a message, so their risk can be assessed again with it.
   */
  async checkMessages(limit = 500): Promise<string[]> {
    const now = this.clock.now()
    const due = await this.journal.find({ checkAfter: { $lte: now } }).limit(limit).lean()
    const byReference = new Map<string, typeof due>()
    for (const journaled of due) {
      const group = byReference.get(journaled.reference) ?? []
      group.push(journaled)
      byReference.set(journaled.reference, group)
    }
    const restored: string[] = []
    for (const [reference, journaledMessages] of byReference) {
      // One read of the record for all of its messages due.
      const record = await retryTransient(() => this.feedback.findOne({ reference }, { conversation: 1, erasedAt: 1 }).lean())
      const held = new Set(record?.conversation?.map(message => message.messageId))
      for (const journaled of journaledMessages) {
        if (record?.erasedAt || held.has(journaled.message.messageId)) {
          await retryTransient(() => this.journal.deleteOne({ _id: journaled._id }))
          continue
        }
        await this.appendToRecord(reference, journaled.conversationKey ?? undefined, journaled.message)
        await retryTransient(() => this.journal.updateOne({ _id: journaled._id }, { $set: { checkAfter: new Date(now.getTime() + this.settleMs) } }))
        if (!restored.includes(reference)) restored.push(reference)
      }
    }
    return restored
  }

  private async appendToRecord(reference: string, conversationKey: string | undefined, entry: JournaledMessage['message']): Promise<Feedback | undefined> {
    const record = await this.feedback
      .findOneAndUpdate(
        { reference },
        {
          $push: { conversation: { $each: [entry] } },
          $unset: { quietCheckedAt: '' },
          ...(entry.followUp ? { $max: { lastFollowUpAt: entry.at } } : {}),
          $setOnInsert: {
            reference,
            status: 'draft',
            statusHistory: [{ status: 'draft', at: entry.at, by: 'system' }],
            channel: entry.channel,
            conversationKey,
          },
        },
        { upsert: true, returnDocument: 'after' },
      )
      .lean()
    return record ?? undefined
  }
}
