import { wordingFor } from '../../dialogs/wording'
import { MongoStorage } from '../../src/bot/mongoStorage'
import { callbackRequestModel } from '../../src/data/models/callbackRequest'
import { feedbackModel } from '../../src/data/models/feedback'
import { testDatabaseForThisFile } from '../helpers/database'
import { allText, Conversation, draftOfConversation, testServices } from './conversation'

const connection = testDatabaseForThisFile()
const draftOf = (conversation: Conversation) => draftOfConversation(connection, conversation)

/** A conversation at the "when" step: the story told, then the role and service given. */
async function atWhenStep(): Promise<Conversation> {
  const conversation = new Conversation(testServices(connection))
  await conversation.say('hi')
  expect(allText(await conversation.say('The dentist did not explain the cost.'))).toContain('Who are you?')
  await conversation.say('family')
  await conversation.say('Oak Tree dental')
  expect(allText(await conversation.say('1'))).toContain('When did it happen?')
  return conversation
}

describe('interruptions at any step, then back to the same question', () => {
  const table: [string, string, string[]][] = [
    ['help', 'help', ['You can say', 'When did it happen?']],
    ['help, shouting and punctuation', 'HELP!!', ['You can say', 'When did it happen?']],
    ['what happens to my information', 'what happens to my information?', ['encrypted', 'When did it happen?']],
    ['is this confidential', 'is this confidential', ['stay anonymous', 'When did it happen?']],
    ['easy read switched on', 'easy read please', ['I will use easy read', 'When did it happen?']],
  ]
  test.each(table)('%s', async (_name, typed, expected) => {
    const conversation = await atWhenStep()
    const reply = allText(await conversation.say(typed))
    for (const words of expected) expect(reply).toContain(words)
    // The interruption did not count as the answer.
    expect((await draftOf(conversation))?.when).toBeUndefined()
    expect(allText(await conversation.say('last week'))).toContain('good, bad or mixed?')
  })

  test('a story that merely contains "help" or "stop" is not taken over', async () => {
    const conversation = new Conversation(testServices(connection))
    await conversation.say('hi')
    const story = 'Please help, the staff would not stop shouting at my dad and I need someone to know.'
    const reply = allText(await conversation.say(story))
    expect(reply).toContain('I have noted')
    expect(reply).not.toContain('You can say')
    expect((await draftOf(conversation))?.story).toBe(story)
  })

  test('"who do I complain to?" is answered at any point, and the question is asked again', async () => {
    const conversation = await atWhenStep()
    const reply = allText(await conversation.say('who do I complain to?'))
    for (const words of ['complaints process', 'NHS complaints advocacy', 'Parliamentary and Health Service Ombudsman', 'Local Government and Social Care Ombudsman', 'When did it happen?']) {
      expect(reply).toContain(words)
    }
    expect((await draftOf(conversation))?.story).toBe('The dentist did not explain the cost.')
  })

  test('back goes to the previous question, across step groups, and keeps the answers', async () => {
    const conversation = await atWhenStep()
    expect(allText(await conversation.say('go back'))).toContain('Did you mean')
    expect(allText(await conversation.say('back'))).toContain('Which service')
    expect(allText(await conversation.say('back'))).toContain('Who are you?')
    expect((await draftOf(conversation))?.service?.name).toBe('Oak Tree Demo Dental Practice')
    // Answers already given are kept, and not asked again going forward.
    expect(allText(await conversation.say('a professional'))).toContain('When did it happen?')
    expect((await draftOf(conversation))?.role).toBe('professional')
  })

  test('start again asks first; yes starts a new draft and the old one stays stored', async () => {
    const conversation = await atWhenStep()
    const oldReference = (await draftOf(conversation))?.reference
    expect(allText(await conversation.say('start again'))).toContain('Do you want to start again?')
    expect(allText(await conversation.say('no'))).toContain('When did it happen?')
    await conversation.say('start over')
    const restarted = allText(await conversation.say('yes'))
    expect(restarted).toContain('start again')
    expect(restarted).toContain('Tell us what happened')
    expect(await feedbackModel(connection).countDocuments({ reference: oldReference, role: 'family_friend_carer' })).toBe(1)
    await conversation.say('The receptionist was rude.')
    await conversation.say('me')
    const drafts = await feedbackModel(connection).find({ conversationKey: `webchat:${conversation.conversationId}` }).lean()
    expect(drafts.map(draft => draft.role).sort()).toEqual(['family_friend_carer', 'person'])
  })

  test('stop keeps the draft and says how to come back; a greeting then resumes at the same question', async () => {
    const conversation = await atWhenStep()
    const stopped = allText(await conversation.say('stop'))
    expect(stopped).toContain('I have kept what you told me')
    expect(stopped).toContain('just send a message')
    const back = allText(await conversation.say('hello'))
    expect(back).toContain('Welcome back')
    expect(back).toContain('When did it happen?')
  })

  test('speak to a person gives the contact centre and records a callback with a sealed number', async () => {
    const conversation = await atWhenStep()
    const reply = allText(await conversation.say('I want to speak to a real person'))
    expect(reply).toContain('03000 616161')
    expect(reply).toContain('enquiries@example.gov.uk')
    expect(reply).toContain('phone you back')
    expect(allText(await conversation.say('yes'))).toContain('What number should we call?')
    expect(allText(await conversation.say('not a number'))).toContain('does not look like a UK phone number')
    const recorded = allText(await conversation.say('020 7946 0000'))
    expect(recorded).toContain('Someone will phone you back')
    expect(recorded).toContain('When did it happen?')
    const requests = await callbackRequestModel(connection).find({ reference: (await draftOf(conversation))?.reference }).lean()
    expect(requests).toHaveLength(1)
    expect(JSON.stringify(requests[0])).not.toContain('7946')
    expect(conversation.services.contactCipher.decrypt(requests[0].sealedPhone)).toEqual({ phone: '+442079460000' })
    expect((await draftOf(conversation))?.callbackRequested).toBe(true)
  })

  test('talk to someone, then no callback, carries on', async () => {
    const conversation = await atWhenStep()
    expect(allText(await conversation.say('can i talk to someone'))).toContain('03000 616161')
    expect(allText(await conversation.say('no thanks'))).toContain('When did it happen?')
  })

  test('what happened to my feedback, with the reference in the same message or asked for', async () => {
    const services = testServices(connection)
    const reference = 'ABCDE-23456'
    await feedbackModel(connection).create({
      reference,
      status: 'under_review',
      channel: 'webchat',
      statusHistory: [{ status: 'received', at: new Date() }],
      updates: [{ at: new Date('2025-06-01'), text: 'An inspector visited the service.' }],
      notes: [{ at: new Date(), text: 'INTERNAL: suspected understaffing' }],
    })
    const conversation = new Conversation(services)
    await conversation.say('hi')
    const inOne = allText(await conversation.say('what happened to my feedback abcde 23456'))
    expect(inOne).toContain('An inspector is looking at your feedback.')
    expect(inOne).toContain('2025-06-01: An inspector visited the service.')
    expect(inOne).not.toContain('INTERNAL')
    expect(inOne).toContain('Tell us what happened')
    expect(allText(await conversation.say('any news on my feedback?'))).toContain('What is your reference?')
    expect(allText(await conversation.say(reference))).toContain('An inspector is looking at your feedback.')
    await conversation.say('check my feedback')
    expect(allText(await conversation.say('ZZZZZ-ZZZZZ'))).toContain('could not find feedback with that reference')
  })
})

