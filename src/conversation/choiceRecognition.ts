import type { BotChoice } from './botMessage'

/**
 * Recognises a typed choice the same way on every channel: by its number ("2", "2.", "number 2", "two"),
 * its label, its value or a synonym, a short sentence that is plainly that answer ("I'm a member of staff"),
 * or a near miss ("famly", "emial"). Anything unclear is left unrecognised so the person is asked again
 * rather than being guessed at.
 */

const numberWords = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']
const ordinalWords = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']

/** The zero of each decimal digit block people may type in: Arabic, Urdu (Extended Arabic), Devanagari, Bengali, Gurmukhi, Gujarati. */
const digitZeros = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6]

/**
 * Lower case, accents off Latin letters, digits in any script as 0-9, and anything that is not a letter, a
 * mark or a number as one space. Letters in every script are kept, so "تک" and "ਹਾਂ" can be recognised.
 */
export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/\p{Nd}/gu, digit => {
      const code = digit.codePointAt(0)!
      const zero = digitZeros.find(start => code >= start && code <= start + 9)
      return zero === undefined ? digit : String(code - zero)
    })
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  let beforePrevious: number[] = []
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], beforePrevious[j - 2] + 1)
    }
    beforePrevious = previous
    previous = current
  }
  return previous[b.length]
}

/** How many typing mistakes a word of this length may carry and still count. */
function allowedMistakes(length: number): number {
  if (length < 4) return 0
  if (length < 7) return 1
  if (length < 12) return 2
  return 3
}

export function isNearMatch(typed: string, expected: string): boolean {
  const allowed = allowedMistakes(expected.length)
  // The distance is at least the difference in length: a long answer is never measured against a short phrase.
  if (Math.abs(typed.length - expected.length) > allowed) return false
  return editDistance(typed, expected) <= allowed
}

function numberIn(text: string): number | undefined {
  const digits = text.match(/^(?:number|no|option|choice)?\s*(\d{1,2})$/)
  if (digits) return Number(digits[1])
  const words = text.replace(/^(?:number|option|choice|the)\s+/, '')
  const asWord = numberWords.indexOf(words)
  if (asWord >= 0) return asWord + 1
  const asOrdinal = ordinalWords.indexOf(words.replace(/\s+one$/, ''))
  if (asOrdinal >= 0) return asOrdinal + 1
  return undefined
}

/** Choices are built once per wording and read on every turn, so each one's phrases are worked out once. */
const phrasesByChoice = new WeakMap<BotChoice, string[]>()

function phrasesOf(choice: BotChoice): string[] {
  let phrases = phrasesByChoice.get(choice)
  if (!phrases) {
    phrases = [choice.label, choice.value.replace(/_/g, ' '), ...(choice.synonyms ?? [])].map(normaliseForMatching).filter(Boolean)
    phrasesByChoice.set(choice, phrases)
  }
  return phrases
}

function containsPhrase(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `)
}

/** Words that frame an answer without adding to it: "I think it was mostly bad to be honest", "I'm her son". */
const fillerWords = new Set(
  ('i im me my a an the it its was is am are be been to of for on about as so and just really very quite mostly mainly overall ' +
    'think would say id well um er ok okay please thanks thank you honest honestly that this there here all in at with by from ' +
    'her his their our lives live living works place home service one thats right correct sure yeah yes no can could now will want like lets let go ahead we bit little kind sort of fine perfect looks look seems everything done').split(' '),
)

const negations = new Set(['no', 'not', 'never', 'nothing', 'hardly', 'isnt', 'wasnt', 'arent', 'werent', 'dont', 'didnt', 'doesnt'])

/**
 * A sentence is plainly an answer when nothing of substance is left once the choice's own words are taken out:
 * "I'm a member of staff", "it was mostly bad", "I'm her son". "My mum was hit by a carer last night" contains
 * "my mum" but is a story, not an answer to "Who are you?".
 */
function plainlyAnswers(text: string, choice: BotChoice, matched: string): boolean {
  // "no good" and "not staff" say the opposite of the words they contain.
  const before = ` ${text} `.split(` ${matched} `)[0].trim().split(' ').pop()
  if (before && negations.has(before)) return false
  let rest = ` ${text} `.replace(` ${matched} `, ' ')
  for (const phrase of phrasesOf(choice)) rest = rest.replace(` ${phrase} `, ' ')
  return rest
    .trim()
    .split(' ')
    .filter(word => word && !fillerWords.has(word)).length === 0
}

/**
 * Longest phrase wins, so "very good" beats "good"; a tie between two different choices is left unclear, and so
 * is an answer that plainly gives two different choices in words of their own ("yes no").
 */
function bestBy(scored: { choice: BotChoice; score: number; phrase?: string }[]): BotChoice | undefined {
  if (!scored.length) return undefined
  scored.sort((a, b) => b.score - a.score)
  const [best, second] = scored
  if (second && second.score === best.score && second.choice.value !== best.choice.value) return undefined
  const contradicted = scored.some(other => other.phrase && best.phrase && other.choice.value !== best.choice.value && !containsPhrase(best.phrase, other.phrase))
  return contradicted ? undefined : best.choice
}

export function recogniseChoice(typed: string, choices: BotChoice[]): BotChoice | undefined {
  const text = normaliseForMatching(typed)
  if (!text || !choices.length) return undefined

  // A number beyond the choices ("80" for "80 or over") is read as words instead.
  const number = numberIn(text)
  if (number !== undefined && number >= 1 && number <= choices.length) return choices[number - 1]

  const exact = choices.filter(choice => phrasesOf(choice).includes(text))
  if (exact.length) return exact.length === 1 ? exact[0] : undefined

  // A short sentence that plainly answers with a choice: "I'm a member of staff", "it was mostly bad".
  const words = text.split(' ')
  if (words.length <= 12) {
    const contained = choices.flatMap(choice =>
      phrasesOf(choice)
        .filter(phrase => containsPhrase(text, phrase) && plainlyAnswers(text, choice, phrase))
        .map(phrase => ({ choice, score: phrase.length, phrase })),
    )
    const found = bestBy(contained)
    if (found) return found
  }

  // Misspellings: the whole answer, or one word of a short answer, close to a phrase.
  if (words.length <= 6) {
    const near = choices.flatMap(choice =>
      phrasesOf(choice).flatMap(phrase => {
        const phraseWords = phrase.split(' ').length
        const candidates = [text]
        if (phraseWords === 1) candidates.push(...words)
        return candidates
          .filter(candidate => isNearMatch(candidate, phrase) && (candidate === text || plainlyAnswers(text, choice, candidate)))
          .map(candidate => ({ choice, score: phrase.length - editDistance(candidate, phrase) * 2, phrase: candidate }))
      }),
    )
    return bestBy(near)
  }
  return undefined
}
