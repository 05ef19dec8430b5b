import fs from 'node:fs'
import path from 'node:path'
import pino from 'pino'
import { signpostingFor } from '../../../src/classification'
import { EmbeddedClassifier } from '../../../src/classification/embeddedClassifier'
import { feedbackLanguageOf } from '../../../src/classification/languageFloor'
import { MultilingualClassifier } from '../../../src/classification/multilingualClassifier'
import { assessInOtherLanguages, foldForMatching, languageRuleMatches, languageSafetyRules } from '../../../src/classification/multilingualSafety'
import { riskLevelOrder } from '../../../src/classification/taxonomy'
import { languageIdentifier } from '../../../src/i18n/languageIdentifier'
import { SUPPORTED_LANGUAGES } from '../../../src/i18n/languages'
import { signpostingLines } from '../../../src/i18n/safetyMessages'
import { calmMessageIn, urgentConcernIn } from './multilingualConcerns'

const embedded = new EmbeddedClassifier()
const classifier = new MultilingualClassifier(embedded, embedded, languageIdentifier, pino({ level: 'silent' }))
const otherLanguages = SUPPORTED_LANGUAGES.filter(language => language.code !== 'en')

describe('every other language\'s safety rules, on their own examples', () => {
  it('have unique ids, and examples they must and must not match', () => {
    const ids = languageSafetyRules.map(rule => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of languageSafetyRules) expect({ id: rule.id, matches: rule.matches.length > 0, doesNotMatch: rule.doesNotMatch.length > 0 }).toEqual({ id: rule.id, matches: true, doesNotMatch: true })
  })

  it.each(otherLanguages.map(language => [language.englishName, language.code]))('%s has phrase lists for danger, abuse and crisis', (_name, code) => {
    const kinds = new Set(languageSafetyRules.filter(rule => rule.language === code).map(rule => rule.signpost))
    expect([...kinds].sort()).toEqual(['abuse', 'immediate-danger', 'mental-health-crisis'])
  })

  const cases = languageSafetyRules.flatMap(rule => [
    ...rule.matches.map(text => [rule.id, 'matches', text, true] as const),
    ...rule.doesNotMatch.map(text => [rule.id, 'does not match', text, false] as const),
  ])
  it.each(cases)('%s %s %j', (id, _kind, text, expected) => {
    const rule = languageSafetyRules.find(candidate => candidate.id === id)
    expect(rule && languageRuleMatches(rule, text)).toBe(expected)
  })
})

describe('reading other languages as people type them', () => {
  it('matches Polish typed without its accents, and Arabic typed with Urdu letters', () => {
    expect(assessInOtherLanguages('moja mama ma siniaki, boje sie ze ktos ja bije').signals.map(signal => signal.ruleId)).toEqual(expect.arrayContaining(['pl.physical-abuse', 'pl.injuries']))
    // ی and ک from an Urdu keyboard for ي and ك.
    expect(assessInOtherLanguages('امی پر کدمات ہیں').signals.map(signal => signal.ruleId)).toContain('ar.injuries')
  })

  it('matches Welsh words after a mutation', () => {
    for (const text of ['Mae hi\'n cael ei churo', 'Maen nhw\'n ei guro fe', 'mae\'n fy nghuro i']) expect(assessInOtherLanguages(text).signals.map(signal => signal.ruleId)).toContain('cy.physical-abuse')
  })

  it('folds accents, marks and zero-width joiners but keeps Indic vowel signs', () => {
    expect(foldForMatching('Boję SIĘ!')).toBe(' boje sie | ')
    expect(foldForMatching('ਵਿੱਚ')).toBe(foldForMatching('ਵਿਚ'))
    expect(foldForMatching('কালশিটে')).toContain('কালশিটে')
  })

  it('finds nothing in any of the English feedback the classifier is trained and tested on', () => {
    const folders = ['src/classification/training/examples', 'test/classification/fixtures']
    const matched: string[] = []
    let texts = 0
    for (const folder of folders) {
      for (const file of fs.readdirSync(folder).filter(name => name.endsWith('.jsonl'))) {
        for (const line of fs.readFileSync(path.join(folder, file), 'utf8').split('\n').filter(Boolean)) {
          const { text } = JSON.parse(line) as { text: string }
          texts++
          const finding = assessInOtherLanguages(text)
          if (finding.signals.length) matched.push(`${finding.signals.map(signal => signal.ruleId).join(',')}: ${text}`)
        }
      }
    }
    expect(texts).toBeGreaterThan(1000)
    expect(matched).toEqual([])
  })
})

