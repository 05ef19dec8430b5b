import { equalityResponseModel } from '../../src/data/models/equalityResponse'
import { botStateModel } from '../../src/bot/mongoStorage'
import { testDatabaseForThisFile } from '../helpers/database'
import { allText, Conversation, draftOfConversation, testServices } from './conversation'

const connection = testDatabaseForThisFile()

const draftOf = (conversation: Conversation) => draftOfConversation(connection, conversation)

/** [what the person types, words the bot's reply must contain] — in their own words, not the buttons'. */
const journeyInOwnWords: [string, string][] = [
  ['hiya', 'Tell us what happened'],
  ['She is in willow lodge nursing hom. The night staff did not answer her buzzer for an hour.', 'Willow Lodge Example Nursing Home'],
  ['yes thats it', 'Who are you?'],
  ['its about my mum', 'When did it happen?'],
  ['2 weeks ago', 'good, bad or mixed?'],
  ['She was left in wet sheets until the morning.', 'I have kept what you wrote'],
  ['it was mostly bad', 'What would you like to happen?'],
  ['I want them to check the night staffing', 'Can we contact you'],
  ['txt', 'mobile number'],
  ['07700 900 123', 'Can we share your words'],
  ['ok', 'Check your answers'],
  ['change format', 'How would you like us to write to you?'],
  ['3', 'Which language'],
  ['Polish', 'Check your answers'],
  ['answer the optional questions', 'How old are you?'],
  ['50 to 64', 'disability'],
  ['prefer not to say', 'ethnic group'],
  ['white british', 'What is your sex?'],
  ['woman', 'religion'],
  ['rather not say', 'Check your answers'],
  ['change when', 'When did it happen?'],
  ['yesterday', 'Check your answers'],
  ['looks good', 'Your reference is'],
]

describe('the whole journey in a person’s own words', () => {
  test('every answer is understood, saved in the draft as it is given, and the person gets a reference', async () => {
    const conversation = new Conversation(testServices(connection))
    let last = ''
    for (const [typed, expected] of journeyInOwnWords) {
      last = allText(await conversation.say(typed))
      expect({ typed, reply: last }).toEqual({ typed, reply: expect.stringContaining(expected) })
    }
    const reference = last.match(/reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/)?.[1]
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/)

    const record = await draftOf(conversation)
    expect(record).toMatchObject({
      reference,
      status: 'received',
      channel: 'webchat',
      role: 'family_friend_carer',
      service: { locationId: 'FICTION-0005', name: 'Willow Lodge Example Nursing Home', matchedFromDirectory: true },
      when: { text: 'yesterday', normalised: '2025-06-17' },
      story: 'She is in willow lodge nursing hom. The night staff did not answer her buzzer for an hour.\n\nShe was left in wet sheets until the morning.',
      overall: 'bad',
      desiredOutcome: 'I want them to check the night staffing',
      contact: { method: 'sms', format: 'other_language', language: 'Polish' },
      consentToShare: true,
    })
    // Received once; if it read as urgent while still being told, routed early and then marked finished.
    const statuses = record?.statusHistory.map(change => change.status) ?? []
    expect(statuses[0]).toBe('draft')
    expect(new Set(statuses.slice(1))).toEqual(new Set(['received']))
    expect(record?.stillBeingTold).toBeUndefined()
    // The phone number is sealed, in the record and in the bot state.
    expect(JSON.stringify(record)).not.toContain('7700')
    expect(JSON.stringify(record)).not.toContain('900123')
    const services = conversation.services
    expect(services.contactCipher.decrypt(record!.contact!.sealedDetails!)).toEqual({ phone: '+447700900123' })
    const states = await botStateModel(connection).find({}).lean()
    expect(states.length).toBeGreaterThan(0)
    expect(states.map(state => state.state).join()).not.toContain('900123')

    // Equality answers are stored apart: no reference, no conversation, only answers, month and channel.
    const equality = await equalityResponseModel(connection).find({}).lean()
    expect(equality).toHaveLength(1)
    const { _id, ...answers } = equality[0]
    expect(answers).toEqual({ month: '2025-06', channel: 'webchat', ageBand: '50_64', disability: 'prefer_not_to_say', ethnicity: 'white', sex: 'female', religion: 'prefer_not_to_say' })
    expect(JSON.stringify(record)).not.toContain('50_64')
  })

  test('a staff member gets the whistleblowing reassurance, is not asked good or bad, and is told the service may recognise them; numbers and misspellings work; a service not in the list is kept as typed', async () => {
    const conversation = new Conversation(testServices(connection))
    expect(allText(await conversation.join())).toContain('Tell us what happened')
    expect(allText(await conversation.say('Managers told us not to write incidents down.'))).toContain('Who are you?')
    const reassurance = allText(await conversation.say('i work there as a nurse'))
    expect(reassurance).toContain('Public Interest Disclosure Act 1998')
    expect(reassurance).toContain('confidential')
    expect(allText(await conversation.say('Sunnyside Clinic, Nowhereton'))).toContain('I could not find "Sunnyside Clinic, Nowhereton"')
    expect((await draftOf(conversation))?.service).toMatchObject({ name: 'Sunnyside Clinic, Nowhereton', matchedFromDirectory: false })
    const afterWhen = allText(await conversation.say('in March'))
    expect(afterWhen).not.toContain('good, bad or mixed?')
    expect(afterWhen).toContain('What would you like to happen?')
    expect((await draftOf(conversation))?.when).toEqual({ text: 'in March', normalised: '2025-03' })
    expect(allText(await conversation.say('skip'))).toContain('Can we contact you')
    const consent = allText(await conversation.say('1'))
    expect(consent).toContain('the service may still recognise you')
    expect(consent).toContain('Can we share your words')
    const summary = allText(await conversation.say('no thanks'))
    expect(summary).toContain('Who you are: I work there')
    expect(summary).toContain('How we contact you: Stay anonymous')
    expect(summary).not.toContain('Overall')
    expect(allText(await conversation.say('sumbit'))).toContain('Your reference is')
    expect(await draftOf(conversation)).toMatchObject({ role: 'staff', contact: { method: 'anonymous' }, consentToShare: false, status: 'received' })
    expect((await draftOf(conversation))?.overall).toBeUndefined()
    expect((await draftOf(conversation))?.desiredOutcome).toBeUndefined()
  })

  test('easy read can be asked for at any time and uses very short sentences', async () => {
    const conversation = new Conversation(testServices(connection))
    expect(allText(await conversation.say('hello'))).toContain('Say "easy read" for simpler words.')
    const on = allText(await conversation.say('easy read please'))
    expect(on).toContain('I will use easy read')
    expect(on).toContain('What happened? Use your own words.')
    expect(allText(await conversation.say('I waited a long time at Riverside GP today'))).toContain('Is that right?')
    expect((await draftOf(conversation))?.easyRead).toBe(true)
    const standard = allText(await conversation.say('standard'))
    expect(standard).toContain('I will use standard English')
    expect(standard).toContain('Is that right? You can also tell me more.')
  })
})
