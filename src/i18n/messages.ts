/**
 * Everything the service says to the public, read from message files: `locales/<code>/<namespace>.json`,
 * one folder per language in `languages.ts`, English the source. i18next does the look-ups, interpolation
 * and the fall-back to English; each file's `_meta` says whether it still awaits review by a fluent speaker.
 */
import fs from 'node:fs'
import path from 'node:path'
import i18next, { type i18n, type TFunction } from 'i18next'
import { DEFAULT_LANGUAGE, type LanguageCode, SUPPORTED_LANGUAGES, supportedLanguage } from './languages'

export const localesDir = path.join(__dirname, 'locales')

export type MessageFiles = Record<string, Record<string, Record<string, unknown>>>

/** Every message file, by language code and namespace (the file name without `.json`). */
export function readMessageFiles(dir = localesDir): MessageFiles {
  const files: MessageFiles = {}
  for (const language of SUPPORTED_LANGUAGES) {
    const folder = path.join(dir, language.code)
    if (!fs.existsSync(folder)) continue
    files[language.code] = {}
    for (const name of fs.readdirSync(folder).filter(file => file.endsWith('.json'))) {
      files[language.code][name.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as Record<string, unknown>
    }
  }
  return files
}

let instance: i18n | undefined

/** One i18next instance per process, initialised synchronously from the files (they are small). */
export function messages(): i18n {
  if (instance) return instance
  const files = readMessageFiles()
  const created = i18next.createInstance()
  void created.init({
    resources: files,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: SUPPORTED_LANGUAGES.map(language => language.code),
    ns: [...new Set(Object.values(files).flatMap(namespaces => Object.keys(namespaces)))],
    defaultNS: 'bot',
    initAsync: false,
    returnNull: false,
    // Messages go out as plain text or through nunjucks, which escapes: i18next must not escape them too.
    interpolation: { escapeValue: false },
  })
  instance = created
  return created
}

/** A supported language code for whatever a client or a record says, English when unknown. */
export function languageOrDefault(code: string | undefined | null): LanguageCode {
  return (supportedLanguage(code ?? undefined)?.code as LanguageCode | undefined) ?? DEFAULT_LANGUAGE
}

export function translatorFor(language: string, namespace = 'bot'): TFunction {
  return messages().getFixedT(languageOrDefault(language), namespace)
}

/** Whether a language's own file has this key (no fall-back to English). */
export function hasOwnMessage(language: string, namespace: string, key: string): boolean {
  return messages().getResource(languageOrDefault(language), namespace, key) !== undefined
}
