import type { FeedbackQuestion, OverallExperience, RiskCategory, RiskLevel, Sentiment } from './taxonomy'

export interface RiskAssessment {
  level: RiskLevel
  categories: RiskCategory[]
  /** One sentence an inspector can check against the text. */
  reason: string
}

export interface Classification {
  /** Exact FFT qualitative framework v6 theme names. */
  themes: string[]
  sentiment: Sentiment
  risk: RiskAssessment
  classifier: { name: string; version: string }
  /** When an LLM is configured: each classifier's own reading of risk, before the policy that combines them. */
  opinions?: { embedded: RiskAssessment; llm: RiskAssessment }
  /** The language the feedback is written in, when it could be told. */
  language?: FeedbackLanguage
  /** With an LLM configured, feedback not in English is translated for the inspector; the original is kept as written. */
  translation?: MachineTranslation
}

export interface FeedbackLanguage {
  /** ISO 639-1 code where one exists (`pl`, `cy`, `ur`), also for languages we do not offer. */
  code: string
  /** Its English name, for inspectors. */
  name: string
  /** How it was told: cld3 identified it, or only a safety phrase list in that language matched. */
  from: 'identified' | 'safety phrases'
  classifierReads: boolean
}

export interface MachineTranslation {
  /** English, translated from the redacted text, so it carries no contact details. */
  text: string
  from: string
  /** The model that translated it: this is machine translation, to be checked by a person who reads the language. */
  by: string
}

/**
 * What is known of the words beyond themselves: the question they answer, when a form asked one, and the person's
 * own overall rating of their experience, when they gave one.
 */
export interface FeedbackContext {
  question?: FeedbackQuestion
  overall?: OverallExperience
}

export interface FeedbackClassifier {
  classifyFeedback(text: string, context?: FeedbackContext): Promise<Classification>
}
