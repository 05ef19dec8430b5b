import { type LanguageIdentifier, languageIdentifier } from '../i18n/languageIdentifier'
import { type LanguageCode, supportedLanguage } from '../i18n/languages'
import { assessInOtherLanguages } from './multilingualSafety'
import type { SignpostKind } from './rules'

const order: SignpostKind[] = ['immediate-danger', 'mental-health-crisis', 'abuse']

/** cld3 once loaded (it compiles in the background): signposting never waits for it, and uses it once it is there. */
let loadedIdentifier: LanguageIdentifier | undefined
let loading = false
function identifierIfLoaded(): LanguageIdentifier | undefined {
  if (!loading) {
    loading = true
    languageIdentifier().then(
      identifier => (loadedIdentifier = identifier),
      () => undefined,
    )
  }
  return loadedIdentifier
}

export interface Signposting {
  kinds: SignpostKind[]
  /** The language to signpost in: the one the person chose, else the one they wrote in when we offer it, else English. */
  language: LanguageCode
}

/**
 * Which help a message needs now, and in which language, for every channel. English rules (given as `englishKinds`)
 * and every other language's phrase lists are read at once, before any language is chosen.
 */
export function signpostingIn(text: string, englishKinds: readonly SignpostKind[], chosen?: string): Signposting {
  const finding = assessInOtherLanguages(text)
  const found = new Set<SignpostKind>([...englishKinds, ...finding.signposts])
  const kinds = order.filter(kind => found.has(kind))
  const chosenLanguage = supportedLanguage(chosen)?.code as LanguageCode | undefined
  if (chosenLanguage) return { kinds, language: chosenLanguage }
  const identified = kinds.length > 0 ? identifierIfLoaded()?.identify(text) : undefined
  const identifiedLanguage = identified?.reliable && identified.code !== 'en' ? (supportedLanguage(identified.code)?.code as LanguageCode | undefined) : undefined
  return { kinds, language: identifiedLanguage ?? finding.languages[0] ?? 'en' }
}
