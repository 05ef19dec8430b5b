import { loadedLanguageIdentifier } from '../i18n/languageIdentifier'
import { type LanguageCode, supportedLanguage } from '../i18n/languages'
import { feedbackLanguageOf } from './languageFloor'
import { assessInOtherLanguages } from './multilingualSafety'
import { showsSignsOfRiskToLife } from './embeddedClassifier'
import { loadEmbeddedModel } from './model'
import type { SignpostKind } from './rules'
import { assessSafety, assessUrgencyContext, signpostingByRules, withContext } from './safetyRules'

const order: SignpostKind[] = ['immediate-danger', 'mental-health-crisis', 'abuse']

export interface Signposting {
  kinds: SignpostKind[]
  /** The language to signpost in: the one the person chose, else the one they wrote in when we offer it, else English. */
  language: LanguageCode
}

/**
 * Which help a message needs now, and in which language, for every channel. English rules (given as `englishKinds`)
 * and every other language's phrase lists are read at once, before any language is chosen. The language is told as
 * the classifier tells it (languageFloor.ts), with cld3 once the classifier has loaded it: signposting never waits.
 */
export function signpostingIn(text: string, englishKinds: readonly SignpostKind[], chosen?: string): Signposting {
  const finding = assessInOtherLanguages(text)
  const found = new Set<SignpostKind>([...englishKinds, ...finding.signposts])
  const kinds = order.filter(kind => found.has(kind))
  const chosenLanguage = supportedLanguage(chosen)?.code as LanguageCode | undefined
  if (chosenLanguage) return { kinds, language: chosenLanguage }
  if (kinds.length === 0) return { kinds, language: 'en' }
  const written = feedbackLanguageOf(text, loadedLanguageIdentifier()?.identify(text), finding)
  // A language we cannot signpost in (cld3 may say Galician for short Spanish): the phrase list's language instead.
  return { kinds, language: (supportedLanguage(written?.code)?.code as LanguageCode | undefined) ?? finding.languages[0] ?? 'en' }
}

/**
 * Which help a message needs now and the language to give it in: the one answer every caller gets (the bot, the
 * turn gate, the form, the API and the LLM classifier's danger check). Every language's phrases count.
 */
export function signpostingFor(text: string, chosenLanguage?: string): Signposting {
  return signpostingIn(text, englishSignposting(text), chosenLanguage)
}

export function detectSignposting(text: string): SignpostKind[] {
  return signpostingFor(text).kinds
}

/**
 * Whether a message speaks of danger happening now: an emergency phrase in any language, or the concern model reading
 * it as urgent with a sentence that shows someone harmed or in danger now. Narrower than the help lines (which any
 * urgent reading gets): an LLM may never lower such a message.
 */
export function speaksOfDangerNow(text: string): boolean {
  if (signpostingByRules(text).includes('immediate-danger') || assessInOtherLanguages(text).signposts.includes('immediate-danger')) return true
  return loadEmbeddedModel().assessConcern(text).level === 'urgent' && assessUrgencyContext(text).atRiskNow !== undefined
}

/**
 * The English safety rules, plus what the rules and models read that no signposting phrase named: crisis help for a
 * risk to life the concern model reads as urgent ("ive written letters for my kids, im by the river") or the
 * risk-to-life model reads signs of ("cancel my repeats, wont need them after sunday"), and 999 when the rules read the
 * message as urgent ("the night carer turned up drunk and is alone with my dad now"), or the concern model does and a
 * sentence shows someone harmed at a time the message does not place in the past: help lines cost a calm reader
 * little, and someone in danger must not go without them.
 */
function englishSignposting(text: string): SignpostKind[] {
  const kinds = signpostingByRules(text)
  if (kinds.includes('mental-health-crisis') && kinds.includes('immediate-danger')) return kinds
  const { concern, riskToLifeMargin } = loadEmbeddedModel().readRisk(text)
  const crisis = !kinds.includes('mental-health-crisis') && (showsSignsOfRiskToLife(text, riskToLifeMargin) || (concern.level === 'urgent' && concern.category === 'risk-to-life'))
  const rules = kinds.includes('immediate-danger') ? undefined : assessSafety(text)
  const danger = rules !== undefined && (rules.level === 'urgent' || (concern.level === 'urgent' && withContext(rules, text).context.harmShown !== undefined))
  if (!crisis && !danger) return kinds
  const added = new Set<SignpostKind>(kinds)
  if (crisis) added.add('mental-health-crisis')
  if (danger) added.add('immediate-danger')
  return order.filter(kind => added.has(kind))
}
