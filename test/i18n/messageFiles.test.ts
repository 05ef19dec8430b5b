import { readMessageFiles } from '../../src/i18n/messages'
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages'
import { recogniseChoice } from '../../src/conversation/choiceRecognition'
import { wordingFor } from '../../dialogs/wording'
import { recogniseInterruption } from '../../dialogs/understanding'
import { recogniseLanguageRequest } from '../../dialogs/languageChoice'

/**
 * Every language's message files have every message the English files have, with the same placeholders, so
 * nobody is ever shown a message in English or a raw {{placeholder}} by mistake. Choices keep the same values
 * in the same order (the numbers people type must mean the same thing in every language).
 */
const files = readMessageFiles()
const english = files.en

type Leaf = { path: string; placeholders: string[] }

/** Messages as leaves: a string, or an array of strings (lines, whose count may differ by language). */
function leavesOf(value: unknown, path = ''): Leaf[] {
  if (typeof value === 'string') return [{ path, placeholders: placeholdersIn(value) }]
  if (Array.isArray(value) && value.every(item => typeof item === 'string')) {
    return [{ path, placeholders: [...new Set(value.flatMap(placeholdersIn))].sort() }]
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => leavesOf(item, `${path}[${index}]`))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      // Synonyms are each language's own and optional; command words are each language's own, but every command has a list.
      key === '_meta' || key === 'synonyms' ? [] : path === 'commands' ? [{ path: `${path}.${key}`, placeholders: [] }] : leavesOf(item, path ? `${path}.${key}` : key),
    )
  }
  return [{ path, placeholders: [] }]
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map(match => match[1]).sort()
}

function choiceValues(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => choiceValues(item, `${path}[${index}]`))
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.value === 'string') return [`${path}=${record.value}`]
    return Object.entries(record).flatMap(([key, item]) => choiceValues(item, `${path}.${key}`))
  }
  return []
}

const others = SUPPORTED_LANGUAGES.filter(language => language.code !== 'en')

describe('message files', () => {
  test('there is a folder for every supported language, with the namespaces every language must have', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      expect({ language: language.code, namespaces: Object.keys(files[language.code] ?? {}) }).toEqual({
        language: language.code,
        namespaces: expect.arrayContaining(['bot', 'pages']),
      })
    }
  })

  test.each(others.map(language => [language.englishName, language.code] as const))('%s has every English message, with the same placeholders', (_name, code) => {
    for (const [namespace, content] of Object.entries(files[code] ?? {})) {
      if (namespace === 'easyRead' || namespace === 'safety') continue
      const theirs = new Map(leavesOf(content).map(leaf => [leaf.path, leaf.placeholders]))
      const missing = leavesOf(english[namespace]).filter(leaf => !theirs.has(leaf.path)).map(leaf => leaf.path)
      expect({ code, namespace, missing }).toEqual({ code, namespace, missing: [] })
      const wrongPlaceholders = leavesOf(english[namespace])
        .filter(leaf => theirs.has(leaf.path) && theirs.get(leaf.path)!.join() !== leaf.placeholders.join())
        .map(leaf => `${leaf.path}: ${theirs.get(leaf.path)!.join()} instead of ${leaf.placeholders.join()}`)
      expect({ code, namespace, wrongPlaceholders }).toEqual({ code, namespace, wrongPlaceholders: [] })
    }
    for (const namespace of ['bot', 'pages']) expect(files[code][namespace]).toBeDefined()
    expect(choiceValues(files[code].bot.choices)).toEqual(choiceValues(english.bot.choices))
  })

  test.each(SUPPORTED_LANGUAGES.map(language => [language.englishName, language.code] as const))('%s: each file says whether it was machine-assisted and awaits review', (_name, code) => {
    for (const [namespace, content] of Object.entries(files[code])) {
      const meta = content._meta as { machineAssisted?: boolean; note?: string } | undefined
      expect({ namespace, machineAssisted: typeof meta?.machineAssisted, note: typeof meta?.note }).toEqual({ namespace, machineAssisted: 'boolean', note: 'string' })
      if (code !== 'en') expect(meta?.note).toMatch(/fluent speaker/)
    }
  })

  test('easy read in another language uses that language, never English easy read', () => {
    for (const language of others) {
      const easy = wordingFor(true, language.code)
      const standard = wordingFor(false, language.code)
      expect(easy.askRole).toBe(standard.askRole)
      expect(easy.welcome.join(' ')).not.toBe(wordingFor(true, 'en').welcome.join(' '))
    }
  })
})

describe('choices and commands in every language', () => {
  test.each(SUPPORTED_LANGUAGES.map(language => [language.englishName, language.code] as const))('%s: each choice by its label, by number (also in its own digits), and in English', (_name, code) => {
    const words = wordingFor(false, code)
    words.overallChoices.forEach((choice, index) => {
      expect(recogniseChoice(choice.label, words.overallChoices)?.value).toBe(choice.value)
      expect(recogniseChoice(String(index + 1), words.overallChoices)?.value).toBe(choice.value)
    })
    expect(recogniseChoice('bad', words.overallChoices)?.value).toBe('bad')
    expect(recogniseChoice(words.yesNoChoices[0].label, words.yesNoChoices)?.value).toBe('yes')
    expect(recogniseChoice('no', words.yesNoChoices)?.value).toBe('no')
  })

  test('digits in Urdu, Arabic, Bengali, Gujarati and Punjabi script are numbers', () => {
    const choices = wordingFor(false, 'ur').overallChoices
    for (const two of ['۲', '٢', '২', '૨', '੨']) expect(recogniseChoice(two, choices)?.value).toBe('bad')
  })

  test('a language is asked for by its own name, its English name, or a name its file lists', () => {
    expect(recogniseLanguageRequest('Polski')).toBe('pl')
    expect(recogniseLanguageRequest('po polsku')).toBe('pl')
    expect(recogniseLanguageRequest('Cymraeg')).toBe('cy')
    expect(recogniseLanguageRequest('Welsh please')).toBe('cy')
    expect(recogniseLanguageRequest('اردو')).toBe('ur')
    expect(recogniseLanguageRequest('in English')).toBe('en')
    for (const language of SUPPORTED_LANGUAGES) expect(recogniseLanguageRequest(language.nativeName)).toBe(language.code)
    expect(recogniseLanguageRequest('My mum speaks Polish and the carers do not')).toBeUndefined()
  })

  test('commands in the conversation language are understood, and English ones still are', () => {
    expect(recogniseInterruption('pomoc', wordingFor(false, 'pl').commands)).toBe('help')
    expect(recogniseInterruption('dechrau eto', wordingFor(false, 'cy').commands)).toBe('startAgain')
    expect(recogniseInterruption('مدد', wordingFor(false, 'ur').commands)).toBe('help')
    expect(recogniseInterruption('help', wordingFor(false, 'ur').commands)).toBe('help')
  })
})
