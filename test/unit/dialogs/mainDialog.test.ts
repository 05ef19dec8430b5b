import { MainDialog } from '../../../dialogs/mainDialog'
import { wordingFor } from '../../../dialogs/wording'
import { InMemoryJourney } from './inMemoryJourney'

const words = wordingFor(false)
const asks = (question: string) => expect.stringContaining(question)

/** The whole conversation, group after group, on in-memory collaborators. */
describe('the main dialog', () => {
  it('runs from the welcome to a reference, asking only what the account did not say, and sends it once', async () => {
    const world = new InMemoryJourney()
    world.directory.push({ locationId: '1-001', name: 'Willow Lodge', postcode: 'TE1 1ST' })
    const chat = world.client(new MainDialog(world.deps))

    expect(await chat.say('hi')).toEqual([...words.welcome, words.askStory])
    const [heard] = await chat.say('My mum lives at Willow Lodge and she was left in wet sheets last night')
    expect(heard).toContain('Willow Lodge')
    // Who, which service and when were heard and confirmed, so the next question is how it was.
    expect(await chat.say('yes')).toEqual([asks(words.askOverall)])
    expect(await chat.say('bad')).toEqual([asks(words.askDesiredOutcome)])
    expect(await chat.say('skip')).toEqual([asks(words.askContactMethod)])
    expect(await chat.say('stay anonymous')).toEqual([asks(words.askConsent.at(-1)!)])
    const summary = (await chat.say('yes')).join('\n')
    for (const shown of [words.checkTitle, 'Willow Lodge', 'last night', 'wet sheets', 'Stay anonymous']) expect(summary).toContain(shown)

    const reference = world.journey!.reference
    expect(await chat.say('send')).toEqual(words.submitted(reference))
    expect(world.submitted).toEqual([reference])
    // Equality answers are recorded apart (none were given) and never kept on the journey.
    expect(world.equalityRecords).toEqual([{}])
    expect(world.journey!.submitted).toBe(true)
  })

  it('"back" at the very first question says so and stays', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new MainDialog(world.deps))
    await chat.say('hi')
    expect(await chat.say('back')).toEqual([words.cannotGoBack, words.askStory])
  })

  it('"back" from the first question of a group returns to the last question of the group before', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new MainDialog(world.deps))
    await chat.say('hi')
    // Nothing in this account says who, where or when: each is asked.
    expect(await chat.say('The food was cold and the staff were rude')).toEqual([asks(words.askRole)])
    expect(await chat.say('I used the service')).toEqual([words.askService])
    expect(await chat.say('back')).toEqual([asks(words.askRole)])
  })

  it('changing one answer from the summary asks only that question, then shows the summary again', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new MainDialog(world.deps))
    await chat.say('hi')
    await chat.say('The food was cold and the staff were rude')
    await chat.say('I used the service')
    await chat.say('Sunny Days')
    await chat.say('last week')
    await chat.say('bad')
    await chat.say('skip')
    await chat.say('anonymous')
    await chat.say('no')
    expect(await chat.say('change when')).toEqual([words.askWhen])
    const again = (await chat.say('yesterday')).join('\n')
    expect(again).toContain(words.checkTitle)
    expect(again).toContain('yesterday')
    expect(world.submitted).toEqual([])
  })
})
