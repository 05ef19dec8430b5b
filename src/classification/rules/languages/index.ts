import { arabicRules } from './ar'
import { bengaliRules } from './bn'
import { welshRules } from './cy'
import type { LanguageSafetyRuleDefinition } from './definition'
import { spanishRules } from './es'
import { gujaratiRules } from './gu'
import { lithuanianRules } from './lt'
import { punjabiRules } from './pa'
import { polishRules } from './pl'
import { portugueseRules } from './pt'
import { romanianRules } from './ro'
import { urduRules } from './ur'

export type { LanguageSafetyRuleDefinition } from './definition'

/** The safety rules of every other language we offer, one file per language (English is the rules folder itself). */
export const languageSafetyRuleDefinitions: readonly LanguageSafetyRuleDefinition[] = [
  ...welshRules,
  ...polishRules,
  ...romanianRules,
  ...urduRules,
  ...punjabiRules,
  ...bengaliRules,
  ...gujaratiRules,
  ...arabicRules,
  ...portugueseRules,
  ...spanishRules,
  ...lithuanianRules,
]
