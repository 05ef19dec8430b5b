/**
 * The languages the service offers, in one place. Message files live in `src/i18n/locales/<code>/`.
 * `classifierReads` says whether the embedded classifier was trained on text in that language: feedback
 * in any other language needs a person (or a translation) before its risk can be trusted.
 */
export type TextDirection = 'ltr' | 'rtl'

export interface SupportedLanguage {
  /** BCP 47 code, also the i18next language and the HTML `lang` value. */
  code: string
  englishName: string
  /** The name as its speakers write it: what we show and what a person may type to choose it. */
  nativeName: string
  dir: TextDirection
  classifierReads: boolean
}

export const SUPPORTED_LANGUAGES = [
  { code: 'en', englishName: 'English', nativeName: 'English', dir: 'ltr', classifierReads: true },
  { code: 'cy', englishName: 'Welsh', nativeName: 'Cymraeg', dir: 'ltr', classifierReads: false },
  { code: 'pl', englishName: 'Polish', nativeName: 'Polski', dir: 'ltr', classifierReads: false },
  { code: 'ro', englishName: 'Romanian', nativeName: 'Română', dir: 'ltr', classifierReads: false },
  { code: 'ur', englishName: 'Urdu', nativeName: 'اردو', dir: 'rtl', classifierReads: false },
  { code: 'pa', englishName: 'Punjabi', nativeName: 'ਪੰਜਾਬੀ', dir: 'ltr', classifierReads: false },
  { code: 'bn', englishName: 'Bengali', nativeName: 'বাংলা', dir: 'ltr', classifierReads: false },
  { code: 'gu', englishName: 'Gujarati', nativeName: 'ગુજરાતી', dir: 'ltr', classifierReads: false },
  { code: 'ar', englishName: 'Arabic', nativeName: 'العربية', dir: 'rtl', classifierReads: false },
  { code: 'pt', englishName: 'Portuguese', nativeName: 'Português', dir: 'ltr', classifierReads: false },
  { code: 'es', englishName: 'Spanish', nativeName: 'Español', dir: 'ltr', classifierReads: false },
  { code: 'lt', englishName: 'Lithuanian', nativeName: 'Lietuvių', dir: 'ltr', classifierReads: false },
] as const satisfies readonly SupportedLanguage[]

export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number]['code']

export const DEFAULT_LANGUAGE: LanguageCode = 'en'

const byCode = new Map<string, SupportedLanguage>(SUPPORTED_LANGUAGES.map((language) => [language.code, language]))

export function supportedLanguage(code: string | undefined): SupportedLanguage | undefined {
  return code === undefined ? undefined : byCode.get(code.toLowerCase().split('-')[0] ?? '')
}

export function isSupportedLanguage(code: string | undefined): code is LanguageCode {
  return supportedLanguage(code) !== undefined
}
