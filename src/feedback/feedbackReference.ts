import crypto from 'node:crypto'

/** No 0/O or 1/I: a reference must survive being read out over the phone or typed on an old keypad. */
const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** Ten characters from 32 is 50 random bits: short to type, far too many to guess. Shown as XXXXX-XXXXX. */
export function newFeedbackReference(): string {
  const bytes = crypto.randomBytes(10)
  const chars = Array.from(bytes, byte => alphabet[byte % 32])
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
}

/** Reads a reference as people type it: any case, with spaces, a hyphen or neither. */
export function normaliseFeedbackReference(typed: string): string | undefined {
  const cleaned = typed.toUpperCase().replace(/[^A-Z0-9]/g, '')
  if (cleaned.length !== 10 || [...cleaned].some(char => !alphabet.includes(char))) return undefined
  return `${cleaned.slice(0, 5)}-${cleaned.slice(5)}`
}

export function findFeedbackReferenceIn(text: string): string | undefined {
  const match = text.toUpperCase().match(/\b([2-9A-HJ-NP-Z]{5})[\s-]?([2-9A-HJ-NP-Z]{5})\b/)
  return match ? `${match[1]}-${match[2]}` : undefined
}
