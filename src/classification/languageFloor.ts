import type { IdentifiedLanguage } from '../i18n/languageIdentifier'
import { supportedLanguage } from '../i18n/languages'
import { knownWords } from './knownWords'
import type { LanguageSafetyFinding, LanguageSafetySignal } from './multilingualSafety'
import { describeCategories, quoteSentence } from './safetyRules'
import { higherRiskLevel, type RiskLevel, riskLevelOrder } from './taxonomy'
import type { FeedbackLanguage, RiskAssessment } from './types'

/**
 * Feedback the embedded classifier cannot read is never rated below high, and says why: which language it is, and
 * that a person who reads it is needed. A safety phrase in that language sets the level as an English rule would
 * (urgent for abuse happening, danger now or a risk to life).
 */

/** cld3 is sure of the language and English words do not carry the text ("no complaints" reads as French). */
const minimumProbability = 0.9
const englishShareForEnglish = 0.5
const englishFunctionWords = new Set(
  ('a an the and or but if so to of in on at by for with from about into over after before than then that this these those it its is are was were be been ' +
    'am i me my we us our you your he him his she her they them their there here not no yes very just too all any some what when who why how do did does ' +
    'have has had can could would should will wont cant dont didnt im ive its thats got get mum dad nan staff nurse carer carers home care ward lovely thank thanks')
    .split(' '),
)

function englishShare(text: string): number {
  const words = text.toLowerCase().replace(/['\u2019]/g, '').match(/\p{L}+/gu) ?? []
  if (words.length === 0) return 0
  return words.filter(word => englishFunctionWords.has(word) || knownWords.has(word)).length / words.length
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'language' })

function describeLanguage(code: string): string {
  try {
    return supportedLanguage(code)?.englishName ?? englishNames.of(code) ?? code
  } catch {
    return code
  }
}

/**
 * The feedback's language: what cld3 reliably identifies (any language, even one we do not offer), unless English
 * words carry the text; otherwise the language of a safety phrase list that matched; otherwise English if cld3 says so.
 */
export function feedbackLanguageOf(text: string, identified: IdentifiedLanguage | undefined, finding: LanguageSafetyFinding): FeedbackLanguage | undefined {
  const sure = identified && identified.reliable && identified.probability >= minimumProbability
  if (sure && identified.code !== 'en' && englishShare(text) < englishShareForEnglish) {
    return describe(identified.code, 'identified')
  }
  const matched = finding.languages[0]
  if (matched) return describe(matched, 'safety phrases')
  if (identified?.code === 'en' || sure) return describe('en', 'identified')
  return undefined
}

function describe(code: string, from: FeedbackLanguage['from']): FeedbackLanguage {
  const supported = supportedLanguage(code)
  return { code: supported?.code ?? code, name: describeLanguage(code), from, classifierReads: supported?.classifierReads ?? false }
}

function describeSignal(signal: LanguageSafetySignal): string {
  return `Rule ${signal.ruleId} (${describeCategories(signal.categories)}) found ${signal.describes} in ${quoteSentence(signal.sentence)}.`
}

/**
 * The level and reason after the language floor. For text the classifier reads, a matched phrase in another language
 * (a Polish sentence in English feedback) still counts; for text it cannot read, the level is at least high.
 */
export function applyLanguageFloor(risk: RiskAssessment, language: FeedbackLanguage | undefined, finding: LanguageSafetyFinding): RiskAssessment {
  const strongest = finding.signals[0]
  const needsReader = language !== undefined && !language.classifierReads
  const floor: RiskLevel = higherRiskLevel(needsReader ? 'high' : 'none', finding.level)
  if (riskLevelOrder[floor] <= riskLevelOrder[risk.level] && !needsReader) return risk
  const level = higherRiskLevel(risk.level, floor)
  const phraseCategories = finding.signals.filter(signal => signal.level === level).flatMap(signal => signal.categories)
  const categories = [...new Set([...risk.categories, ...phraseCategories])]
  const reader = needsReader ? `Written in ${language.name}, which the embedded classifier cannot read: a person who reads ${language.name} is needed to judge it. ` : ''
  const phrase = strongest ? `${describeSignal(strongest)} ` : ''
  const also = finding.signals.length > 1 ? `Also counted: ${finding.signals.slice(1).map(signal => signal.ruleId).join(', ')}. ` : ''
  const embedded = riskLevelOrder[level] > riskLevelOrder[risk.level] ? `The embedded classifier alone read ${risk.level}.` : risk.reason
  return { level, categories, reason: `${reader}${phrase}${also}${embedded}`.trim() }
}

