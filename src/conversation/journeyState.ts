import type { BotMessage } from './botMessage'

/** A service the person picked from the directory, or typed when it was not found. */
export interface ChosenService {
  name: string
  typed: string
  locationId?: string
  matchedFromDirectory: boolean
  providerName?: string
  localAuthority?: string
  region?: string
  serviceTypes?: string[]
  address?: string
  postcode?: string
}

export interface EqualityAnswers {
  ageBand?: string
  disability?: string
  ethnicity?: string
  sex?: string
  religion?: string
}

export interface JourneyAnswers {
  role?: string
  serviceTyped?: string
  serviceCandidates?: ChosenService[]
  service?: ChosenService
  when?: { text: string; normalised?: string }
  storyParts: string[]
  overall?: string
  /** null when the person chose to skip it. */
  desiredOutcome?: string | null
  contactMethod?: string
  /** Phone or email, sealed with the contact cipher: never in the clear at rest, not even in bot state. */
  sealedContact?: string
  replyFormat?: string
  language?: string
  consentToShare?: boolean
  callbackRequested?: boolean
  equalityWanted?: boolean
  /** Facts taken from their own account (who, service, when), shown back to them to confirm. */
  heard?: { role?: boolean; service?: boolean; when?: boolean; confirmed?: boolean }
  /** Changing "What happened" from the summary: replace what they wrote, or add to it. */
  storyReplacing?: boolean
  /** Only until submission, then written apart from identity and removed from here. */
  equality: EqualityAnswers
  /** Messages that did not answer the question asked: kept, because nothing a person types is lost. */
  otherMessages: string[]
}

export type PendingQuestion = 'startAgain' | 'callback' | 'callbackPhone' | 'statusReference' | 'newFeedback' | 'languageOffer'

export interface JourneyState {
  reference: string
  easyRead: boolean
  /** The conversation's language (a code from src/i18n/languages.ts); English when absent. */
  language?: string
  /** A language we offered to switch to, with what they wrote while it was offered (nothing typed is lost). */
  languageOffer?: { code: string; texts: string[] }
  /** Offered once: a person who said no, or chose a language, is not asked again. */
  languageSettled?: boolean
  answers: JourneyAnswers
  pending?: PendingQuestion
  /** The question being asked now: each message is logged with it. */
  step?: string
  /** Questions asked so far, so "back" returns only to questions the person actually saw. */
  asked?: string[]
  paused?: boolean
  restartRequested?: boolean
  submitted?: boolean
  /** The preferences this journey last stored for the person, so the person's state is only read when they change. */
  rememberedPreferences?: { easyRead: boolean; language?: string }
}

export function newJourney(reference: string, easyRead = false, language?: string): JourneyState {
  return { reference, easyRead, language, answers: { storyParts: [], equality: {}, otherMessages: [] } }
}

/** What a step decided after reading an answer. Answers are written onto the journey by the step itself. */
export type StepOutcome =
  | { kind: 'next'; say?: BotMessage[] }
  /** Stay on this question; say these (the question is not repeated). */
  | { kind: 'stay'; say: BotMessage[] }
  /** Not understood: say this and ask the question again. */
  | { kind: 'retry'; say: BotMessage[] }
  /** End the step group with a result for the main dialog (submit, change an answer). */
  | { kind: 'end'; result: GroupResult; say?: BotMessage[] }

export interface GroupResult {
  back?: boolean
  submit?: boolean
  change?: string
}
