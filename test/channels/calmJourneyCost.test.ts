import crypto from 'node:crypto'
import { feedbackModel } from '../../src/data/models/feedback'
import { DirectLineTestClient, textOf } from '../directline/directLineClient'
import { textTheService } from '../fakes/twilioFake'
import { testServiceWithTwilioForThisFile } from '../helpers/service'
import { smsSegments, ucs2Characters } from '../../src/conversation/smsSegments'

/**
 * Simulated people with calm feedback, answering in their own words (never the buttons' wording), over web chat
 * (Direct Line) and SMS (the signed Twilio webhook). Counts what it costs them: turns on web chat, texts they
 * send and segments we send back on SMS. Nothing the service writes may force UCS-2 on SMS.
 */

const publicBaseUrl = 'https://feedback.example.gov.uk'
const { service, twilioFake } = testServiceWithTwilioForThisFile({ PUBLIC_BASE_URL: publicBaseUrl })

interface Persona {
  name: string
  /** What they type, in order, in their own words, until they have a reference. */
  says: string[]
}

const webPeople: Persona[] = [
  {
    name: 'a daughter, happy with a care home',
    says: [
      'My mum has been at Meadowbank care home since March. The staff are lovely and always call me if anything changes.',
      'yep spot on',
      'really good',
      'nothing really, just keep it up',
      'no need to contact me',
      'yes of course',
      'all looks fine, send it',
    ],
  },
  {
    name: 'a patient, mixed about a GP surgery',
    says: [
      'I had an appointment at Riverside GP yesterday. I waited 40 minutes past my time but the doctor was very thorough.',
      'yes',
      'mixed really',
      'better time keeping',
      'dont contact me',
      'fine by me',
      'send',
    ],
  },
]

const smsPeople: Persona[] = [
  {
    name: 'a son texting about home care',
    says: [
      'hi',
      'my dad gets home care from Hilltop. last week a new carer came and she was kind and patient with him',
      'yes thats right',
      'good',
      'nothing, just wanted to say thanks',
      'no thanks',
      'yes',
      'send it',
    ],
  },
  {
    name: 'a patient who opens with the story',
    says: [
      'I was at Testbury General Hospital on Monday for a scan. Reception was slow but the nurses were kind',
      'yes',
      'ok overall',
      'skip',
      'no',
      'yeah',
      'send',
    ],
  },
]

function reference(text: string): string | undefined {
  return /reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(text)?.[1]
}

async function text(from: string, body: string): Promise<string[]> {
  const { status, replies } = await textTheService(twilioFake, service.url, publicBaseUrl, from, body)
  expect(status).toBe(200)
  return replies
}

describe('a calm piece of feedback, in the person\'s own words', () => {
  test.each(webPeople.map(person => [person.name, person] as const))('on web chat, %s: at most 8 turns', async (_name, person) => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    let turns = 0
    let done: string | undefined
    const transcript: string[] = []
    for (const words of person.says) {
      turns += 1
      const said = textOf(await chat.say(words))
      transcript.push(`> ${words}`, said)
      done = reference(said)
      if (done) break
    }
    console.log(`web chat, ${person.name}: ${turns} turns`)
    // On failure the whole conversation is shown, so a wrong turn can be seen.
    expect({ reached: Boolean(done), transcript }).toEqual({ reached: true, transcript })
    expect(turns).toBeLessThanOrEqual(8)
    const record = await feedbackModel(service.services.connection).findOne({ reference: done }).lean()
    expect(record?.service?.matchedFromDirectory).toBe(true)
    expect(record?.conversation).toHaveLength(turns)
  })

  test.each(smsPeople.map(person => [person.name, person] as const))('on SMS, %s: at most 8 texts and 15 segments, none forced into UCS-2', async (_name, person) => {
    const from = `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
    let texts = 0
    let segments = 0
    let done: string | undefined
    const transcript: string[] = []
    for (const words of person.says) {
      texts += 1
      const replies = await text(from, words)
      transcript.push(`> ${words}`, ...replies)
      for (const reply of replies) {
        // Our own wording never forces UCS-2 (the person's own words may, where we echo them).
        const ours = person.says.reduce((remaining, typed) => remaining.split(typed).join(''), reply)
        expect({ reply, ucs2: ucs2Characters(ours) }).toEqual({ reply, ucs2: [] })
        segments += smsSegments(reply)
      }
      done = reference(replies.join('\n'))
      if (done) break
    }
    console.log(`SMS, ${person.name}: ${texts} texts sent, ${segments} segments back`)
    expect({ reached: Boolean(done), transcript }).toEqual({ reached: true, transcript })
    expect(texts).toBeLessThanOrEqual(8)
    expect(segments).toBeLessThanOrEqual(15)
  })

  test('the segment counter counts as carriers do', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1)
    expect(smsSegments('a'.repeat(161))).toBe(2)
    expect(smsSegments('a'.repeat(306))).toBe(2)
    expect(smsSegments(`${'a'.repeat(69)}…`)).toBe(1)
    expect(smsSegments(`${'a'.repeat(70)}’`)).toBe(2)
    expect(ucs2Characters('Say "stop" – it’s fine…')).toEqual(['–', '’', '…'])
  })
})
