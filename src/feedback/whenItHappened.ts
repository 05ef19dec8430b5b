import { normaliseForMatching } from '../conversation/choiceRecognition'

/** When it happened: the one normaliser, for the bot's answers and the API and form alike. */

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
