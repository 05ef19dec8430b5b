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
  /** When an LLM is configured: each classifier's own reading of risk, before the policy that combines them. */
  opinions?: { embedded: RiskAssessment; llm: RiskAssessment }
}

export interface FeedbackClassifier {
  classifyFeedback(text: string): Promise<Classification>
}
