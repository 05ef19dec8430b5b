import type { LanguageCode } from '../../../i18n/languages'
import type { SafetyRuleDefinition } from '../definition'

/**
 * A safety rule in a language other than English: the same rules-as-data as the English rules, with the language it
 * reads. Phrases are written as the language is written (with its letters and accents); a text typed without the
 * accents ("boje sie") matches too, because both sides are folded alike (see foldForMatching). In a phrase `\w` is
 * any letter of any script, so `\w*` after a stem takes every ending ("siniak\w*": siniak, siniaki, siniakami).
 * Punctuation, hyphens and apostrophes read as spaces, so write "matá la", not "matá-la". A phrase starts at the start of a word and ends at the end of one; Arabic-script rules list the attached prefixes
 * they allow. Negation is not weighed: in a language we cannot read, we would rather signpost and have a person look.
 */
export interface LanguageSafetyRuleDefinition extends Omit<SafetyRuleDefinition, 'negation' | 'endsAtWordBoundary'> {
  language: LanguageCode
}
