import type { RiskCategory, RiskLevel } from '../taxonomy'

export type SignpostKind = 'immediate-danger' | 'mental-health-crisis' | 'abuse'

/**
 * How a match can be cancelled by a negation just before it in the same clause ("no one hit him"):
 * `clause` looks back four words, `near` two words (for crisis statements, where we would rather signpost),
 * `none` never (the phrase already carries its negation, as in "dont want to live").
 */
export type Negation = 'clause' | 'near' | 'none'

/**
 * One safety rule. Phrases are matched against normalised text: lower case, no apostrophes, text-speak expanded,
 * clause breaks as "|". In a phrase, PERSON stands for a person ("my mum", "the residents"), SELF for "myself",
 * "herself"…, POSS for "my", "his", "their"…, and MEDS for medicines ("tablets", "sertraline", "methadone"…)
 */
export interface SafetyRuleDefinition {
  /** `<file>.<name>`, quoted in reasons and in the rule table test. */
  id: string
  /** The level a match gives before context is weighed. */
  level: RiskLevel
  categories: RiskCategory[]
  signpost?: SignpostKind
  negation: Negation
  /** Finishes "Describes …" in the reason an inspector reads. */
  describes: string
  /** Phrases end at a word boundary unless this is false (some end with a space on purpose). */
  endsAtWordBoundary?: boolean
  /** One phrase per line, tried as alternatives. */
  phrases: RegExp[]
  /**
   * Signs read together: the rule matches when phrases of at least `signsNeeded` different kinds (a goodbye, a day
   * named, the means at hand) are in one message, though each kind alone is ordinary. One phrase per line, per kind.
   */
  signs?: {
    kinds: Record<string, RegExp[]>
    signsNeeded: number
    /** Ordinary reasons for the same signs (moving house, a new service, getting better): any one in the message and the signs do not count. */
    unless: RegExp[]
  }
  /** Texts this rule must match, and texts it must not (checked by test/unit/classification/safetyRuleTable.test.ts). */
  matches: string[]
  doesNotMatch: string[]
}
