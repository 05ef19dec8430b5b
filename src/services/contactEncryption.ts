import crypto from 'node:crypto'
import type { Collection, Connection } from 'mongoose'
import { callbackRequestModel } from '../data/models/callbackRequest'
import { conversationReferenceModel } from '../data/models/conversationReference'
import { directLineActivityModel } from '../data/models/directLineActivity'
import { feedbackModel } from '../data/models/feedback'

/** Contact details at rest: AES-256-GCM, stored as "v1.<iv>.<tag>.<ciphertext>" in base64url. */
export interface ContactCipher {
  encrypt(plain: object): string
  decrypt<T = Record<string, string>>(sealed: string): T
}

export function createContactCipher(key: Buffer): ContactCipher {
  if (key.length !== 32) throw new Error('The contact encryption key must be 32 bytes')
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
