import crypto from 'node:crypto'
import { createAddressHasher } from '../channels/phoneNumbers'

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
