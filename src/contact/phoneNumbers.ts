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

/**
 * The one way a phone number is written down (stored, hashed, matched): E.164 where we can tell. Spaces, dashes,
 * dots and brackets are removed, 00 becomes +, and a UK number (07…, 01…, 44…) is given its +44.
 */
export function normalisePhoneNumber(number: string): string {
  const compact = number.replace(/[\s()./-]/g, '')
  if (/^00\d+$/.test(compact)) return `+${compact.slice(2)}`
  if (/^44[1237]\d{8,9}$/.test(compact)) return `+${compact}`
  if (/^0[1237]\d{8,9}$/.test(compact)) return `+44${compact.slice(1)}`
  return compact
}

/** A UK phone number typed by the person, in +44 form, or undefined if it is not one. Mobiles only when asked (for text messages). */
export function normaliseUkPhone(typed: string, mobileOnly: boolean): string | undefined {
  const number = normalisePhoneNumber(typed)
  if (!/^\+44\d+$/.test(number)) return undefined
  const national = `0${number.slice(3)}`
  // Mobiles (07) and non-geographic (03) numbers always have 11 digits; some landlines (01, 02) have 10.
  const valid = mobileOnly ? /^07\d{9}$/.test(national) : /^0(?:[12]\d{8,9}|[37]\d{9})$/.test(national)
  return valid ? number : undefined
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
