import pino from 'pino'
import { EmbeddedClassifier } from '../../../src/classification/embeddedClassifier'
import { MultilingualClassifier } from '../../../src/classification/multilingualClassifier'
import { OpenAiClassifier } from '../../../src/classification/openaiClassifier'
import { OpenAiTranslator } from '../../../src/classification/openaiTranslator'
import { languageIdentifier } from '../../../src/i18n/languageIdentifier'
import { eraseWords } from '../../../src/privacy/erasure'
import { OpenAiFake } from '../../fakes/openaiFake'

/** With an LLM configured: feedback not in English is translated for the inspector, and the higher reading wins. */

const quiet = pino({ level: 'silent' })
const embedded = new EmbeddedClassifier()
let fake: OpenAiFake
let classifier: MultilingualClassifier

beforeEach(async () => {
  fake = new OpenAiFake()
  const baseURL = await fake.start()
  const settings = { apiKey: 'test-key', baseURL, model: 'fake-model', timeoutMs: 2000 }
  classifier = new MultilingualClassifier(new OpenAiClassifier(settings, embedded, quiet), embedded, languageIdentifier, quiet, new OpenAiTranslator(settings, quiet))
})

afterEach(async () => {
  await fake.stop()
})

const translated = (translation: string) => ({ kind: 'content' as const, content: JSON.stringify({ translation }) })
const polishFeeding = 'Mama od trzech dni prawie nic nie je, bo nikt jej nie karmi, a personel mówi, że nie ma czasu. Schudła bardzo.'
const polishFeedingInEnglish = "Mum has eaten almost nothing for three days because nobody feeds her, and the staff say they have no time. She has lost a lot of weight."

describe('machine translation for the inspector', () => {
  it('translates, classifies the translation, and takes its urgent reading over the high floor; the original is not touched', async () => {
    fake.script(
      translated(polishFeedingInEnglish),
      OpenAiFake.classification({ themes: ['Food & drink provision & facilities'], sentiment: 5, risk: { level: 'urgent', categories: ['neglect'], reason: 'Mum is not being fed and is losing weight.' } }),
    )
    const result = await classifier.classifyFeedback(polishFeeding)
    expect(result.translation).toEqual({ text: polishFeedingInEnglish, from: 'pl', by: 'fake-model' })
    expect(result.language).toMatchObject({ code: 'pl', name: 'Polish' })
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.categories).toContain('neglect')
    expect(result.risk.reason).toMatch(/^From the machine translation of Polish: /)
    expect(result.risk.reason).toContain('a person who reads Polish is needed')
    expect(result.themes).toEqual(['Food & drink provision & facilities'])
    expect(result.classifier.name).toBe('openai+embedded+translation')
    // The first call translates the Polish; the second classifies the English.
    expect(fake.requests).toHaveLength(2)
    expect(fake.requests[0]!.body.messages![0]!.content).toContain('who does not read Polish')
    expect(fake.requests[0]!.body.messages![1]!.content).toBe(polishFeeding)
    expect(fake.requests[1]!.body.messages![1]!.content).toBe(polishFeedingInEnglish)
  })

  it('keeps the high floor when the translation reads lower, and says what the translation read', async () => {
    fake.script(
      translated('The staff at the care home are very kind and Mum is happy there. Thank you for everything.'),
      OpenAiFake.classification({ themes: ['Staff manner & personal attributes'], sentiment: 1, risk: { level: 'none', categories: [], reason: 'Praise for the staff.' } }),
    )
    const result = await classifier.classifyFeedback('Personel domu opieki jest bardzo miły, a mama jest tam szczęśliwa. Dziękuję za wszystko.')
    expect(result.risk.level).toBe('high')
    expect(result.risk.reason).toMatch(/a person who reads Polish is needed.*The machine translation reads none\.$/)
    expect(result.translation?.text).toContain('very kind')
  })

  it('keeps urgent from a Polish phrase when the translation reads it as calm', async () => {
    fake.script(
      translated('My mum has bruises.'),
      OpenAiFake.classification({ themes: ['Not assigned'], sentiment: 3, risk: { level: 'low', categories: [], reason: 'Unclear.' } }),
    )
    const result = await classifier.classifyFeedback('Moja mama ma siniaki… Boję się, że ktoś ją bije')
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.reason).toContain('pl.physical-abuse')
  })

  it('sends only redacted text to be translated', async () => {
    fake.script(translated('Mum has bruises. My phone is [phone], email [email].'), OpenAiFake.classification({ themes: ['Not assigned'], sentiment: 4, risk: { level: 'high', categories: [], reason: 'Bruises.' } }))
    await classifier.classifyFeedback('Moja mama ma siniaki. Mój telefon to 07700 900123, email anna.kowalska@example.com.')
    const sent = JSON.stringify(fake.requests.map(request => request.body.messages))
    expect(sent).not.toMatch(/07700|900123|anna\.kowalska/)
    expect(sent).toContain('siniaki')
  })

  it('still rates high, with help and no translation, when the LLM is down', async () => {
    fake.script({ kind: 'status', status: 500 })
    const result = await classifier.classifyFeedback('Mae gan fy mam gleisiau ar ei breichiau ac mae hi\'n ofnus.')
    expect(result.translation).toBeUndefined()
    expect(result.risk.level).not.toMatch(/none|low|medium/)
    expect(result.risk.reason).toContain('a person who reads Welsh is needed')
  })

  it('does not translate English', async () => {
    fake.script(OpenAiFake.classification({ themes: ['Staff manner & personal attributes'], sentiment: 4, risk: { level: 'medium', categories: [], reason: 'Rude staff.' } }))
    const result = await classifier.classifyFeedback('The receptionist was rude to my dad and would not listen to him at all.')
    expect(fake.requests).toHaveLength(1)
    expect(result.translation).toBeUndefined()
    expect(result.language?.code).toBe('en')
  })
})

describe('erasure at the person\'s request', () => {
  it('removes the machine translation with their words, and keeps which language it was', () => {
    const erased = eraseWords(
      { story: 'Moja mama ma siniaki.', classification: { language: { code: 'pl', name: 'Polish', from: 'identified', classifierReads: false }, translation: { text: 'My mum has bruises.', from: 'pl', by: 'fake-model' } } },
      'erased',
    ) as { story: string; classification: { language: unknown; translation: { text: string } } }
    expect(erased.story).toBe('erased')
    expect(erased.classification.translation.text).toBe('erased')
    expect(erased.classification.language).toEqual({ code: 'pl', name: 'Polish', from: 'identified', classifierReads: false })
  })
})
