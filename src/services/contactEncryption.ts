import crypto from 'node:crypto'

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
