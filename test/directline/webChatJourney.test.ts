import { feedbackModel } from '../../src/data/models/feedback'
import { testServiceForThisFile } from '../helpers/service'
import { DirectLineTestClient, textOf } from './directLineClient'

/** The real service and the real bot, over the Direct Line endpoints the chat page uses. */
const service = testServiceForThisFile()

const recordFor = (client: DirectLineTestClient) =>
  feedbackModel(service.services.connection).findOne({ conversationKey: `webchat:${client.conversationId}` }).lean()

/** [what the person types, words the bot's reply must contain]: their own words, not the buttons' labels. */
const journeyInOwnWords: [string, string][] = [
  ['My dad waited 3 hours for his pain relief at Willow Lodge nursing hom a few weeks ago. 😞', 'I have noted'],
  ['The <b>night</b> staff were kind but there were only two of them.', 'I have added that'],
  ["that's right", 'good, bad or mixed?'],
  ['a bit of both really', 'What would you like to happen?'],
  ['More staff at night please', 'Can we contact you'],
  ['email me', 'email address'],
  ['dads.daughter@example.com', 'Can we share your words'],
  ['yes thats fine', 'Check your answers'],
  ['send it', 'Your reference is'],
]

describe('a person completes the whole journey over Direct Line', () => {
  it('in their own words, and the record holds every answer', async () => {
    const client = new DirectLineTestClient(service.url)
    const welcome = await client.start()
    expect(textOf(welcome)).toContain('We check that health and social care services are safe and good')
    expect(textOf(welcome)).toContain('Tell us what happened, in your own words.')

    let last = ''
    for (const [typed, expected] of journeyInOwnWords) {
      last = textOf(await client.say(typed))
      expect({ typed, reply: last }).toEqual({ typed, reply: expect.stringContaining(expected) })
    }
    const reference = /reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(last)?.[1]
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/)

    const record = await recordFor(client)
    expect(record).toMatchObject({
      reference,
      status: 'received',
      channel: 'webchat',
      role: 'family_friend_carer',
      service: { name: 'Willow Lodge Example Nursing Home', matchedFromDirectory: true },
      when: { text: 'a few weeks ago' },
      story: 'My dad waited 3 hours for his pain relief at Willow Lodge nursing hom a few weeks ago. 😞\n\nThe <b>night</b> staff were kind but there were only two of them.',
      overall: 'mixed',
      desiredOutcome: 'More staff at night please',
      contact: { method: 'email', format: 'standard' },
      consentToShare: true,
    })
    expect(service.services.contactCipher.decrypt(record!.contact!.sealedDetails!)).toEqual({ email: 'dads.daughter@example.com' })

    // The whole conversation can be read back from the start, both sides, in order.
    const transcript = await client.read('0')
    const userTexts = transcript.activities.filter(activity => activity.from.role === 'user').map(activity => activity.text)
    expect(userTexts).toEqual(journeyInOwnWords.map(([typed]) => typed))

    // Where to reach this person later, if they chose this chat for our reply.
    expect(await service.services.conversationReferences.find('webchat', client.conversationId!)).toMatchObject({
      reference: { channelId: 'webchat', conversation: { id: client.conversationId } },
    })
  })

  it('offers choices as suggested actions that can be sent back as they are', async () => {
    const client = new DirectLineTestClient(service.url)
    await client.start()
    const roleQuestion = await client.say('The food was cold.')
    const actions = roleQuestion.flatMap(activity => activity.suggestedActions?.actions ?? [])
    expect(actions.map(action => action.type)).toContain('imBack')
    const familyChoice = actions.find(action => /Family/.test(action.title))
    expect(familyChoice).toBeDefined()
    expect(textOf(await client.say(familyChoice!.value))).toContain('Which service is it about?')
    expect((await recordFor(client))?.role).toBe('family_friend_carer')
  })

  it('signposts at once when someone is in danger, and the conversation carries on', async () => {
    const client = new DirectLineTestClient(service.url)
    await client.start()
    await client.say('no')
    const reply = textOf(await client.say('my mum is being hit by a carer and she is in danger right now'))
    expect(reply).toContain('999')
    expect(reply).toMatch(/safeguarding|I have noted|Who are you/)
  })
})

describe('unhappy input over Direct Line gets a kind reply and loses nothing', () => {
  it.each([
    ['nothing at all', ''],
    ['only spaces', '   '],
    ['emoji only', '🙂🙂🙂'],
    ['HTML and script', '<script>alert("x")</script>'],
    ['Welsh', 'Dw i ddim yn siŵr'],
    ['Polish', 'Nie wiem, co wybrać'],
    ['Urdu', 'مجھے سمجھ نہیں آیا'],
  ])('%s at a choice question', async (_name, text) => {
    const client = new DirectLineTestClient(service.url)
    await client.start()
    await client.say('The food was cold.')
    await client.say('my dad')
    const response = await client.post({ type: 'message', text })
    expect(response.status).toBe(200)
    const replies = await client.botActivitiesSinceLastRead()
    expect(replies.length).toBeGreaterThan(0)
    expect(textOf(replies)).not.toMatch(/error|exception|undefined/i)
    // The answer already given is still there.
    expect((await recordFor(client))?.role).toBe('family_friend_carer')
  })

  it('10,000 characters of story are kept whole', async () => {
    const client = new DirectLineTestClient(service.url)
    await client.start()
    const story = 'The staff did not listen to me when I said I was in pain. '.repeat(200).slice(0, 10_000)
    const reply = textOf(await client.say(story))
    expect(reply).not.toMatch(/error/i)
    expect((await recordFor(client))?.story).toBe(story)
  })
})
