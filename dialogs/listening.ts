import { normaliseForMatching } from '../src/conversation/choiceRecognition'
import { normaliseWhen } from '../src/feedback/whenItHappened'

/**
 * Listening first: what a person's own account already tells us (who they are, which service, when), so we
 * confirm it instead of asking again. Anything unsure is left out and asked for later.
 */

const family = String.raw`mum|mom|mam|mummy|mother|dad|daddy|father|son|daughter|wife|husband|partner|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|brother|sister|aunt|auntie|aunty|uncle|niece|nephew|cousin|grandson|granddaughter|parents?|relative|child|baby|boy|girl|fiance|fiancee|friend|neighbour`

const rolePatterns: [string, RegExp][] = [
  ['staff', /\bi (?:work|worked|am working|have worked|used to work)\b(?! out)|\bim (?:a |an )?(?:member of staff|staff member|employee)\b|\bmy (?:manager|colleagues?|shift|line manager)\b|\b(?:whistle ?blow|whistleblowing|whistleblower)\b/],
  ['professional', /\bi am (?:a |an |the )?(?:gp|social worker|district nurse|paramedic|doctor|advocate|health visitor|community nurse|pharmacist|occupational therapist)\b|\bim (?:a |an |the )?(?:gp|social worker|district nurse|paramedic|doctor|advocate|health visitor|pharmacist)\b|\bmy (?:patient|client|service user)s?\b/],
  ['family_friend_carer', new RegExp(String.raw`\b(?:my|our)\s+(?:(?:elderly|old|late|disabled|little|baby|adult|step|younger|older|best|\d+ year old)\s+)?(?:${family})s?\b|\b(?:i am|im|i m) (?:a |an |the |her |his |their )?(?:unpaid )?carer\b|\bi care for\b|\bon behalf of\b`)],
  ['person', /\b(?:i was|im|i am) (?:a |an )?(?:patient|resident|in hospital|admitted|discharged)\b|\bi was (?:at|in|seen|treated|admitted|discharged|sent)\b|\bfor (?:a|an|my) (?:scan|check ?up|appointment|operation|test|x ?ray|blood test|injection|jab|vaccine|review)\b|\bmy (?:appointment|operation|op|treatment|prescription|medication|medicine|tablets|gp|doctor|dentist|care plan|carers?|surgery|scan|test results?|check ?up|visit|stay)\b|\b(?:i|me) (?:had|was seen|was given|waited|went|got|have been|was sent|was told|saw|visited|called|rang|phoned|booked)\b|\b(?:to|with|at) me\b/],
]

/** Who is telling us, from their own words; undefined when it is not plain. */
export function roleHeardIn(text: string): string | undefined {
  const words = normaliseForMatching(text)
  for (const [role, pattern] of rolePatterns) if (pattern.test(words)) return role
  return undefined
}

const serviceNouns = String.raw`home|care home|nursing home|lodge|house|court|manor|hall|hospital|infirmary|surgery|practice|clinic|centre|center|ward|unit|trust|gp|dentist|dentists|dental|health centre|medical centre|hospice|agency|care|homecare|supported living|team|pharmacy`
const properName = String.raw`[A-Z][\w'’&-]*`
const connectors = String.raw`(?:\s+(?:of|the|and|&|St\.?|Saint|de|la))?`

/** Words that end a name typed in lower case: "from hilltop last week" names "hilltop". */
const commonWords = new Set(
  ('a an the my our her his their me him them us it this that night home all least first last once times work moment ' +
    'school first time then and but or so because when while for to of on in at by with from was is were are be been ' +
    'yesterday today tonight week month year morning evening afternoon weekend monday tuesday wednesday thursday friday saturday sunday ' +
    'she he they we i you who which what how very really just about around after before since until lunch dinner breakfast ' +
    'january february march april may june july august september october november december').split(' '),
)

/**
 * Phrases that may name a service: runs of capitalised words ("Willow Lodge", "Testbury General Hospital"),
 * words before a kind of service ("the willow lodge nursing home"), words after "at", "in" or "from", and
 * postcodes. The directory decides which, if any, is a service.
 */
export function servicePhrasesIn(text: string): string[] {
  const phrases: string[] = []
  const add = (phrase: string | undefined) => {
    const clean = phrase?.replace(/^(?:the|a|an)\s+/i, '').replace(/[.,;:!?]+$/, '').trim()
    if (clean && clean.length >= 3 && !phrases.some(existing => existing.toLowerCase() === clean.toLowerCase())) phrases.push(clean)
  }
  for (const match of text.matchAll(/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi)) add(match[0])
  const capitalised = new RegExp(String.raw`${properName}(?:${connectors}\s+${properName}){1,5}`, 'g')
  for (const match of text.matchAll(capitalised)) add(match[0].replace(/^(?:I|My|Our|The|She|He|They|We|It|On|In|At|Last|This|Yesterday|Today)\s+/, ''))
  const beforeNoun = new RegExp(String.raw`((?:[\w'’-]+\s+){1,3}(?:${serviceNouns}))\b`, 'gi')
  const afterPreposition = new RegExp(String.raw`\b(?:at|in|from|called|named)\s+((?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:${serviceNouns}))\b`, 'gi')
  for (const match of text.matchAll(afterPreposition)) add(match[1])
  for (const match of text.matchAll(beforeNoun)) add(match[1].replace(/^(?:(?:my|our|her|his|their|she|he|was|is|in|at|to|the|a|an|from|and)\s+)+/i, ''))
  // A single capitalised word in the middle of a sentence is most likely a name: "care from Hilltop".
  for (const match of text.matchAll(/(?<=\b[a-z]+\s+)[A-Z][\w'’&-]{2,}/g)) add(match[0])
  // Last, because least sure: a name after "at", "from" or "called", however it was typed ("care from hilltop").
  const afterPlainPreposition = /\b(?:at|from|called|named|with)\s+((?:the\s+)?[\w'’&-]+(?:\s+[\w'’&-]+){0,2})/gi
  for (const match of text.matchAll(afterPlainPreposition)) {
    const words = match[1].toLowerCase().replace(/^the\s+/, '').split(/\s+/)
    const named: string[] = []
    for (const word of words) {
      if (commonWords.has(word)) break
      named.push(word)
    }
    for (let length = named.length; length > 0; length--) add(named.slice(0, length).join(' '))
  }
  // A kind of service with no name ("home care", "the hospital") names nothing in particular.
  const generic = new Set([...serviceNouns.split('|').flatMap(noun => noun.split(' ')), ...commonWords])
  return phrases.filter(phrase => !phrase.toLowerCase().split(/\s+/).every(word => generic.has(word))).slice(0, 10)
}

const whenPhrases = [
  /\b(?:today|this morning|this afternoon|this evening|tonight|yesterday|last night)\b/i,
  /\b(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\s+)?few|(?:a\s+)?couple)\s+(?:of\s+)?(?:day|week|month|year)s?\s+ago\b/i,
  /\b(?:last|this)\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
  /\b(?:on|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
  /\b(?:in|since|during|early|late|mid)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{4})?\b/i,
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{4})?\b/i,
  /\b(?:still happening|still going on|it is ongoing|its ongoing|it's ongoing|every day|every night|all the time|at the moment)\b/i,
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/,
]

/** When it happened, as the words they used and as a date, when their account says so. */
export function whenHeardIn(text: string, now: Date): { text: string; normalised?: string } | undefined {
  for (const pattern of whenPhrases) {
    const found = text.match(pattern)?.[0]
    if (!found) continue
    const normalised = normaliseWhen(found, now)
    if (normalised) return { text: found, normalised }
  }
  return undefined
}
