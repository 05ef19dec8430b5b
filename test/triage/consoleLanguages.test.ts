import { feedbackModel } from '../../src/data/models/feedback'
import type { RunningService } from '../../src/service'
import { OpenAiFake } from '../fakes/openaiFake'
import { startTestService } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'
import { ConsoleClient } from './consoleClient'

/** Inspectors see the language, the person's own words and any machine translation; the queue filters by language. */

let service: RunningService
let fake: OpenAiFake
let inspector: ConsoleClient

const polish = 'Mama od trzech dni prawie nic nie je, bo nikt jej nie karmi. Personel mówi, że nie ma czasu.'
const polishInEnglish = 'Mum has eaten almost nothing for three days because nobody feeds her. The staff say they have no time.'
const welsh = 'Mae\'r staff yn y cartref gofal yn garedig iawn ac mae Mam yn hapus yno. Diolch yn fawr am bopeth.'
const english = 'The staff at the care home were kind and the food was good. Thank you.'
const translated = (translation: string) => ({ kind: 'content' as const, content: JSON.stringify({ translation }) })
let references: Record<'pl' | 'cy' | 'en', string>

beforeAll(async () => {
  fake = new OpenAiFake()
  service = await startTestService({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: await fake.start(), OPENAI_MODEL: 'fake-model' })
  const created = await service.services.users.create(`inspector.${Date.now()}@example.gov.uk`, 'inspector')
  inspector = new ConsoleClient(service.url)
  expect((await inspector.signIn(created.email, created.password)).status).toBe(303)

  async function submit(text: string, ...replies: Parameters<OpenAiFake['script']>) {
    fake.script(...replies)
    const response = await fetch(`${service.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Sunny Days Care Home' }, text, contact: { method: 'email', email: 'person@example.com' } }),
    })
    const { reference } = (await response.json()) as { reference: string }
    expect(await waitUntil(async () => Boolean((await feedbackModel(service.services.connection).findOne({ reference }).lean())?.triage?.routedAt))).toBe(true)
    return reference
  }
  references = {
    pl: await submit(polish, translated(polishInEnglish), OpenAiFake.classification({ themes: ['Food & drink provision & facilities'], sentiment: 5, risk: { level: 'urgent', categories: ['neglect'], reason: 'Mum is not being fed.' } })),
    cy: await submit(welsh, translated('The staff at the care home are very kind and Mum is happy there. Thank you very much for everything.'), OpenAiFake.classification({ themes: ['Staff manner & personal attributes'], sentiment: 1, risk: { level: 'none', categories: [], reason: 'Praise.' } })),
    en: await submit(english, OpenAiFake.classification({ themes: ['Staff manner & personal attributes'], sentiment: 1, risk: { level: 'none', categories: [], reason: 'Praise.' } })),
  }
})

afterAll(async () => {
  await service?.stop()
  await fake?.stop()
})

describe('the case page', () => {
  it('shows the language, the person\'s own words marked as Polish, and the machine translation marked as such', async () => {
    const page = await inspector.get(`/console/cases/${references.pl}`)
    expect(page.status).toBe(200)
    expect(page.html).toContain('Written in Polish')
    expect(page.html).toMatch(/<div class="govuk-inset-text" id="original-words" lang="pl" dir="auto"><p class="govuk-body">Mama od trzech dni/)
    expect(page.html).toContain('Machine translation into English')
    expect(page.html).toMatch(/id="machine-translation" lang="en"><p class="govuk-body">Mum has eaten almost nothing/)
    expect(page.html).toContain('Translated automatically by fake-model')
    expect(page.html).toContain('Urgent')
    expect(page.html).toContain('Add a draft translation into Polish')
  })

  it('says nothing about language for English, and offers no translation', async () => {
    const page = await inspector.get(`/console/cases/${references.en}`)
    expect(page.html).not.toContain('Written in')
    expect(page.html).not.toContain('Machine translation into English')
    expect(page.html).not.toContain('Add a draft translation')
  })

  it('gives the API the language and the translation beside the original', async () => {
    const created = await service.services.users.create(`api.${Date.now()}@example.gov.uk`, 'inspector')
    const response = await fetch(`${service.url}/api/cases/${references.pl}`, { headers: { Authorization: `Bearer ${created.token}` } })
    const body = (await response.json()) as { story: string; classification: { language: { code: string }; translation: { text: string; by: string } } }
    expect(body.story).toBe(polish)
    expect(body.classification.language.code).toBe('pl')
    expect(body.classification.translation).toMatchObject({ text: polishInEnglish, by: 'fake-model' })
  })
})

describe('the queue', () => {
  const shown = (html: string) => Object.entries(references).filter(([, reference]) => html.includes(`data-reference="${reference}"`)).map(([code]) => code).sort()

  it('filters by language, and by any language but English', async () => {
    expect(shown((await inspector.get('/console?status=all&language=pl')).html)).toEqual(['pl'])
    expect(shown((await inspector.get('/console?status=all&language=cy')).html)).toEqual(['cy'])
    expect(shown((await inspector.get('/console?status=all&language=not-en')).html)).toEqual(['cy', 'pl'])
    expect(shown((await inspector.get('/console?status=all')).html)).toEqual(['cy', 'en', 'pl'])
  })

  it('names the language on each row, and finds a case by words of its translation', async () => {
    const queue = await inspector.get('/console?status=all&language=not-en')
    expect(queue.html).toContain('written in Polish')
    expect(queue.html).toContain('<option value="ur">Urdu</option>')
    expect(shown((await inspector.get('/console?status=all&q=nobody+feeds')).html)).toEqual(['pl'])
  })

  it('says kindly when the language filter cannot be read', async () => {
    const queue = await inspector.get('/console?language=Polish%21')
    expect(queue.status).toBe(200)
    expect(queue.html).toContain('is not a language code')
  })
})

describe('a reply in the person\'s language', () => {
  it('adds a machine translation above the inspector\'s English, from redacted text, for them to check before sending', async () => {
    const page = await inspector.get(`/console/cases/${references.pl}`)
    fake.script(translated('Zajmujemy się tym dzisiaj. Zadzwoń do nas pod [phone].'))
    const before = fake.requests.length
    const drafted = await inspector.post(`/console/cases/${references.pl}/responses/draft`, {
      _csrf: ConsoleClient.csrfTokenIn(page.html),
      text: 'We are looking into this today. Call us on 07700 900123.',
      easyReadText: '',
      translate: 'yes',
    })
    expect(drafted.status).toBe(200)
    expect(drafted.html).toContain('A machine translation into Polish was added above your English. Check it with someone who reads Polish before you send it.')
    expect(drafted.html).toMatch(/<textarea[^>]*id="text"[^>]*>Zajmujemy się tym dzisiaj\. Zadzwoń do nas pod \[phone\]\.\n\nWe are looking into this today\. Call us on 07700 900123\.<\/textarea>/)
    const sent = JSON.stringify(fake.requests.slice(before).map(request => request.body.messages))
    expect(sent).toContain('into Polish')
    expect(sent).not.toContain('07700')
    // Nothing is sent until the inspector presses Send.
    expect((await feedbackModel(service.services.connection).findOne({ reference: references.pl }).lean())?.updates).toEqual([])
  })

  it('keeps the English when the translation fails', async () => {
    const page = await inspector.get(`/console/cases/${references.pl}`)
    fake.script({ kind: 'status', status: 500 })
    const drafted = await inspector.post(`/console/cases/${references.pl}/responses/draft`, { _csrf: ConsoleClient.csrfTokenIn(page.html), text: 'We are looking into this today.', easyReadText: '', translate: 'yes' })
    expect(drafted.html).toContain('A translation could not be made just now. Your English is kept below.')
    expect(drafted.html).toMatch(/<textarea[^>]*id="text"[^>]*>We are looking into this today\.<\/textarea>/)
  })
})