describe('bad input gets a kind reply and loses nothing', () => {
  const atChoiceStep: [string, string][] = [
    ['empty', ''],
    ['spaces only', '   '],
    ['emoji only', '😀😀👍'],
    ['HTML and script', '<script>alert(1)</script><b>bold</b>'],
  ]
  test.each(atChoiceStep)('%s at a choice step: asked again, earlier answers kept, the words kept', async (_name, typed) => {
    const conversation = new Conversation(testServices(connection))
    await conversation.say('hi')
    await conversation.say('The dentist did not explain the cost.')
    const reply = allText(await conversation.say(typed))
    // A sentence is kept as part of the story; anything shorter is kept apart; either way the question is asked again.
    const sentence = typed.trim().split(/\s+/).length >= 5
    expect(reply).toMatch(sentence ? /I have kept what you wrote/ : /Sorry, I did not (understand|get a message)/)
    expect(reply).toContain('Who are you?')
    expect(reply).not.toMatch(/error|exception|stack/i)
    expect(allText(await conversation.say('carer'))).toContain('Which service')
    const draft = await draftOf(conversation)
    expect(draft?.role).toBe('family_friend_carer')
    if (typed.trim()) expect(sentence ? draft?.story : draft?.otherMessages).toContain(typed.trim())
    if (typed.trim()) expect(draft?.conversation?.map(message => message.text)).toContain(typed.trim())
  })

  const atFreeTextStep: [string, string][] = [
    ['10,000 characters', 'They did not come. '.repeat(527).slice(0, 10000)],
    ['emoji only', '😡😡😡'],
    ['HTML and script', '<script>alert("x")</script><img src=x onerror=alert(1)>'],
  ]
  test.each(atFreeTextStep)('%s as the story: accepted whole and stored as text', async (_name, typed) => {
    const conversation = new Conversation(testServices(connection))
    await conversation.say('hi')
    const reply = await conversation.say(typed)
    expect(allText(reply)).toMatch(/Who are you\?|I have noted/)
    expect((await draftOf(conversation))?.story).toBe(typed)
    // Replies are plain text; nothing the person typed is echoed back as markup.
    for (const activity of conversation.adapter.activeQueue) expect(activity.textFormat).toBe('plain')
  })

  const inAnotherLanguage: [string, string, string][] = [
    ['Welsh', 'cy', 'Rwy’n ofni bod fy mam yn cael ei hesgeuluso yn y cartref gofal.'],
    ['Polish', 'pl', 'Moja mama nie dostała leków przez trzy dni w domu opieki.'],
    ['Urdu', 'ur', 'میری والدہ کو تین دن تک دوا نہیں دی گئی'],
  ]
  test.each(inAnotherLanguage)('%s at a choice step: offered that language in it; "no" keeps English, the words are kept and the question asked again', async (_name, code, typed) => {
    const conversation = new Conversation(testServices(connection))
    await conversation.say('hi')
    await conversation.say('The dentist did not explain the cost.')
    const offer = allText(await conversation.say(typed))
    // Neglect also brings help in that language first (the safety phrase lists); the offer comes last.
    expect(offer.endsWith(wordingFor(false, code).languageOffer)).toBe(true)
    const reply = allText(await conversation.say('no'))
    expect(reply).toContain('OK. I will carry on in English.')
    expect(reply).toMatch(/I have kept what you wrote|Sorry, I did not understand/)
    expect(reply).toContain('Who are you?')
    expect(allText(await conversation.say('carer'))).toContain('Which service')
    const draft = await draftOf(conversation)
    expect(draft?.role).toBe('family_friend_carer')
    expect([...(draft?.story ?? '').split('\n\n'), ...(draft?.otherMessages ?? [])]).toContain(typed)
    expect(draft?.conversation?.map(message => message.text)).toContain(typed)
  })

  test.each(inAnotherLanguage)('%s as the story: "yes" to the offer, and the account is read as the answer, in that language', async (_name, code, typed) => {
    const conversation = new Conversation(testServices(connection))
    await conversation.say('hi')
    await conversation.say(typed)
    const reply = allText(await conversation.say(wordingFor(false, code).yesNoChoices[0].label))
    expect(reply).toContain(wordingFor(false, code).languageChanged)
    expect(reply).toContain(wordingFor(false, code).askRole)
    expect(await draftOf(conversation)).toMatchObject({ story: typed, language: code })
  })

  test('an invalid email gets a kind example; "skip" falls back to anonymous', async () => {
    const conversation = await atWhenStep()
    for (const typed of ['yesterday', 'It was fine.', 'skip', 'email']) await conversation.say(typed)
    expect(allText(await conversation.say('me at home'))).toContain('name@example.com')
    expect(allText(await conversation.say('skip'))).toContain('Can we share your words')
    expect((await draftOf(conversation))?.contact?.method).toBe('anonymous')
  })
})

