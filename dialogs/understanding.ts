import { normaliseForMatching } from '../src/conversation/choiceRecognition'

/**
 * Reading free answers: when it happened, phone numbers, email addresses, and the few commands
 * (help, back, stop, …) that can interrupt any step.
 */

const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const dayNames = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const countWords: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, few: 3, couple: 2 }

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function isoMonth(year: number, monthIndex: number): string {
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}`
}

function daysBefore(now: Date, days: number): Date {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  date.setUTCDate(date.getUTCDate() - days)
  return date
}

function monthIndexOf(word: string): number {
  return monthNames.findIndex(month => word === month || (word.length >= 3 && month.startsWith(word)))
}

/**
 * Turns "last week", "yesterday", "in March", "2 weeks ago", "it's ongoing" or a date into an ISO date
 * (2025-03-04), a month (2025-03), a year (2024) or "ongoing". Undefined when unsure: the words are kept anyway.
 */
export function normaliseWhen(typed: string, now: Date): string | undefined {
  const text = normaliseForMatching(typed)
  if (!text) return undefined
  if (/\b(ongoing|still happening|still going on|still going|continuing|all the time|every day|everyday|every night|happening now|it still is|right now|at the moment|currently)\b/.test(text)) return 'ongoing'
  if (/\btoday\b|\bthis morning\b|\bthis afternoon\b|\btonight\b|\bthis evening\b/.test(text)) return isoDate(daysBefore(now, 0))
  if (/\byesterday\b|\blast night\b/.test(text)) return isoDate(daysBefore(now, 1))

  const ago = text.match(/\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple)\s+(?:of\s+)?(day|week|month|year)s?\s+ago\b/)
  if (ago) {
    const count = /^\d+$/.test(ago[1]) ? Number(ago[1]) : countWords[ago[1]]
    if (ago[2] === 'day') return isoDate(daysBefore(now, count))
    if (ago[2] === 'week') return isoDate(daysBefore(now, count * 7))
    if (ago[2] === 'month') {
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count, 1))
      return isoMonth(month.getUTCFullYear(), month.getUTCMonth())
    }
    return String(now.getUTCFullYear() - count)
  }
  if (/\blast week\b/.test(text)) return isoDate(daysBefore(now, 7))
  if (/\bthis week\b/.test(text)) return isoDate(daysBefore(now, 0))
  if (/\blast month\b/.test(text)) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    return isoMonth(month.getUTCFullYear(), month.getUTCMonth())
  }
  if (/\bthis month\b/.test(text)) return isoMonth(now.getUTCFullYear(), now.getUTCMonth())
  if (/\blast year\b/.test(text)) return String(now.getUTCFullYear() - 1)
  if (/\bthis year\b/.test(text)) return String(now.getUTCFullYear())

  const numeric = typed.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/) ?? typed.match(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b/)
  if (numeric) {
    const [year, month, day] =
      numeric[1].length === 4 ? [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])] : [Number(numeric[3].length === 2 ? `20${numeric[3]}` : numeric[3]), Number(numeric[2]), Number(numeric[1])]
    const date = new Date(Date.UTC(year, month - 1, day))
    if (date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return isoDate(date)
  }

  const words = text.split(' ')
  // Tested once, not once per word: per word it took minutes on a long message of "may".
  const mayIsMonth = /\b(in|of|since|during|early|late|mid)\s+may\b|\bmay\s+\d/.test(text)
  const monthAt = words.findIndex(word => (monthIndexOf(word) >= 0 && word !== 'may') || (word === 'may' && mayIsMonth))
  if (monthAt >= 0) {
    const monthIndex = monthIndexOf(words[monthAt])
    const yearWord = words.slice(monthAt + 1, monthAt + 3).find(word => /^(19|20)\d{2}$/.test(word))
    const dayWord = [words[monthAt - 1], words[monthAt + 1]].find(word => word && /^\d{1,2}(st|nd|rd|th)?$/.test(word))
    let year = yearWord ? Number(yearWord) : now.getUTCFullYear()
    if (!yearWord && monthIndex > now.getUTCMonth()) year -= 1
    if (dayWord) {
      const day = Number(dayWord.replace(/\D/g, ''))
      const date = new Date(Date.UTC(year, monthIndex, day))
      if (date.getUTCDate() === day) return isoDate(date)
    }
    return isoMonth(year, monthIndex)
  }

  const dayAt = words.findIndex(word => dayNames.includes(word))
  if (dayAt >= 0) {
    const wanted = dayNames.indexOf(words[dayAt])
    let back = (now.getUTCDay() - wanted + 7) % 7
    if (back === 0 || words[dayAt - 1] === 'last') back = back === 0 ? 7 : back
    return isoDate(daysBefore(now, back))
  }
  const year = text.match(/\b(19|20)\d{2}\b/)
  if (year) return year[0]
  return undefined
}

/** A UK phone number in +44 form, or undefined. Mobiles only when asked (for text messages). */
export function normaliseUkPhone(typed: string, mobileOnly: boolean): string | undefined {
  const digits = typed.replace(/[\s()./-]/g, '')
  if (!/^\+?\d+$/.test(digits)) return undefined
  let national = digits
  if (national.startsWith('+44')) national = `0${national.slice(3)}`
  else if (national.startsWith('0044')) national = `0${national.slice(4)}`
  else if (national.startsWith('44') && national.length === 12) national = `0${national.slice(2)}`
  if (national.startsWith('00')) return undefined
  // Mobiles (07) and non-geographic (03) numbers always have 11 digits; some landlines (01, 02) have 10.
  const valid = mobileOnly ? /^07\d{9}$/.test(national) : /^0(?:[12]\d{8,9}|[37]\d{9})$/.test(national)
  return valid ? `+44${national.slice(1)}` : undefined
}

export function normaliseEmail(typed: string): string | undefined {
  const email = typed.trim().replace(/^mailto:/i, '')
  return /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]{2,}$/.test(email) && email.length <= 254 ? email.toLowerCase() : undefined
}

export type Interruption = 'help' | 'back' | 'startAgain' | 'stop' | 'person' | 'privacy' | 'status' | 'easyRead' | 'standard' | 'complain'

const please = String.raw`(?:\s+(?:please|pls|now|thanks|thank you))?`
const whole = (body: string) => new RegExp(`^(?:(?:can|could) you\\s+|(?:i want|i would like|id like|i need) to\\s+|please\\s+)?(?:${body})${please}$`)

const interruptionPatterns: [Interruption, RegExp][] = [
  ['help', whole('help|help me|i need help|need help|what can i say|what can i do|how does this work|what do i do|options|menu|i am stuck|im stuck|confused|i dont understand')],
  ['back', whole('back|go back|previous|previous question|last question|undo|back one|go back one')],
  ['startAgain', whole('start again|start over|restart|begin again|start from the beginning|start from scratch|reset|start afresh')],
  ['stop', whole('stop|cancel|quit|exit|pause|finish later|carry on later|later|not now|bye|goodbye|stop this|end chat|end this')],
  ['easyRead', whole('easy read|easyread|easy english|use easy read|simple words|simpler|make it simpler|make it simple|easy words')],
  ['standard', whole('standard|standard english|normal english|normal words|not easy read|turn off easy read|stop easy read')],
  ['person', /\b(speak|talk|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|some\s*one|some\s*body|real|human|person|advisor|adviser|agent|operator|staff|member of staff|you)|^(?:human|a human|real person|a real person|a person|agent|operator|advisor|adviser)\b|\bcontact centre\b|\bphone number for you\b/],
  ['privacy', /\b(?:what happens|what will happen|what do you do|what will you do|who (?:sees|can see|will see|reads))\b.*\b(?:information|data|details|info|words|feedback)\b|\bprivacy\b|\bdata protection\b|\bgdpr\b|\bis (?:this|it) (?:confidential|private|anonymous|secret)\b/],
  ['complain', /\b(?:who (?:do|can|should) i (?:complain|make a complaint|complain to)|who (?:do|can) i complain|how (?:do|can) i (?:complain|make a complaint)|(?:i want|i would like|id like) to (?:complain|make a complaint)|make a complaint|complaints? (?:process|procedure)|ombudsman|where (?:do|can) i complain)\b|^(?:complain|complaint|complaints)$/],
  ['status', /\b(?:what (?:has )?happened|whats happened|any news|news|update|status|progress|check|track)\b.*\b(?:my|the|our)\s+(?:feedback|report|concern|complaint|case|reference)\b|^(?:status|check status|check my reference|my reference)$/],
]

/**
 * A command only when the message is short and mostly the command, so a story that merely contains
 * "help" or "stop" ("the staff did not stop him, please help") is never taken over.
 */
export function recogniseInterruption(typed: string): Interruption | undefined {
  const text = normaliseForMatching(typed)
  if (!text) return undefined
  const words = text.split(' ').length
  for (const [kind, pattern] of interruptionPatterns) {
    const limit = kind === 'status' || kind === 'person' || kind === 'privacy' || kind === 'complain' ? 12 : 8
    if (words <= limit && pattern.test(text)) return kind
  }
  return undefined
}
