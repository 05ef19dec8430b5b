import pino from 'pino'
import { EmbeddedClassifier } from '../../../src/classification/embeddedClassifier'
import { OpenAiClassifier } from '../../../src/classification/openaiClassifier'
import { type FakeReply, OpenAiFake } from '../../fakes/openaiFake'

const quiet = pino({ level: 'silent' })
const embedded = new EmbeddedClassifier()
const validOutput = {
  themes: ['Staff manner & personal attributes'],
  sentiment: 4,
  risk: { level: 'medium', categories: [], reason: 'The writer says staff were rude.' },
}

describe('OpenAI classifier', () => {
  let fake: OpenAiFake
  let baseURL: string
  let clock: number

  const classifier = (overrides: { timeoutMs?: number; failureThreshold?: number } = {}): OpenAiClassifier =>
    new OpenAiClassifier(
      { apiKey: 'test-key', baseURL, model: 'fake-model', timeoutMs: overrides.timeoutMs ?? 2000, failureThreshold: overrides.failureThreshold ?? 3, coolDownMs: 60_000, now: () => clock },
      embedded,
      quiet,
    )

  beforeEach(async () => {
    fake = new OpenAiFake()
    baseURL = await fake.start()
    clock = 0
  })

  afterEach(async () => {
    await fake.stop()
  })

  it('uses the model answer when it is valid, and says so', async () => {
    fake.script(OpenAiFake.classification(validOutput))
    const result = await classifier().classifyFeedback('The staff were rude to me')
    expect(result.themes).toEqual(['Staff manner & personal attributes'])
    expect(result.sentiment).toBe(4)
    expect(result.classifier).toEqual({ name: 'openai+embedded', version: expect.stringMatching(/^fake-model\+fft-v6/) })
  })

  it('sends only redacted text', async () => {
    fake.script(OpenAiFake.classification(validOutput))
    await classifier().classifyFeedback('My name is Joan Smith, NHS number 943 476 5919, phone 07700 900123. Staff were rude.')
    const sent = JSON.stringify(fake.requests[0]?.body.messages)
    expect(sent).not.toMatch(/Joan|Smith|943 476 5919|07700/)
    expect(sent).toMatch(/Staff were rude/)
  })

  it('retries invalid output once and then uses it when the retry is valid', async () => {
    fake.script({ kind: 'content', content: 'not json at all' }, OpenAiFake.classification(validOutput))
    const result = await classifier().classifyFeedback('The staff were rude to me')
    expect(fake.requests).toHaveLength(2)
    expect(result.classifier.name).toBe('openai+embedded')
  })

  it('falls back to the embedded classifier after invalid output twice', async () => {
    fake.script(OpenAiFake.classification({ themes: ['Made up theme'], sentiment: 9, risk: { level: 'odd' } }))
    const result = await classifier().classifyFeedback('The staff were rude to me')
    expect(fake.requests).toHaveLength(2)
    expect(result.classifier.name).toBe('embedded')
  })

  it('keeps the embedded urgent level when the model says there is no risk', async () => {
    fake.script(OpenAiFake.classification({ themes: ['Staff manner & personal attributes'], sentiment: 3, risk: { level: 'none', categories: [], reason: 'Nothing of concern.' } }))
    const result = await classifier().classifyFeedback('my dad says the night carer punched him when he asked for the toilet')
    expect(result.classifier.name).toBe('openai+embedded')
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.categories).toContain('physical')
  })

  it('takes the model level when it is higher, and unites the categories', async () => {
    fake.script(OpenAiFake.classification({ themes: ['Supplying & understanding medication'], sentiment: 5, risk: { level: 'high', categories: ['unsafe-care'], reason: 'Medication was given late repeatedly.' } }))
    const result = await classifier().classifyFeedback('medication round is always late')
    expect(result.risk.level).toBe('high')
    expect(result.risk.categories).toContain('unsafe-care')
    expect(result.risk.reason).toMatch(/^Medication was given late repeatedly\. \(LLM; the embedded classifier read (?:none|low|medium)\.\)$/)
    expect(result.opinions?.llm.level).toBe('high')
    expect(result.opinions?.embedded.level).not.toBe('high')
  })

  describe('lowering an embedded urgent', () => {
    // Embedded: urgent by the rule for someone hurt ("pushes him"), said to go on for weeks; the concern model alone reads it as calm.
    const brokenChair = "Dad's wheelchair at the care home has had a flat tyre for three weeks so he's stuck in the lounge unless someone pushes him in a spare."
    const highWith = (reason: string, categories: string[] = ['unsafe-care']): FakeReply =>
      OpenAiFake.classification({ themes: ['Provision of medical equipment'], sentiment: 4, risk: { level: 'high', categories, reason } })

    it('lowers it to high when the LLM quotes the words and the concern model reads the text as calm, keeping both opinions', async () => {
      expect(embedded.classifySync(brokenChair).risk.level).toBe('urgent')
      fake.script(highWith('A broken wheelchair: "flat tyre for three weeks", no one hurt.'))
      const result = await classifier().classifyFeedback(brokenChair)
      expect(result.risk.level).toBe('high')
      expect(result.risk.reason).toMatch(/^High rather than urgent: the LLM reads it as high/)
      expect(result.opinions).toEqual({
        embedded: expect.objectContaining({ level: 'urgent' }),
        llm: expect.objectContaining({ level: 'high', reason: expect.stringContaining('flat tyre for three weeks') }),
      })
    })

    it('keeps urgent when the LLM does not quote the person\'s words', async () => {
      fake.script(highWith('This sounds like equipment that needs repair, not harm.'))
      expect((await classifier().classifyFeedback(brokenChair)).risk.level).toBe('urgent')
    })

    it('keeps urgent when the quotation is not in the text', async () => {
      fake.script(highWith('The writer says "the chair is being fixed next week".'))
      expect((await classifier().classifyFeedback(brokenChair)).risk.level).toBe('urgent')
    })

    it('never goes below high, even when the LLM says there is nothing', async () => {
      fake.script(OpenAiFake.classification({ themes: ['Provision of medical equipment'], sentiment: 4, risk: { level: 'none', categories: [], reason: 'Says "flat tyre for three weeks".' } }))
      expect((await classifier().classifyFeedback(brokenChair)).risk.level).toBe('urgent')
    })

    it('keeps urgent when the concern model does not read the text as calm', async () => {
      const text = 'my dad says the night carer punched him when he asked for the toilet'
      fake.script(highWith('Reported: "the night carer punched him when he asked for the toilet", second-hand.', ['physical']))
      expect((await classifier().classifyFeedback(text)).risk.level).toBe('urgent')
    })

    it('never lowers a risk to life, whatever the LLM quotes', async () => {
      const text = 'i want to die, the parking here is so bad lol'
      expect(embedded.readsAsCalm(text)).toBe(true)
      fake.script(highWith('A figure of speech about the parking: "the parking here is so bad lol".', []))
      const result = await classifier().classifyFeedback(text)
      expect(result.risk.level).toBe('urgent')
      expect(result.opinions?.llm.level).toBe('high')
    })
  })

  it('falls back on a server error and on a timeout', async () => {
    fake.script({ kind: 'status', status: 500 })
    expect((await classifier().classifyFeedback('The staff were rude')).classifier.name).toBe('embedded')
    fake.script({ kind: 'slow', delayMs: 1000, content: JSON.stringify(validOutput) })
    expect((await classifier({ timeoutMs: 100 }).classifyFeedback('The staff were rude')).classifier.name).toBe('embedded')
  })

  it('stops calling a failing service until the cool-down has passed', async () => {
    fake.script({ kind: 'status', status: 503 })
    const breaking = classifier({ failureThreshold: 2 })
    await breaking.classifyFeedback('one')
    await breaking.classifyFeedback('two')
    await breaking.classifyFeedback('three')
    expect(fake.requests).toHaveLength(2)
    clock += 61_000
    fake.script(OpenAiFake.classification(validOutput))
    expect((await breaking.classifyFeedback('The staff were rude')).classifier.name).toBe('openai+embedded')
  })
})
