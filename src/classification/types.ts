import type { RiskCategory, RiskLevel, Sentiment } from './taxonomy'

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
}

export interface FeedbackClassifier {
  classifyFeedback(text: string): Promise<Classification>
}
