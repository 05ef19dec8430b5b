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
  const cleaned = typed.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '')
  if (cleaned.length !== 10 || [...cleaned].some(char => !alphabet.includes(char))) return undefined
  return `${cleaned.slice(0, 5)}-${cleaned.slice(5)}`
}

/**
 * A reference inside a sentence. Ordinary words written in lower case ("management", "nurse never") have the
 * same shape, so letters alone count only when written in capitals or with the hyphen; any digit shows a reference.
 */
export function findFeedbackReferenceIn(text: string): string | undefined {
  for (const match of text.normalize('NFKC').matchAll(/\b([2-9A-HJ-NP-Z]{5})[\s-]?([2-9A-HJ-NP-Z]{5})\b/gi)) {
    const ordinaryWords = !/[\d-]/.test(match[0]) && match[0] !== match[0].toUpperCase()
    if (!ordinaryWords) return `${match[1].toUpperCase()}-${match[2].toUpperCase()}`
  }
  return undefined
}
