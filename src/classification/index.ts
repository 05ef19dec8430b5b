import type { Config } from '../config'
import type { Logger } from '../logger'
import { EmbeddedClassifier } from './embeddedClassifier'
import { compileRuleExpressions } from './safetyRules'
import type { SignpostKind } from './rules'
import type { Signposting } from './signposting'
import { MultilingualClassifier } from './multilingualClassifier'
import { signpostingFor } from './signposting'
import { languageIdentifier } from '../i18n/languageIdentifier'
import type { FeedbackClassifier } from './types'

export type { Classification, FeedbackClassifier, FeedbackContext, FeedbackLanguage, MachineTranslation, RiskAssessment } from './types'
export type { Signposting }
export type { RiskCategory, RiskLevel, Sentiment, KeyQuestion, Theme } from './taxonomy'
export { riskLevelOrder, riskCategoryLabels, themes, themeNames, higherRiskLevel } from './taxonomy'
export { redactPersonalData } from './redact'
export { reasonWithoutQuotations } from './safetyRules'
export type { SignpostKind }
export { detectSignposting, signpostingFor } from './signposting'

/** Words that between them reach every kind of safety pattern: danger, calm detail, other languages, a bare answer. */
const warmUpTexts = [
  'My mum said a carer slapped her last night. She is scared, but the nurses were kind.',
  'The food was cold and nobody came when I rang the bell. It was sorted out in the end.',
  'Opiekun bił mojego tatę w domu opieki.',
  'Mae fy mam mewn perygl nawr.',
  'میری ماں کو چوٹ لگی ہے',
  'no',
]

/**
 * Compiles every rule expression, then runs the safety rules and the embedded model over a few texts, twice, so the
 * other expressions they use are compiled too. V8 compiles a regular expression on its first use and again, to
 * machine code, on its second; for the rules' large patterns each step took up to 2 s, during which the process did
 * nothing else. Without this, the first messages after a start, perhaps an urgent one, waited for it.
 */
export function warmUpClassification(): void {
  compileRuleExpressions()
  const classifier = new EmbeddedClassifier()
  for (let round = 0; round < 2; round++) {
    for (const text of warmUpTexts) {
      signpostingFor(text)
      classifier.classifySync(text)
    }
  }
}

/** The embedded classifier: no network, no key. */
export function createEmbeddedClassifier(): FeedbackClassifier {
  return new EmbeddedClassifier()
}

/** OpenAI with the embedded safety rules alongside when OPENAI_API_KEY is set; otherwise the embedded classifier. */
export function createClassifier(config: Config, logger: Logger): FeedbackClassifier {
  const embedded = new EmbeddedClassifier()
  if (!config.OPENAI_API_KEY) return new MultilingualClassifier(embedded, embedded, languageIdentifier, logger)
  // Loaded only when used: the OpenAI SDK takes longer to load than the embedded model, and the classify CLI pays it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OpenAiClassifier } = require('./openaiClassifier') as typeof import('./openaiClassifier')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OpenAiTranslator } = require('./openaiTranslator') as typeof import('./openaiTranslator')
  const settings = { apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.OPENAI_TIMEOUT_MS }
  const withLlm = new OpenAiClassifier(settings, embedded, logger)
  return new MultilingualClassifier(withLlm, embedded, languageIdentifier, logger, new OpenAiTranslator(settings, logger))
}
