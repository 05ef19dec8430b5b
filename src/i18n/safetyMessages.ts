/**
 * Safety signposting in each language we offer, from `locales/<code>/safety.json` through i18next. Every file says
 * whether it is machine-assisted and awaits review by a fluent speaker. English is the fallback for any missing key.
 * Loaded synchronously, so the help for danger never waits for anything.
 */
import { createInstance, type i18n } from 'i18next'
import ar from './locales/ar/safety.json'
import bn from './locales/bn/safety.json'
import cy from './locales/cy/safety.json'
import en from './locales/en/safety.json'
import es from './locales/es/safety.json'
import gu from './locales/gu/safety.json'
import lt from './locales/lt/safety.json'
import pa from './locales/pa/safety.json'
import pl from './locales/pl/safety.json'
import pt from './locales/pt/safety.json'
import ro from './locales/ro/safety.json'
import ur from './locales/ur/safety.json'
import { DEFAULT_LANGUAGE, type LanguageCode, SUPPORTED_LANGUAGES, supportedLanguage } from './languages'

export type SignpostKind = 'immediate-danger' | 'mental-health-crisis' | 'abuse'

const safetyFiles: Record<LanguageCode, typeof en> = { en, cy, pl, ro, ur, pa, bn, gu, ar, pt, es, lt }

let instance: i18n | undefined

function safetyI18n(): i18n {
  if (instance) return instance
  const created = createInstance()
  void created.init({
    initAsync: false,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: SUPPORTED_LANGUAGES.map(language => language.code),
    ns: ['safety'],
    defaultNS: 'safety',
    resources: Object.fromEntries(Object.entries(safetyFiles).map(([code, file]) => [code, { safety: file }])),
    interpolation: { escapeValue: false },
    returnObjects: true,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0])
  instance = created
  return created
}

function languageCode(code: string | undefined): LanguageCode {
  return (supportedLanguage(code)?.code ?? DEFAULT_LANGUAGE) as LanguageCode
}

/** What the chat and SMS say for each kind of help needed, in the person's language. */
export function signpostingLines(kinds: readonly SignpostKind[], language: string | undefined): string[] {
  const t = safetyI18n().getFixedT(languageCode(language), 'safety')
  return kinds.flatMap(kind => t(`signposting.${kind}`, { returnObjects: true }) as string[])
}

export interface GetHelpNow {
  lang: LanguageCode
  dir: 'ltr' | 'rtl'
  title: string
  danger: string
  mentalHealth: string
  samaritans: string
  told: string
}

/** The "Get help now" panel of the form and the API's getHelpNow lines, in the person's language. */
export function getHelpNow(language: string | undefined): GetHelpNow {
  const code = languageCode(language)
  const t = safetyI18n().getFixedT(code, 'safety')
  return {
    lang: code,
    dir: supportedLanguage(code)?.dir ?? 'ltr',
    title: t('getHelpNow.title'),
    danger: t('getHelpNow.danger'),
    mentalHealth: t('getHelpNow.mentalHealth'),
    samaritans: t('getHelpNow.samaritans'),
    told: t('getHelpNow.told'),
  }
}
