import { AboutYouDialog } from '../../../dialogs/groups/aboutYouDialog'
import { CheckAnswersDialog } from '../../../dialogs/groups/checkAnswersDialog'
import { ContactDialog } from '../../../dialogs/groups/contactDialog'
import { EqualityDialog } from '../../../dialogs/groups/equalityDialog'
import { ExperienceDialog } from '../../../dialogs/groups/experienceDialog'
import { ServiceDialog } from '../../../dialogs/groups/serviceDialog'
import { StoryDialog } from '../../../dialogs/groups/storyDialog'
import { newJourney, type JourneyState } from '../../../src/conversation/journeyState'
import { wordingFor } from '../../../dialogs/wording'
import { InMemoryJourney } from './inMemoryJourney'

const words = wordingFor(false)
const asks = (question: string) => expect.stringContaining(question)

/** A conversation already part-way through: these answers were given before this group starts. */
function partWay(answers: Partial<JourneyState['answers']>): JourneyState {
  const journey = newJourney('P8WMX-PU6F9')
  Object.assign(journey.answers, answers)
  return journey
}

describe('a choice question re-asks kindly and never loses words', () => {
  it.each([
    ['an unrecognised short answer', 'purple', words.notUnderstoodChoice, 'otherMessages'],
    ['a sentence', 'the home was dirty and nobody came', words.keptAsStory, 'storyParts'],
  ] as const)('%s: says why, asks again, and keeps what was typed', async (_case, typed, explanation, keptIn) => {
    const world = new InMemoryJourney()
    const chat = world.client(new AboutYouDialog(world.deps))
    await chat.say('hi')
    expect(await chat.say(typed)).toEqual([explanation, asks(words.askRole)])
    expect(world.lastDraft.answers[keptIn]).toEqual([typed])
    expect(world.lastDraft.answers.role).toBeUndefined()
  })

  it.each([[''], ['   ']])('an empty message %j: asked to answer, and the question again', async typed => {
    const world = new InMemoryJourney()
    const chat = world.client(new AboutYouDialog(world.deps))
    await chat.say('hi')
    expect(await chat.say(typed)).toEqual([words.notUnderstoodEmpty, asks(words.askRole)])
  })

  it('offers every choice as a number that can be typed', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new AboutYouDialog(world.deps))
    const [question] = await chat.say('hi')
    words.roleChoices.forEach((choice, index) => expect(question).toContain(`${index + 1} ${choice.label}`))
    await chat.say(String(words.roleChoices.findIndex(choice => choice.value === 'professional') + 1))
    expect(world.lastDraft.answers.role).toBe('professional')
  })
})

describe('about you', () => {
  it('tells staff they are protected as whistleblowers', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new AboutYouDialog(world.deps))
    await chat.say('hi')
    expect(await chat.say("I'm a member of staff")).toEqual(words.staffReassurance)
    expect(world.lastDraft.answers.role).toBe('staff')
    expect(chat.ended.result).toEqual({})
  })
})

describe('your experience', () => {
  it('reads when, how it was and what they want, keeping their words', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ExperienceDialog(world.deps))
    expect(await chat.say('hi')).toEqual([words.askWhen])
    expect(await chat.say('2 weeks ago')).toEqual([asks(words.askOverall)])
    expect(await chat.say('no good')).toEqual([asks(words.askDesiredOutcome)])
    await chat.say('I want them to apologise')
    expect(world.lastDraft.answers).toMatchObject({ when: { text: '2 weeks ago', normalised: '2025-06-04' }, overall: 'bad', desiredOutcome: 'I want them to apologise' })
    expect(chat.ended.result).toEqual({})
  })

  it('keeps a time it cannot read as typed, and a long sentence with a time in it as story', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ExperienceDialog(world.deps))
    await chat.say('hi')
    await chat.say('el martes')
    expect(world.lastDraft.answers.when).toEqual({ text: 'el martes', normalised: undefined })

    const second = new InMemoryJourney()
    const again = second.client(new ExperienceDialog(second.deps))
    await again.say('hi')
    await again.say('it was last night when the carer shouted at my dad')
    expect(second.lastDraft.answers.when).toEqual({ text: 'last night', normalised: '2025-06-17' })
    expect(second.lastDraft.answers.storyParts).toEqual(['it was last night when the carer shouted at my dad'])
  })

  it('skipping what they would like is kept as skipped, not as the word "skip"', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ExperienceDialog(world.deps), { startAt: 'desiredOutcome' })
    expect(await chat.say('hi')).toEqual([asks(words.askDesiredOutcome)])
    await chat.say('skip')
    expect(world.lastDraft.answers.desiredOutcome).toBeNull()
  })

  it('does not ask staff how their care was', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ExperienceDialog(world.deps), undefined, partWay({ role: 'staff' }))
    await chat.say('hi')
    expect(await chat.say('yesterday')).toEqual([asks(words.askDesiredOutcome)])
  })
})