describe('signposting text in every language', () => {
  it.each(SUPPORTED_LANGUAGES.map(language => [language.englishName, language.code]))('%s gives the UK numbers, and says if it awaits review', (_name, code) => {
    const file = JSON.parse(fs.readFileSync(path.join('src/i18n/locales', code, 'safety.json'), 'utf8')) as { _meta: { machineAssisted: boolean; note: string } }
    if (code !== 'en') expect(file._meta).toEqual({ machineAssisted: true, note: expect.stringMatching(/Machine-assisted translation: awaits review by a fluent speaker/), reviewedBy: null })
    const lines = signpostingLines(['immediate-danger', 'mental-health-crisis', 'abuse'], code)
    expect(lines).toHaveLength(3)
    expect(lines.join(' ')).toEqual(expect.stringContaining('999'))
    expect(lines.join(' ')).toEqual(expect.stringContaining('111'))
    expect(lines.join(' ')).toEqual(expect.stringContaining('116 123'))
    if (code !== 'en') expect(lines).not.toEqual(signpostingLines(['immediate-danger', 'mental-health-crisis', 'abuse'], 'en'))
  })
})

describe('an urgent concern in each language, with no LLM configured', () => {
  beforeAll(async () => {
    // Signposting uses cld3 once it has loaded, and never waits for it.
    await languageIdentifier()
  })

  it.each(SUPPORTED_LANGUAGES.map(language => [language.englishName, language.code] as const))('%s: signposting in that language, and at least high', async (name, code) => {
    const text = urgentConcernIn[code]
    const signposting = signpostingFor(text)
    expect(signposting).toEqual({ kinds: expect.arrayContaining(['abuse']), language: code })
    const result = await classifier.classifyFeedback(text)
    expect(riskLevelOrder[result.risk.level]).toBeGreaterThanOrEqual(riskLevelOrder.high)
    // Ongoing abuse of someone in care: urgent, as in English.
    expect(result.risk.level).toBe('urgent')
    expect(result.language).toMatchObject({ code })
    if (code !== 'en') expect(result.risk.reason).toMatch(new RegExp(`^Written in ${name}, which the embedded classifier cannot read: a person who reads ${name} is needed`))
  })

  it.each(otherLanguages.map(language => [language.englishName, language.code] as const))('%s: danger now and a crisis get their own help, in that language', (_name, code) => {
    for (const [ruleName, kind] of [['immediate-danger', 'immediate-danger'], ['risk-to-life', 'mental-health-crisis']] as const) {
      const rule = languageSafetyRules.find(candidate => candidate.id === `${code}.${ruleName}`)!
      for (const text of rule.matches) expect({ text, ...signpostingFor(text) }).toEqual({ text, kinds: expect.arrayContaining([kind]), language: code })
    }
  })

  it('the example from the issue: Polish signposting, and urgent for ongoing abuse', async () => {
    const text = 'Moja mama ma siniaki… Boję się, że ktoś ją bije'
    expect(signpostingFor(text).language).toBe('pl')
    const result = await classifier.classifyFeedback(text)
    expect(result.risk).toMatchObject({ level: 'urgent', categories: expect.arrayContaining(['physical']) })
    expect(result.risk.reason).toContain('Written in Polish')
    expect(result.risk.reason).toContain('pl.physical-abuse')
  })
})

describe('the language floor', () => {
  it.each(Object.entries(calmMessageIn))('a calm message in %s is still high: nobody here can read it yet', async (code, text) => {
    const result = await classifier.classifyFeedback(text as string)
    expect(result.risk.level).toBe('high')
    expect(result.language?.code).toBe(code)
    expect(result.risk.reason).toMatch(/a person who reads .+ is needed/)
    expect(signpostingFor(text as string).kinds).toEqual([])
  })

  it('names a language we do not offer, too', async () => {
    const result = await classifier.classifyFeedback('Les infirmières sont très gentilles avec ma mère, mais la nourriture est souvent froide.')
    expect(result.risk.level).toBe('high')
    expect(result.risk.reason).toContain('Written in French')
  })

  it('leaves English alone: calm stays calm, and the language is English', async () => {
    const result = await classifier.classifyFeedback('The nurses were kind to my mum and explained everything. The food was a bit cold.')
    expect(riskLevelOrder[result.risk.level]).toBeLessThan(riskLevelOrder.high)
    expect(result.language?.code).toBe('en')
    expect(result.risk.reason).not.toContain('Written in')
  })

  it('reads none of the English feedback the classifier is trained and tested on as another language', async () => {
    const identifier = await languageIdentifier()
    const notEnglish: string[] = []
    for (const folder of ['src/classification/training/examples', 'test/classification/fixtures']) {
      for (const file of fs.readdirSync(folder).filter(name => name.endsWith('.jsonl'))) {
        for (const line of fs.readFileSync(path.join(folder, file), 'utf8').split('\n').filter(Boolean)) {
          const { text } = JSON.parse(line) as { text: string }
          const language = feedbackLanguageOf(text, identifier.identify(text), assessInOtherLanguages(text))
          if (language && language.code !== 'en') notEnglish.push(`${language.code}: ${text}`)
        }
      }
    }
    expect(notEnglish).toEqual([])
  })

  it('does not floor short English that cld3 misreads', async () => {
    for (const text of ['no complaints', 'Lovely dentist, explained everything, no pushy upselling.', 'Bit slow on the phones.']) {
      expect({ text, level: (await classifier.classifyFeedback(text)).risk.level }).toEqual({ text, level: expect.not.stringMatching(/high|urgent/) })
    }
  })
})
