import crypto from 'node:crypto'
import { feedbackModel } from '../../src/data/models/feedback'
import { languageIdentifier } from '../../src/i18n/languageIdentifier'
import { readMessageFiles } from '../../src/i18n/messages'
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages'
import { DirectLineTestClient, textOf } from '../directline/directLineClient'
import { textTheService } from '../fakes/twilioFake'
import { testServiceWithTwilioForThisFile } from '../helpers/service'

/**
 * Whole journeys in Polish, Welsh and Urdu, over web chat (Direct Line) and SMS (the signed Twilio webhook),
 * to a reference, with every message from the bot in that language: none of the English wording appears,
 * and what the bot says, taken together, reads as that language.
 */
const publicBaseUrl = 'https://feedback.example.gov.uk'
const { service, twilioFake } = testServiceWithTwilioForThisFile({ PUBLIC_BASE_URL: publicBaseUrl })

const files = readMessageFiles()

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => (key === '_meta' || key === 'synonyms' || key === 'languageNames' ? [] : stringsIn(item)))
  return []
}

/** English wording (whole phrases between placeholders) that a reply in another language must never contain. */
function englishPhrasesNotIn(code: string): string[] {
  const theirs = stringsIn(files[code].bot).join('\n')
  return [
    ...new Set(
      stringsIn(files.en.bot)
        .flatMap(text => text.split(/\{\{\w+\}\}/))
        .map(fragment => fragment.trim())
        .filter(fragment => fragment.length >= 8 && !theirs.includes(fragment)),
    ),
  ]
}

async function expectAllIn(code: string, replies: string[]): Promise<void> {
  const english = englishPhrasesNotIn(code)
  for (const reply of replies) {
    const found = english.filter(phrase => reply.includes(phrase))
    expect({ reply, english: found }).toEqual({ reply, english: [] })
  }
  const identified = (await languageIdentifier()).identify(replies.join('\n'))
  expect(identified?.code).toBe(code)
}

interface Script {
  code: string
  story: string
  yes: string
  answers: string[]
  role: string
  overall: string
}

const scripts: Script[] = [
  {
    code: 'pl',
    story: 'Moja mama mieszka w domu opieki. Wczoraj nikt nie dał jej leków i była bardzo głodna przez cały dzień.',
    yes: 'tak',
    answers: ['rodzina', 'Dom Seniora Słoneczko', 'wczoraj', 'złe', 'Chcę, żeby ktoś to sprawdził', 'anonimowo', 'tak', 'wyślij'],
    role: 'family_friend_carer',
    overall: 'bad',
  },
  {
    code: 'cy',
    story: 'Mae fy nhad yn byw mewn cartref gofal. Doedd neb wedi rhoi ei dabledi iddo ddoe ac roedd e’n drist iawn drwy’r dydd.',
    yes: 'ie',
    answers: ['2', 'Cartref Gofal Bryn Awel', 'ddoe', 'gwael', 'hepgor', 'dienw', 'ie', 'anfon'],
    role: 'family_friend_carer',
    overall: 'bad',
  },
  {
    code: 'ur',
    story: 'میری والدہ ایک کیئر ہوم میں رہتی ہیں۔ کل کسی نے انہیں دوا نہیں دی اور وہ سارا دن بھوکی رہیں۔',
    yes: 'جی ہاں',
    answers: ['خاندان', 'سن شائن کیئر ہوم', 'کل', '۲', 'کوئی ان کی دیکھ بھال کرے', 'نام ظاہر نہ کریں', 'ہاں', 'بھیجیں'],
    role: 'family_friend_carer',
    overall: 'bad',
  },
]

const referencePattern = /[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}/

async function text(from: string, body: string): Promise<string[]> {
  const { status, replies } = await textTheService(twilioFake, service.url, publicBaseUrl, from, body)
  expect(status).toBe(200)
  return replies
}