describe('signposting at any point', () => {
  test('danger words bring 999, NHS 111 option 2 and Samaritans at once, and still answer the step', async () => {
    const conversation = await atWhenStep()
    await conversation.say('today')
    // At "good, bad or mixed?": signposting first, then the words are kept as story and the question asked again.
    const reply = allText(await conversation.say('My dad said he wants to kill himself and staff just laughed'))
    expect(reply).toContain('116 123')
    expect(reply).toContain('option 2')
    expect(reply).toContain('I have kept what you wrote')
    expect(reply).toContain('good, bad or mixed?')
    expect((await draftOf(conversation))?.story).toContain('kill himself')
  })

  test('a first message about danger gets signposting and the words are kept', async () => {
    const conversation = new Conversation(testServices(connection))
    const reply = allText(await conversation.say('a carer hit my mum and she is bleeding'))
    expect(reply).toContain('999')
    expect(reply).toContain('Thank you for telling us')
    expect(reply).toContain('Family, friend or carer')
    const draft = await draftOf(conversation)
    expect(draft?.story).toBe('a carer hit my mum and she is bleeding')
    expect(draft?.conversation).toEqual([expect.objectContaining({ step: 'opening', text: 'a carer hit my mum and she is bleeding' })])
  })
})

describe('no timeouts: state lives in the database', () => {
  test('a bot created again on the same database (a restart) continues at the same step with nothing lost', async () => {
    const first = new Conversation(testServices(connection))
    await first.say('hi')
    expect(allText(await first.say('The carer did not turn up.'))).toContain('Who are you?')
    const restarted = new Conversation(testServices(connection), first.conversationId)
    const reply = allText(await restarted.say('And nobody phoned us either.'))
    expect(reply).toContain('I have kept what you wrote')
    expect(reply).toContain('Who are you?')
    expect((await draftOf(restarted))?.story).toBe('The carer did not turn up.\n\nAnd nobody phoned us either.')
    expect(allText(await restarted.say('family'))).toContain('Which service')
    expect((await draftOf(restarted))?.conversation?.map(message => message.text)).toEqual(['hi', 'The carer did not turn up.', 'And nobody phoned us either.', 'family'])
  })

  test('the storage refuses a stale eTag and accepts "*"', async () => {
    const storage = new MongoStorage(connection)
    await storage.write({ 'webchat/conversations/x.y$z': { step: 1 } })
    const read = await storage.read(['webchat/conversations/x.y$z'])
    const eTag = read['webchat/conversations/x.y$z'].eTag
    await storage.write({ 'webchat/conversations/x.y$z': { step: 2, eTag } })
    await expect(storage.write({ 'webchat/conversations/x.y$z': { step: 3, eTag } })).rejects.toThrow('eTag conflict')
    await storage.write({ 'webchat/conversations/x.y$z': { step: 4, eTag: '*' } })
    expect((await storage.read(['webchat/conversations/x.y$z']))['webchat/conversations/x.y$z']).toMatchObject({ step: 4 })
    await storage.delete(['webchat/conversations/x.y$z'])
    expect(await storage.read(['webchat/conversations/x.y$z'])).toEqual({})
  })
})
