import type { Connection } from 'mongoose'
import { storageId } from '../bot/mongoStorage'
import { callbackRequestModel } from '../data/models/callbackRequest'
import { conversationReferenceModel } from '../data/models/conversationReference'
import { directLineConversationModel } from '../data/models/directLineConversation'
import { feedbackModel } from '../data/models/feedback'
import type { ContactCipher } from '../contact/contactEncryption'
import { normaliseFeedbackReference } from '../feedback/feedbackReference'

/** How a person identifies themselves in a subject access or erasure request. */
export type PersonQuery = { reference: string } | { phone: string } | { email: string }

export class PersonQueryError extends Error {}

/** Everything that links a person to what we hold: their feedback references and the chat conversations they used. */
export interface PersonalRecords {
  /** What was searched for, described without the personal detail itself (for logs and audit events). */
  searchedBy: 'reference' | 'phone' | 'email'
  references: string[]
  /** "channel:conversationId", as on the feedback record and the stored conversation reference. */
  conversationKeys: string[]
  phoneHash?: string
}

/** The chat channels whose conversation id is the keyed hash of the person's number (see channels/sms/twilioAdapter.ts). */
const numberChannels = ['sms', 'whatsapp'] as const

export function conversationKeysForPhoneHash(phoneHash: string): string[] {
  return numberChannels.map(channel => `${channel}:${channel}_${phoneHash}`)
}

export function splitKey(conversationKey: string): { channelId: string; conversationId: string } {
  const at = conversationKey.indexOf(':')
  return { channelId: conversationKey.slice(0, at), conversationId: conversationKey.slice(at + 1) }
}

/**
 * Finds a person's records by reference, or by phone or email through the keyed lookup hashes: nothing is
 * decrypted to search. A phone number also finds the SMS and WhatsApp conversations held under it.
 */
export async function findPersonalRecords(connection: Connection, cipher: ContactCipher, query: PersonQuery): Promise<PersonalRecords> {
  const feedback = feedbackModel(connection)
  const references = new Set<string>()
  const conversationKeys = new Set<string>()
  const addFeedback = (records: { reference: string; conversationKey?: string | null }[]) => {
    for (const record of records) {
      references.add(record.reference)
      if (record.conversationKey) conversationKeys.add(record.conversationKey)
    }
  }
  const projection = { reference: 1, conversationKey: 1 }

  if ('reference' in query) {
    const reference = normaliseFeedbackReference(query.reference)
    if (!reference) throw new PersonQueryError('That is not a feedback reference. References are 10 letters and numbers, like ABCDE-23456.')
    addFeedback(await feedback.find({ reference }, projection).lean())
    return { searchedBy: 'reference', references: [...references], conversationKeys: [...conversationKeys] }
  }

  if ('phone' in query) {
    const { phoneHash } = cipher.lookupHashes({ phone: query.phone })
    if (!phoneHash || !/\d{6,}/.test(query.phone.replace(/\D/g, ''))) throw new PersonQueryError('That is not a phone number.')
    addFeedback(await feedback.find({ 'contact.phoneHash': phoneHash }, projection).lean())
    const numberConversations = conversationKeysForPhoneHash(phoneHash)
    addFeedback(await feedback.find({ conversationKey: { $in: numberConversations } }, projection).lean())
    for (const key of numberConversations) conversationKeys.add(key)
    for (const request of await callbackRequestModel(connection).find({ phoneHash }, { reference: 1 }).lean()) {
      if (request.reference) references.add(request.reference)
    }
    return { searchedBy: 'phone', references: [...references], conversationKeys: [...conversationKeys], phoneHash }
  }

  const { emailHash } = cipher.lookupHashes({ email: query.email })
  if (!emailHash || !query.email.includes('@')) throw new PersonQueryError('That is not an email address.')
  addFeedback(await feedback.find({ 'contact.emailHash': emailHash }, projection).lean())
  return { searchedBy: 'email', references: [...references], conversationKeys: [...conversationKeys] }
}

/** The stored pieces of one chat conversation: bot state, web chat transcript and the conversation reference. */
export interface ConversationData {
  conversationKey: string
  botStateIds: string[]
  directLineConversationId?: string
}

/**
 * Where a conversation's data is kept. Bot state is stored under a hash of botbuilder's storage keys
 * ("channel/conversations/id/" for ConversationState, "channel/users/id/" for UserState); the user id is the
 * conversation id for SMS and WhatsApp, and is read from the Direct Line conversation or the stored reference otherwise.
 */
export async function locateConversation(connection: Connection, conversationKey: string): Promise<ConversationData> {
  const { channelId, conversationId } = splitKey(conversationKey)
  const userIds = new Set<string>()
  if ((numberChannels as readonly string[]).includes(channelId)) userIds.add(conversationId)
  const directLine = await directLineConversationModel(connection).findOne({ conversationId }).lean()
  if (directLine) userIds.add(directLine.userId)
  const stored = await conversationReferenceModel(connection).findOne({ key: conversationKey }).lean()
  if (stored) {
    try {
      const userId = (JSON.parse(stored.referenceJson) as { user?: { id?: string } }).user?.id
      if (userId) userIds.add(userId)
    } catch {
      // An unreadable reference still gets deleted; it just names no user.
    }
  }
  // botbuilder appends the state's namespace, empty here, after a final slash.
  const keys = [`${channelId}/conversations/${conversationId}/`, ...[...userIds].map(userId => `${channelId}/users/${userId}/`)]
  return {
    conversationKey,
    botStateIds: keys.map(storageId),
    directLineConversationId: directLine ? conversationId : undefined,
  }
}