async function expectRecord(reference: string | undefined, script: Script) {
  expect(reference).toMatch(referencePattern)
  const record = await feedbackModel(service.services.connection).findOne({ reference }).lean()
  expect(record).toMatchObject({ reference, status: 'received', language: script.code, role: script.role, overall: script.overall })
  expect(record?.story).toContain(script.story)
}

describe.each(scripts.map(script => [script.code, script] as const))('a whole journey in %s', (_code, script) => {
  test('on web chat opened on a page in that language: welcome, questions and reference all in it', async () => {
    const chat = new DirectLineTestClient(service.url)
    const replies = [textOf(await chat.start(script.code))]
    for (const typed of [script.story, ...script.answers]) replies.push(textOf(await chat.say(typed)))
    await expectAllIn(script.code, replies)
    await expectRecord(referencePattern.exec(replies.at(-1)!)?.[0], script)
  })

  test('by SMS: their first text is offered in that language, and everything after is in it', async () => {
    const from = `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
    const offer = await text(from, script.story)
    expect(offer.join('\n')).toContain((files[script.code].bot as { languageOffer: string }).languageOffer)
    const replies = [offer.join('\n')]
    for (const typed of [script.yes, ...script.answers]) replies.push((await text(from, typed)).join('\n'))
    await expectAllIn(script.code, replies)
    await expectRecord(referencePattern.exec(replies.at(-1)!)?.[0], script)
  })
})

describe('every supported language', () => {
  test.each(SUPPORTED_LANGUAGES.map(language => [language.englishName, language] as const))('%s: texting its own name starts the journey in it, and keeps to it', async (_name, language) => {
    const from = `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
    const bot = files[language.code].bot as { welcome: string[]; askStory: string; choices: { yesNo: { label: string }[] } }
    const welcome = (await text(from, language.nativeName)).join('\n')
    expect(welcome).toContain(bot.welcome[0])
    expect(welcome).toContain(bot.askStory)
    // Asked for by name, the language stays: an account in English is not offered English again.
    const heard = (await text(from, 'The staff at the home did not give my father his tablets.')).join('\n')
    expect(heard).toContain(`1 ${bot.choices.yesNo[0].label}`)
  })
})

describe('asking for a language, and the offer on an English page', () => {
  test('web chat in English: a Polish account is offered Polish, in Polish, and kept as their account', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    const [polish] = scripts
    const offer = textOf(await chat.say(polish.story))
    expect(offer).toContain('Czy chcesz kontynuować po polsku?')
    const replies = [offer]
    for (const typed of [polish.yes, ...polish.answers]) replies.push(textOf(await chat.say(typed)))
    await expectAllIn('pl', replies)
    await expectRecord(referencePattern.exec(replies.at(-1)!)?.[0], polish)
  })

  test('by SMS, "Cymraeg" as the first text starts in Welsh; "English" later switches back, and the record says so', async () => {
    const from = `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
    const welcome = (await text(from, 'Cymraeg')).join('\n')
    expect(welcome).toContain('Helo.')
    expect(welcome).toContain('Dywedwch wrthyn ni beth ddigwyddodd')
    const switched = (await text(from, 'English')).join('\n')
    expect(switched).toContain('I will write in English')
    expect(switched).toContain('Tell us what happened')
  })

  test('by SMS, HELP in a Polish conversation is answered in Polish, with the phone number and STOP', async () => {
    const from = `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
    await text(from, 'Polski')
    const help = (await text(from, 'HELP')).join('\n')
    expect(help).toContain('To serwis opinii o opiece.')
    expect(help).toContain('03000 616161')
    expect(help).toContain('STOP')
  })

  test('a person who says no to the offer carries on in English, and what they wrote is kept as their account', async () => {
    const from = `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
    const story = `${scripts[0].story} Nie wiem, co robić.`
    await text(from, story)
    const reply = (await text(from, 'nie')).join('\n')
    expect(reply).toContain('Who are you?')
    const record = await feedbackModel(service.services.connection).findOne({ 'conversation.text': story }).lean()
    expect(record?.story).toBe(story)
    expect(record?.language).toBe('en')
  })
})
