import crypto from 'node:crypto'
import type { Collection, Connection } from 'mongoose'
import { callbackRequestModel } from '../data/models/callbackRequest'
import { conversationReferenceModel } from '../data/models/conversationReference'
import { directLineActivityModel } from '../data/models/directLineActivity'
import { feedbackModel } from '../data/models/feedback'
import { createAddressHasher } from './phoneNumbers'

/** Keyed hashes of the contact details on a record, so it can be found by phone or email without decrypting anything. */
export interface ContactLookupHashes {
  phoneHash?: string
  emailHash?: string
}

/** Contact details at rest: AES-256-GCM, stored as "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export interface ContactCipher {
  encrypt(plain: object): string
  decrypt<T = Record<string, string>>(sealed: string): T
  /**
   * Keyed hashes (HMAC-SHA256, keys derived from the encryption key) of a phone number and an email address.
   * The phone hash is the one SMS and WhatsApp conversation ids are built from, so one search finds both.
   */
  lookupHashes(details: { phone?: string; email?: string }): ContactLookupHashes
}

/** The secret phone numbers are hashed with (opt-outs, SMS conversation ids): its own key, derived from the encryption key. */
export function addressHashSecretFor(encryptionKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', encryptionKey, Buffer.alloc(0), 'phone-number-hash', 32))
}

export function normaliseEmailAddress(email: string): string {
  return email.trim().toLowerCase()
}

export function createContactCipher(key: Buffer): ContactCipher {
  if (key.length !== 32) throw new Error('The contact encryption key must be 32 bytes')
  const phoneHasher = createAddressHasher(addressHashSecretFor(key))
  const emailHashKey = Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), 'email-address-hash-v1', 32))
  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(12)
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()])
      return ['v1', iv, cipher.getAuthTag(), body].map(part => (typeof part === 'string' ? part : part.toString('base64url'))).join('.')
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.')
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unreadable sealed contact details')
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()])
      return JSON.parse(plain.toString('utf8'))
    },
    lookupHashes({ phone, email }) {
      const hashes: ContactLookupHashes = {}
      if (phone?.trim()) hashes.phoneHash = phoneHasher.hashNumber(phone)
      if (email?.trim()) hashes.emailHash = crypto.createHmac('sha256', emailHashKey).update(normaliseEmailAddress(email)).digest('base64url')
      return hashes
    },
  }
}

export interface SealedDataCheck {
  /** Why the service is not ready, in a form fit for /readyz and the log; undefined when all sampled data opens. */
  problem?: string
  checked: number
  unreadable: number
}

/** Where sealed values are kept: the newest few of each are opened at start-up. */
const sealedFields: { collection: (connection: Connection) => Collection; field: string }[] = [
  { collection: connection => feedbackModel(connection).collection, field: 'contact.sealedDetails' },
  { collection: connection => conversationReferenceModel(connection).collection, field: 'sealedAddress' },
  { collection: connection => callbackRequestModel(connection).collection, field: 'sealedPhone' },
  { collection: connection => directLineActivityModel(connection).collection, field: 'sealedActivity' },
]

/**
 * Opens the newest sealed values of each kind with this instance's key. Data sealed with another key (another
 * instance's generated key, or a changed ENCRYPTION_KEY) would otherwise just look like empty contact details.
 */
export async function checkSealedData(connection: Connection, cipher: ContactCipher, samplePerKind = 10): Promise<SealedDataCheck> {
  let checked = 0
  let unreadable = 0
  const kinds: string[] = []
  for (const { collection, field } of sealedFields) {
    const documents = await collection(connection)
      .find({ [field]: { $exists: true } }, { projection: { [field]: 1 } })
      .sort({ _id: -1 })
      .limit(samplePerKind)
      .toArray()
    let failedHere = 0
    for (const document of documents) {
      const sealed = field.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], document)
      if (typeof sealed !== 'string' || !sealed) continue
      checked++
      try {
        cipher.decrypt(sealed)
      } catch {
        failedHere++
      }
    }
    unreadable += failedHere
    if (failedHere) kinds.push(`${failedHere} in ${collection(connection).collectionName}`)
  }
  if (!unreadable) return { checked, unreadable }
  return {
    checked,
    unreadable,
    problem: `sealed data cannot be decrypted with this ENCRYPTION_KEY (${kinds.join(', ')} of the newest checked): every instance must use the same key`,
  }
}
