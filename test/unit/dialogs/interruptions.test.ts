import { AboutYouDialog } from '../../../dialogs/groups/aboutYouDialog'
import { ContactDialog } from '../../../dialogs/groups/contactDialog'
import { ExperienceDialog } from '../../../dialogs/groups/experienceDialog'
import { wordingFor } from '../../../dialogs/wording'
import { publicStatusWording } from '../../../src/feedback/feedbackStatus'
import { contactCentre, InMemoryJourney } from './inMemoryJourney'

const words = wordingFor(false)
const easy = wordingFor(true)

/** The question's text is the first line of the message that asks it (the numbered choices follow). */
const asks = (question: string) => expect.stringContaining(question)

async function atRoleQuestion() {
  const world = new InMemoryJourney()
  const chat = world.client(new AboutYouDialog(world.deps))
  expect(await chat.say('hi')).toEqual([asks(words.askRole)])
  return { world, chat }
}

describe('what a person can say at any question (the interruptible base dialog)', () => {
  it('help: explains, then asks the same question again', async () => {
    const { chat } = await atRoleQuestion()
    expect(await chat.say('help')).toEqual([...words.help, asks(words.askRole)])
    // The question is still open: the next answer answers it.
    expect(await chat.say('2')).toEqual([])
    expect(chat.ended.result).toEqual({})
  })

  it('what happens to my information, and who do I complain to: answered, then the same question', async () => {
    const { chat } = await atRoleQuestion()
    expect(await chat.say('who can see my information?')).toEqual([...words.privacy, asks(words.askRole)])
    expect(await chat.say('who do I complain to')).toEqual([...words.complaints, asks(words.askRole)])
  })

  it('easy read: switches the wording, saves it, and asks again in easy read; "standard" switches back', async () => {
    const { world, chat } = await atRoleQuestion()
    expect(await chat.say('easy read please')).toEqual([easy.easyReadOn, asks(easy.askRole)])
    expect(world.lastDraft.easyRead).toBe(true)
    expect(await chat.say('standard')).toEqual([words.standardOn, asks(words.askRole)])
    expect(world.lastDraft.easyRead).toBe(false)
  })

  it('"easy read" is an answer, not a command, when the question offers it as a choice', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ContactDialog(world.deps), { only: 'replyFormat' })
    expect(await chat.say('hi')).toEqual([asks(words.askReplyFormat)])
    await chat.say('Easy read')
    expect(world.lastDraft.answers.replyFormat).toBe('easy_read')
    expect(world.lastDraft.easyRead).toBe(false)
  })

  it('start again: asks first; "no" carries on with the same question, "yes" asks for a fresh start', async () => {
    const { world, chat } = await atRoleQuestion()
    expect(await chat.say('start again')).toEqual([asks(words.confirmStartAgain)])
    expect(await chat.say('no')).toEqual([words.notStartingAgain, asks(words.askRole)])
    expect(await chat.say('start over')).toEqual([asks(words.confirmStartAgain)])
    // Neither yes nor no: asked again kindly, nothing started again.
    expect(await chat.say('hmm')).toEqual([words.notUnderstoodChoice, asks(words.confirmStartAgain)])
    expect(await chat.say('yes')).toEqual([])
    expect(world.journey?.restartRequested).toBe(true)
  })

  it('speak to a person: gives the contact centre, offers a call back and records a valid number', async () => {
    const { world, chat } = await atRoleQuestion()
    const replies = await chat.say('can I talk to a real person')
    expect(replies).toEqual([...words.speakToPerson(contactCentre.CONTACT_CENTRE_PHONE, contactCentre.CONTACT_CENTRE_EMAIL), asks(words.askCallback)])
    expect(replies.join(' ')).toContain(contactCentre.CONTACT_CENTRE_PHONE)
    expect(await chat.say('yes please')).toEqual([words.askCallbackPhone])
    // A number we could not ring is asked for again; nothing is recorded.
    expect(await chat.say('0770090012')).toEqual([words.phoneNotValid])
    expect(world.callbacks).toEqual([])
    expect(await chat.say('07700 900123')).toEqual([words.callbackRecorded, asks(words.askRole)])
    expect(world.callbacks).toEqual([expect.objectContaining({ phone: '+447700900123', channel: 'sms' })])
    expect(world.lastDraft.answers.callbackRequested).toBe(true)
  })

  it('speak to a person, then no call back: carries on with the question', async () => {
    const { world, chat } = await atRoleQuestion()
    await chat.say('human')
    expect(await chat.say('no thanks')).toEqual([words.noCallback, asks(words.askRole)])
    expect(world.callbacks).toEqual([])
  })

  it('stop: pauses and saves; a greeting later welcomes them back to the same question', async () => {
    const { world, chat } = await atRoleQuestion()
    expect(await chat.say('stop')).toEqual(words.stopped)
    expect(world.lastDraft.paused).toBe(true)
    expect(await chat.say('hello')).toEqual([words.welcomeBack, asks(words.askRole)])
    await chat.say('I work there')
    expect(world.lastDraft.answers.role).toBe('staff')
  })

  it('what happened to my feedback: asks for the reference, then tells the public status only', async () => {
    const { world, chat } = await atRoleQuestion()
    world.addStatus('P8WMX-PU6F9', 'under_review')
    expect(await chat.say('what happened to my feedback')).toEqual([words.askStatusReference])
    const replies = await chat.say('p8wmxpu6f9')
    expect(replies[0]).toBe(words.statusIntro('P8WMX-PU6F9', publicStatusWording.under_review))
    expect(replies[0]).toContain(publicStatusWording.under_review)
    expect(replies.at(-1)).toEqual(asks(words.askRole))
  })

  it('a reference we do not hold: says so kindly and carries on', async () => {
    const { chat } = await atRoleQuestion()
    expect(await chat.say('any news on my feedback ABCDE-FGHJK')).toEqual([words.statusNotFound, asks(words.askRole)])
  })

  it('back at the first question of a group: the group ends asking to go back', async () => {
    const { chat } = await atRoleQuestion()
    expect(await chat.say('go back')).toEqual([])
    expect(chat.ended.result).toEqual({ back: true })
  })

  it('back inside a group: the previous question again, with the answer still changeable', async () => {
    const world = new InMemoryJourney()
    const chat = world.client(new ExperienceDialog(world.deps))
    expect(await chat.say('hi')).toEqual([words.askWhen])
    expect(await chat.say('last week')).toEqual([asks(words.askOverall)])
    expect(await chat.say('back')).toEqual([words.askWhen])
    expect(await chat.say('yesterday')).toEqual([asks(words.askOverall)])
    expect(world.lastDraft.answers.when).toEqual({ text: 'yesterday', normalised: '2025-06-17' })
  })

  it('a story that contains a command word is an answer, not a command', async () => {
    const { world, chat } = await atRoleQuestion()
    expect(await chat.say('the staff did not stop him, please help')).toEqual([words.keptAsStory, asks(words.askRole)])
    expect(world.lastDraft.answers.storyParts).toEqual(['the staff did not stop him, please help'])
  })
})
