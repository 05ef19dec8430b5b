import type { LanguageIdentifier } from '../i18n/languageIdentifier'
import type { Logger } from '../logger'
import type { EmbeddedClassifier } from './embeddedClassifier'
import { applyLanguageFloor, feedbackLanguageOf } from './languageFloor'
import { assessInOtherLanguages, languageSafetyRulesVersion } from './multilingualSafety'
import { redactPersonalData } from './redact'
import { higherRiskLevel, riskLevelOrder } from './taxonomy'
import type { Classification, FeedbackClassifier, FeedbackContext, FeedbackLanguage } from './types'

export interface Translator {
  readonly model: string
  toEnglish(redactedText: string, languageName: string): Promise<string | undefined>
}

/**
 * Wraps the classifier with what language needs. English feedback is classified as before (a phrase from another
 * language's list still counts). Feedback in a language the embedded classifier cannot read is never below high and
 * says which language a reader needs; with an LLM, it is also translated (from the redacted text) and the
 * translation classified, and the higher of the two readings wins. The original words are never replaced.
 */
export class MultilingualClassifier implements FeedbackClassifier {
  constructor(
    private readonly inner: FeedbackClassifier,
    private readonly embedded: EmbeddedClassifier,
    private readonly identifier: () => Promise<LanguageIdentifier>,
    private readonly logger: Logger,
    private readonly translator?: Translator,
  ) {}

  private async identify(text: string) {
    try {
      return (await this.identifier()).identify(text)
    } catch (error) {
      this.logger.warn({ event: 'language.identify.failed', errorName: (error as Error)?.name }, 'language identification failed; safety phrase lists still apply')
      return undefined
    }
  }

  async classifyFeedback(text: string, context: FeedbackContext = {}): Promise<Classification> {
    const finding = assessInOtherLanguages(text)
    const language = feedbackLanguageOf(text, await this.identify(text), finding)
    if (!language || language.classifierReads) {
      const result = await this.inner.classifyFeedback(text, context)
      return { ...result, risk: applyLanguageFloor(result.risk, language, finding), language, classifier: this.versioned(result.classifier) }
    }
    const original = this.embedded.classifySync(text, context)
    const risk = applyLanguageFloor(original.risk, language, finding)
    // The theme and sentiment model reads English words only: in another language its themes would be guesses.
    const unread: Classification = {
      themes: ['Not assigned'],
      sentiment: finding.signals.length > 0 ? 4 : 3,
      risk,
      language,
      classifier: this.versioned(original.classifier),
    }
    if (!this.translator) return unread
    return (await this.withTranslation(text, language, unread, context)) ?? unread
  }

  private async withTranslation(text: string, language: FeedbackLanguage, unread: Classification, context: FeedbackContext): Promise<Classification | undefined> {
    const translator = this.translator as Translator
    const english = await translator.toEnglish(redactPersonalData(text), language.name)
    if (!english) return undefined
    const read = await this.inner.classifyFeedback(english, context)
    const ours = unread.risk
    const theirs = read.risk
    const level = higherRiskLevel(ours.level, theirs.level)
    const translationHigher = riskLevelOrder[theirs.level] > riskLevelOrder[ours.level]
    const risk = translationHigher
      ? { level, categories: [...new Set([...theirs.categories, ...ours.categories])], reason: `From the machine translation of ${language.name}: ${theirs.reason} ${ours.reason}` }
      : { level, categories: [...new Set([...ours.categories, ...(theirs.level === level ? theirs.categories : [])])], reason: `${ours.reason} The machine translation reads ${theirs.level}.` }
    return {
      themes: read.themes,
      sentiment: riskLevelOrder[level] >= riskLevelOrder.high && read.sentiment < 4 ? 4 : read.sentiment,
      risk,
      classifier: { name: `${read.classifier.name}+translation`, version: `${translator.model}+${this.versioned(read.classifier).version}` },
      opinions: read.opinions,
      language,
      translation: { text: english, from: language.code, by: translator.model },
    }
  }

  private versioned(classifier: Classification['classifier']): Classification['classifier'] {
    return { ...classifier, version: `${classifier.version}+languages.${languageSafetyRulesVersion}` }
  }
}
