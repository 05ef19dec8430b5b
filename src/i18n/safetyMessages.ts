/**
 * Safety signposting in each language we offer, from `locales/<code>/safety.json` through i18next. Every file says
 * whether it is machine-assisted and awaits review by a fluent speaker. English is the fallback for any missing key.
 * The files are read synchronously with the rest (messages.ts), so the help for danger never waits for anything.
 */
import { type LanguageCode, supportedLanguage } from './languages'
import { languageOrDefault, translatorFor } from './messages'

export type SignpostKind = 'immediate-danger' | 'mental-health-crisis' | 'abuse'

/** What the chat and SMS say for each kind of help needed, in the person's language. */
export function signpostingLines(kinds: readonly SignpostKind[], language: string | undefined): string[] {
  const t = translatorFor(languageOrDefault(language), 'safety')
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
  const code = languageOrDefault(language)
  const t = translatorFor(code, 'safety')
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