describe('how we contact you', () => {
  it('a text message needs a mobile: a landline is asked for again, then the number is sealed', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ContactDialog(world.deps))
    expect(await chat.say('hi')).toEqual([asks(words.askContactMethod)])
    expect(await chat.say('text me')).toEqual([asks(words.askPhone)])
    expect(await chat.say('020 7946 0018')).toEqual([asks(words.phoneNotValid)])
    expect(await chat.say('07700 900123')).toEqual([asks(words.askConsent.at(-1)!)])
    const { answers } = world.lastDraft
    expect(answers.contactMethod).toBe('sms')
    expect(JSON.stringify(world.savedDrafts)).not.toContain('900123')
    expect(world.contactCipher.decrypt(answers.sealedContact!)).toEqual({ phone: '+447700900123' })
  })

  it('an email address that will not work is asked for again', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ContactDialog(world.deps))
    await chat.say('hi')
    expect(await chat.say('email')).toEqual([asks(words.askEmail)])
    expect(await chat.say('jo at example dot org')).toEqual([asks(words.emailNotValid)])
    await chat.say('Jo@Example.org')
    expect(world.contactCipher.decrypt(world.lastDraft.answers.sealedContact!)).toEqual({ email: 'jo@example.org' })
  })

  it('"skip" at the number keeps them anonymous, with nothing sealed', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ContactDialog(world.deps))
    await chat.say('hi')
    await chat.say('phone call')
    await chat.say('skip')
    expect(world.lastDraft.answers).toMatchObject({ contactMethod: 'anonymous', sealedContact: undefined })
  })

  it('staff are told before they agree that the service may recognise them', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ContactDialog(world.deps), undefined, partWay({ role: 'staff' }))
    await chat.say('hi')
    expect((await chat.say('anonymous')).join('\n')).toContain(words.askConsentStaff.at(-1)!)
    await chat.say('no')
    expect(world.lastDraft.answers.consentToShare).toBe(false)
  })
})

describe('the optional equality questions', () => {
  it('are not asked unless chosen', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new EqualityDialog(world.deps))
    expect(await chat.say('hi')).toEqual([])
    expect(chat.ended.result).toEqual({})
  })

  it('when chosen, each can be skipped, and the answers stay with the journey only', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new EqualityDialog(world.deps), undefined, partWay({ equalityWanted: true }))
    expect(await chat.say('hi')).toEqual([asks(words.askAge)])
    expect(await chat.say('80+')).toEqual([asks(words.askDisability)])
    expect(await chat.say('prefer not to say')).toEqual([asks(words.askEthnicity)])
    expect(await chat.say('rather not say')).toEqual([asks(words.askSex)])
    expect(await chat.say('f')).toEqual([asks(words.askReligion)])
    await chat.say('none')
    expect(world.journey?.answers.equality).toEqual({ ageBand: '80_plus', disability: 'prefer_not_to_say', ethnicity: 'prefer_not_to_say', sex: 'female', religion: 'none' })
    expect(chat.ended.result).toEqual({})
  })
})

