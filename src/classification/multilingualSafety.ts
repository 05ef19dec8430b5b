import { createHash } from 'node:crypto'
import type { LanguageCode } from '../i18n/languages'
import type { SignpostKind } from './rules'
import { languageSafetyRuleDefinitions, type LanguageSafetyRuleDefinition } from './rules/languages'
import { splitSentences } from './text'
import { type RiskCategory, type RiskLevel, riskLevelOrder } from './taxonomy'

/**
 * The safety phrase lists of the other languages we offer, read over every message whatever its language (a person
 * may write in Polish before anyone knows it, and on any channel). The English rules' normaliser keeps only a-z, so
 * these lists have their own: any script, accents folded away.
 */

const latinMarks = /[\u0300-\u036f]/g
/** Arabic vowel marks, Quranic marks and the tatweel (a stretching stroke): optional in writing. */
const arabicMarks = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g
/** Zero-width joiners that keyboards insert in Urdu and Indic text; Indic nuktas and the Gurmukhi addak, often left out. */
const invisible = /[\u200b-\u200f\u2060\ufeff]|\u09bc|\u0a3c|\u0a71|\u0abc/g
/** Letters typed one way on one keyboard and another way on another (Arabic and Urdu), and Polish ł, which has no accent to fold. */
const sameLetter: Record<string, string> = { 'ł': 'l', 'ك': 'ک', 'ي': 'ی', 'ى': 'ی', 'ہ': 'ه', 'ھ': 'ه', 'ة': 'ه', 'ۃ': 'ه', 'ۓ': 'ے', '\u0a70': '\u0a02' }
const sameLetterPattern = new RegExp(Object.keys(sameLetter).join('|'), 'g')

function foldLetters(text: string): string {
  return text.normalize('NFKD').replace(latinMarks, '').replace(arabicMarks, '').replace(invisible, '').replace(sameLetterPattern, letter => sameLetter[letter] ?? letter)
}

/** Clause ends in the scripts we read: Urdu full stop, Arabic question mark and comma, Bengali danda. */
const clauseEnd = /[.!?;:\n\r،؛؟۔।॥]+/gu
const notLetter = /[^\p{L}\p{M}\p{N}|]+/gu

/** Lower case, accents and optional marks folded, one space between words and clauses marked "|". */
export function foldForMatching(text: string): string {
  const folded = foldLetters(text.toLowerCase()).replace(clauseEnd, ' | ').replace(notLetter, ' ').replace(/\s+/g, ' ').trim()
  return ` ${folded} `
}

/** Folded text is words, single spaces and "|": a letter is anything else, and a word starts and ends at a space. */
const letter = '[^ |]'

export interface LanguageSafetyRule extends LanguageSafetyRuleDefinition {
  pattern: RegExp
}

/** A rule's phrases as one expression over folded text, starting and ending at word edges in any script. */
export function compileLanguageRule(definition: LanguageSafetyRuleDefinition): LanguageSafetyRule {
  const source = definition.phrases.map(phrase => foldLetters(phrase.source).replace(/\\w/g, letter)).join('|')
  return { ...definition, pattern: new RegExp(`(?<= )(?:${source})(?= )`) }
}

export const languageSafetyRules: readonly LanguageSafetyRule[] = languageSafetyRuleDefinitions.map(compileLanguageRule)

/** Part of the classifier version, as the English rules' hash is. */
export const languageSafetyRulesVersion: string = createHash('sha256')
  .update(JSON.stringify(languageSafetyRuleDefinitions.map(({ matches: _m, doesNotMatch: _d, phrases, ...rest }) => ({ ...rest, phrases: phrases.map(phrase => phrase.source) }))))
  .digest('hex')
  .slice(0, 10)

export interface LanguageSafetySignal {
  ruleId: string
  language: LanguageCode
  level: RiskLevel
  categories: RiskCategory[]
  signpost?: SignpostKind
  describes: string
  /** The sentence that matched, as written. */
  sentence: string
}

export interface LanguageSafetyFinding {
  /** The strongest level a phrase list gave, or none. */
  level: RiskLevel
  /** Strongest first. */
  signals: LanguageSafetySignal[]
  signposts: SignpostKind[]
  /** The languages whose phrases matched, the one with most matches first. */
  languages: LanguageCode[]
}

const signpostOrder: SignpostKind[] = ['immediate-danger', 'mental-health-crisis', 'abuse']

/**
 * The sentence a rule matched in, as written, to quote to the inspector. Only matched rules ask, so sentences are
 * folded one at a time, once, and only as far as needed.
 */
class SentenceFinder {
  private readonly sentences: string[]
  private readonly folded: string[] = []

  constructor(text: string) {
    this.sentences = splitSentences(text)
  }

  find(pattern: RegExp): string {
    for (let index = 0; index < this.sentences.length; index++) {
      this.folded[index] ??= foldForMatching(this.sentences[index] as string)
      if (pattern.test(this.folded[index] as string)) return this.sentences[index] as string
    }
    // A phrase across a long sentence's cut at a comma: the first piece stands for it.
    return this.sentences[0] ?? ''
  }
}

/** Whether one rule matches a text on its own (the rule table test). */
export function languageRuleMatches(rule: LanguageSafetyRule, text: string): boolean {
  return rule.pattern.test(foldForMatching(text))
}

/** Every phrase list over the whole text: which rules fired, in which sentence, and so which help and which language. */
export function assessInOtherLanguages(text: string): LanguageSafetyFinding {
  const folded = foldForMatching(text)
  const sentences = new SentenceFinder(text)
  const signals: LanguageSafetySignal[] = []
  for (const rule of languageSafetyRules) {
    if (!rule.pattern.test(folded)) continue
    signals.push({ ruleId: rule.id, language: rule.language, level: rule.level, categories: rule.categories, signpost: rule.signpost, describes: rule.describes, sentence: sentences.find(rule.pattern) })
  }
  signals.sort((first, second) => riskLevelOrder[second.level] - riskLevelOrder[first.level])
  const counts = new Map<LanguageCode, number>()
  for (const signal of signals) counts.set(signal.language, (counts.get(signal.language) ?? 0) + 1)
  const languages = [...counts.entries()].sort((first, second) => second[1] - first[1]).map(([language]) => language)
  const kinds = new Set(signals.flatMap(signal => (signal.signpost ? [signal.signpost] : [])))
  return { level: signals[0]?.level ?? 'none', signals, signposts: signpostOrder.filter(kind => kinds.has(kind)), languages }
}
