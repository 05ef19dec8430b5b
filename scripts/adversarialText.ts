/**
 * Inputs that make backtracking regular expressions slow, and every path that runs patterns on text a person
 * typed. Shared by the linear-time test (test/unit/security/linearTime.test.ts) and `npm run bench:redos`.
 */
import { recogniseChoice } from '../src/conversation/choiceRecognition'
import { normalisePhoneNumber, parseTwilioAddress } from '../src/contact/phoneNumbers'
import { createEmbeddedClassifier, detectSignposting, redactPersonalData } from '../src/classification'
import { assessSafety } from '../src/classification/safetyRules'
import { findFeedbackReferenceIn, normaliseFeedbackReference } from '../src/feedback/feedbackReference'
import { normaliseEmail, normaliseUkPhone, recogniseInterruption } from '../dialogs/understanding'
import { normaliseWhen } from '../src/feedback/whenItHappened'

export const adversarialLength = 100_000

/** Each shape repeated (and cut) to `length` characters. */
const units: Record<string, string> = {
  'one letter': 'a',
  'capital letters': 'A',
  digits: '1',
  spaces: ' ',
  newlines: '\n',
  'at signs': '@',
  'letters and at signs': 'a@',
  'dotted words': 'a.',
  'email-like, never ending': 'a@b.',
  'hyphens and digits': '1-',
  'digits and spaces': '1 ',
  'capitalised words': 'Aa ',
  'title then spaces': 'Mr ',
  'birth cue, spaces': 'born ',
  'name cues': 'my name is ',
  'street-like': '12 Aa ',
  'postcode-like': 'SW1 ',
  'dates without years': '12/12/',
  'month names': 'May ',
  emoji: '😀',
  'apostrophes and hyphens': "'-",
  'mixed punctuation': '.,;:!?',
  'plus and digits': '+44 ',
  'reference-like': 'FB-',
  'hit hit': 'hit ',
}

export function adversarialShapes(length = adversarialLength): { name: string; text: string }[] {
  const shapes = Object.entries(units).map(([name, unit]) => ({ name, text: unit.repeat(Math.ceil(length / unit.length)).slice(0, length) }))
  // A long run, then what the pattern was waiting for: the worst case for patterns that backtrack.
  shapes.push({ name: 'letters then @', text: `${'a'.repeat(length - 1)}@` })
  shapes.push({ name: 'born, spaces, then a year', text: `born${' '.repeat(length - 8)}1950` })
  return shapes
}

const choices = [
  { value: 'yes', label: 'Yes', synonyms: ['yeah', 'yep'] },
  { value: 'no', label: 'No', synonyms: ['nope'] },
  { value: 'family_friend_carer', label: 'Family, friend or carer' },
]
const classifier = createEmbeddedClassifier()
const now = new Date('2026-11-29T12:00:00Z')

/** Every path that runs patterns on what a person typed, by name. */
export const textPaths: Record<string, (text: string) => unknown> = {
  'redaction before any LLM': redactPersonalData,
  'signposting (safety rules and concern model)': detectSignposting,
  'safety assessment': text => assessSafety(text),
  'embedded classifier': text => classifier.classifyFeedback(text),
  'bot interruptions': recogniseInterruption,
  'bot choices': text => recogniseChoice(text, choices),
  'bot dates': text => normaliseWhen(text, now),
  'bot phone numbers': text => normaliseUkPhone(text, false),
  'bot email addresses': normaliseEmail,
  'feedback references': text => [normaliseFeedbackReference(text), findFeedbackReferenceIn(text)],
  'text message senders': text => {
    try {
      return [normalisePhoneNumber(text), parseTwilioAddress(text)]
    } catch {
      return undefined
    }
  },
}