describe('which service', () => {
  it('offers the directory matches to pick from, by number', async () => {
    const world = new InMemoryJourney()
    world.directory.push({ locationId: '1-001', name: 'Willow Lodge', postcode: 'TE1 1ST' }, { locationId: '1-002', name: 'Willow Court', postcode: 'TE2 2ND' })
    const chat = world.client(new ServiceDialog(world.deps))
    expect(await chat.say('hi')).toEqual([words.askService])
    const [offer] = await chat.say('willow')
    expect(offer).toContain(words.serviceDidYouMean)
    expect(offer).toContain('1 Willow Lodge, TE1 1ST')
    expect(offer).toContain(`3 ${words.serviceNoneOfThese}`)
    expect(await chat.say('2')).toEqual([words.serviceFound('Willow Court')])
    expect(world.lastDraft.answers.service).toMatchObject({ locationId: '1-002', matchedFromDirectory: true, typed: 'willow' })
  })

  it('a service not in the directory is kept as typed, never a dead end', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ServiceDialog(world.deps))
    await chat.say('hi')
    expect(await chat.say('Sunny Days Home Care')).toEqual([words.serviceNotFound('Sunny Days Home Care')])
    expect(world.lastDraft.answers.service).toEqual({ name: 'Sunny Days Home Care', typed: 'Sunny Days Home Care', matchedFromDirectory: false })
  })
})

describe('their own account first', () => {
  it('what the account tells us is shown back to confirm, not asked again', async () => {
    const world = new InMemoryJourney()
    world.directory.push({ locationId: '1-001', name: 'Willow Lodge', postcode: 'TE1 1ST' })
    const chat = world.client(new StoryDialog(world.deps))
    expect(await chat.say('hi')).toEqual([words.askStory])
    const [shownBack] = await chat.say('My mum lives at Willow Lodge and a carer shouted at her last night')
    expect(shownBack).toContain(words.heardIntro)
    expect(shownBack).toContain('Willow Lodge')
    expect(shownBack).toContain('last night')
    await chat.say('yes')
    expect(world.lastDraft.answers).toMatchObject({ role: 'family_friend_carer', service: { locationId: '1-001' }, when: { normalised: '2025-06-17' } })
    expect(chat.ended.result).toEqual({})
  })

  it('"no, that is wrong" forgets what we heard, keeping their words', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new StoryDialog(world.deps))
    await chat.say('hi')
    await chat.say('My mum was left in wet sheets last night')
    expect(await chat.say('no')).toEqual([words.heardWrong])
    expect(world.lastDraft.answers).toMatchObject({ role: undefined, when: undefined, storyParts: ['My mum was left in wet sheets last night'] })
  })

  it('"done" before saying anything asks for their account instead of sending nothing', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new StoryDialog(world.deps))
    await chat.say('hi')
    expect(await chat.say('done')).toEqual([words.storyPlease, words.askStory])
  })
})

describe('check your answers', () => {
  it('shows every answer, and "change when" goes straight to that question', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new CheckAnswersDialog(world.deps), undefined, partWay({ role: 'person', when: { text: 'last week' }, storyParts: ['The food was cold'], overall: 'bad', contactMethod: 'anonymous', consentToShare: true }))
    const shown = (await chat.say('hi')).join('\n')
    for (const value of ['I used the service', 'last week', 'The food was cold', 'Bad', 'Stay anonymous']) expect(shown).toContain(value)
    expect(await chat.say('change when')).toEqual([])
    expect(chat.ended.result).toEqual({ change: 'when' })
  })

  it('"send" submits; a sentence is kept, never sent by accident', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new CheckAnswersDialog(world.deps), undefined, partWay({ role: 'person', storyParts: ['The food was cold'] }))
    await chat.say('hi')
    const replies = await chat.say('also the night staff were very rude to her')
    expect(replies[0]).toBe(words.keptAsStory)
    expect(chat.ended.result).toBeUndefined()
    await chat.say('send')
    expect(chat.ended.result).toEqual({ submit: true })
  })
})
