import crypto from 'node:crypto'

export type MessagingChannel = 'sms' | 'whatsapp'

/** A Twilio address ("+447700900123" or "whatsapp:+447700900123") split into its channel and number. */
export function parseTwilioAddress(address: string): { channelId: MessagingChannel; number: string } {
  const trimmed = address.trim()
  if (trimmed.toLowerCase().startsWith('whatsapp:')) {
    return { channelId: 'whatsapp', number: normalisePhoneNumber(trimmed.slice('whatsapp:'.length)) }
  }
  return { channelId: 'sms', number: normalisePhoneNumber(trimmed) }
}

export function twilioAddress(channelId: MessagingChannel, number: string): string {
  return channelId === 'whatsapp' ? `whatsapp:${number}` : number
}

/** E.164 where we can tell: spaces, dashes and brackets removed, a UK 07… number given its +44. */
export function normalisePhoneNumber(number: string): string {
  const compact = number.replace(/[\s\-().]/g, '')
  if (/^07\d{9}$/.test(compact)) return `+44${compact.slice(1)}`
  if (/^447\d{9}$/.test(compact)) return `+${compact}`
  if (/^00\d+$/.test(compact)) return `+${compact.slice(2)}`
  return compact
}

/**
 * Numbers are few enough to guess, so a plain hash would give them away: this is a keyed hash.
 * The same number hashes the same on SMS and WhatsApp, so STOP on one is honoured on both.
 */
export interface AddressHasher {
  hashNumber(number: string): string
}

export function createAddressHasher(secret: Buffer): AddressHasher {
  const key = Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), 'phone-number-hash-v1', 32))
  return {
    hashNumber(number) {
      return crypto.createHmac('sha256', key).update(normalisePhoneNumber(number)).digest('base64url')
    },
  }
}
