import crypto from 'node:crypto'
import { conversationIdFor } from '../../src/channels/sms/twilioAdapter'
import { riskLevelOrder } from '../../src/classification/taxonomy'
import { feedbackModel } from '../../src/data/models/feedback'
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages'
import { getHelpNow, signpostingLines } from '../../src/i18n/safetyMessages'
import { urgentConcernIn } from '../unit/classification/multilingualConcerns'
import { DirectLineTestClient, textOf } from '../directline/directLineClient'
import { textTheService } from '../fakes/twilioFake'
import { testServiceWithTwilioForThisFile } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'

/**
 * An urgent concern in any language we offer, on every channel, with no LLM configured: help in that language at once
 * (before anyone has chosen a language), and an inspector sees it at least as high, with the language named.
 */

const publicBaseUrl = 'https://feedback.example.gov.uk'
const { service, twilioFake } = testServiceWithTwilioForThisFile({ PUBLIC_BASE_URL: publicBaseUrl })

const records = () => feedbackModel(service.services.connection)

async function routed(filter: Record<string, unknown>) {
  expect(await waitUntil(async () => Boolean((await records().findOne(filter).lean())?.triage?.routedAt), 30_000)).toBe(true)
  return (await records().findOne(filter).lean())!
}

describe('the partner API, in each language', () => {
  it.each(SUPPORTED_LANGUAGES.map(language => [language.englishName, language.code] as const))('%s: getHelpNow in that language, and an urgent case', async (name, code) => {
    const response = await fetch(`${service.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Sunny Days Care Home' }, text: urgentConcernIn[code] }),
    })
    expect(response.status).toBe(201)
    const body = (await response.json()) as { reference: string; getHelpNow: string[]; getHelpNowLanguage: string }
    const help = getHelpNow(code)
    expect(body.getHelpNow).toEqual([help.danger, help.mentalHealth, help.samaritans])
    expect(body.getHelpNowLanguage).toBe(code)

    const record = await routed({ reference: body.reference })
    expect(riskLevelOrder[record.classification!.risk!.level!]).toBeGreaterThanOrEqual(riskLevelOrder.high)
    expect(record.classification?.risk?.level).toBe('urgent')
    expect(record.triage?.queue).toBe('alert')
    expect(record.classification?.language).toMatchObject({ code, name })
    expect(record.story).toBe(urgentConcernIn[code])
    if (code !== 'en') expect(record.classification?.risk?.reason).toContain(`a person who reads ${name} is needed`)
  })
})

describe('the plain form', () => {
  it('shows "Get help now" in Polish, marked as Polish, after a Polish concern', async () => {
    const response = await fetch(`${service.url}/give-feedback-by-form`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ serviceName: 'Sunny Days Care Home', text: urgentConcernIn.pl, contactMethod: 'anonymous' }).toString(),
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<div class="govuk-notification-banner[^"]*"[^>]*lang="pl" dir="ltr"/)
    expect(html).toContain(getHelpNow('pl').danger)
    expect(html).toContain('116 123')
  })

  it('marks Urdu help right-to-left', async () => {
    const response = await fetch(`${service.url}/give-feedback-by-form`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ serviceName: 'Sunny Days Care Home', text: urgentConcernIn.ur, contactMethod: 'anonymous' }).toString(),
    })
    const html = await response.text()
    expect(html).toMatch(/lang="ur" dir="rtl"/)
    expect(html).toContain(getHelpNow('ur').title)
  })
})

async function text(from: string, body: string): Promise<string[]> {
  const { status, replies } = await textTheService(twilioFake, service.url, publicBaseUrl, from, body)
  expect(status).toBe(200)
  return replies
}

describe('SMS, as the very first text', () => {
  it.each([['Polish', 'pl'], ['Welsh', 'cy'], ['Urdu', 'ur']] as const)('%s: signposting in that language first, and the case is urgent', async (name, code) => {
    const from = `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
    const replies = await text(from, urgentConcernIn[code])
    expect(replies.join('\n')).toContain(signpostingLines(['abuse'], code)[0])
    expect(replies.join('\n')).toContain('999')

    const record = await routed({ conversationKey: `sms:${conversationIdFor('sms', from, service.services.addressHasher)}` })
    expect(record.classification?.risk?.level).toBe('urgent')
    expect(record.classification?.risk?.reason).toContain(`Written in ${name}`)
    expect(record.conversation?.map(message => message.text)).toContain(urgentConcernIn[code])
  })
})

describe('web chat, as the very first message', () => {
  it.each([['Polish', 'pl'], ['Welsh', 'cy'], ['Urdu', 'ur']] as const)('%s: signposting in that language first, and the case is urgent', async (name, code) => {
    const client = new DirectLineTestClient(service.url)
    await client.start()
    const reply = textOf(await client.say(urgentConcernIn[code]))
    expect(reply).toContain(signpostingLines(['abuse'], code)[0])
    const record = await routed({ conversationKey: `webchat:${client.conversationId}` })
    expect(record.classification?.risk).toMatchObject({ level: 'urgent', reason: expect.stringContaining(`Written in ${name}`) })
  })

  it('a danger message in Arabic mid-conversation gets Arabic help, and the chat carries on', async () => {
    const client = new DirectLineTestClient(service.url)
    await client.start()
    await client.say('The care home my dad lives in is Sunny Days.')
    const reply = textOf(await client.say('إنه لا يتنفس، ساعدوني'))
    expect(reply).toContain(signpostingLines(['immediate-danger'], 'ar')[0])
  })
})
