import type { Activity, Attachment } from 'botbuilder'
import { type BotMessage, rendererFor, splitForSms, textsForSms } from '../../../src/conversation/botMessage'

const question: BotMessage = {
  text: 'Who are you?',
  choices: [
    { value: 'person', label: 'I used the service' },
    { value: 'family_friend_carer', label: 'Family, friend or carer' },
    { value: 'staff', label: 'I work there' },
  ],
}

const summary: BotMessage = {
  text: 'Is this right?',
  summary: { title: 'Your answers', rows: [{ label: 'Service', value: 'Willow Lodge' }, { label: 'When', value: 'Last week' }] },
  choices: [{ value: 'send', label: 'Send' }],
}

function cardOf(activities: Partial<Activity>[]): { body: { type: string; text?: string }[]; actions: { title: string; data: unknown }[]; fallbackText: string } {
  return (activities[0]!.attachments![0] as Attachment).content
}

describe('one message, rendered for each channel', () => {
  it.each(['webchat', 'directline', 'emulator', undefined])('%s gets suggested actions, numbered, that send the label back', channelId => {
    const [activity] = rendererFor(channelId)(question)
    expect(activity!.text).toBe('Who are you?')
    expect(activity!.suggestedActions!.actions.map(action => [action.title, action.value])).toEqual([
      ['1. I used the service', 'I used the service'],
      ['2. Family, friend or carer', 'Family, friend or carer'],
      ['3. I work there', 'I work there'],
    ])
  })

  it.each(['sms', 'whatsapp'])('%s gets plain text with the choices as numbered lines and how to answer', channelId => {
    const activities = rendererFor(channelId)(question)
    expect(activities.map(activity => activity.text)).toEqual([
      'Who are you?\n\n1 I used the service\n2 Family, friend or carer\n3 I work there',
    ])
    expect(activities.every(activity => !activity.attachments && !activity.suggestedActions)).toBe(true)
  })

  it('SMS shows a summary as label: value lines', () => {
    expect(rendererFor('sms')(summary)[0]!.text).toBe('Your answers\nService: Willow Lodge\nWhen: Last week\n\nIs this right?\n\n1 Send')
  })

  it('Teams gets an Adaptive Card with a numbered button per choice that posts the label back as text', () => {
    const activities = rendererFor('msteams')(question)
    const card = cardOf(activities)
    expect(activities[0]!.summary).toBe('Who are you?')
    expect(card.body).toEqual([expect.objectContaining({ type: 'TextBlock', text: 'Who are you?' })])
    expect(card.actions.map(action => [action.title, action.data])).toEqual([
      ['1. I used the service', { msteams: { type: 'imBack', value: 'I used the service' } }],
      ['2. Family, friend or carer', { msteams: { type: 'imBack', value: 'Family, friend or carer' } }],
      ['3. I work there', { msteams: { type: 'imBack', value: 'I work there' } }],
    ])
    expect(card.fallbackText).toContain('2 Family, friend or carer')
  })

  it('Teams shows a summary as a fact set, and plain text alone without a card', () => {
    expect(cardOf(rendererFor('msteams')(summary)).body.map(element => element.type)).toEqual(['TextBlock', 'FactSet', 'TextBlock'])
    expect(rendererFor('msteams')({ text: 'Thank you.' })).toEqual([{ type: 'message', text: 'Thank you.', textFormat: 'plain' }])
  })
})

describe('splitting long text for SMS', () => {
  it('keeps every part within 1600 characters and loses nothing', () => {
    const text = Array.from({ length: 200 }, (_, index) => `This is sentence ${index + 1}.`).join(' ')
    const parts = splitForSms(text)
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.every(part => part.length <= 1600)).toBe(true)
    expect(parts.join(' ')).toBe(text)
    expect(parts.every(part => part.endsWith('.'))).toBe(true)
  })

  it('prefers a line break to a space', () => {
    const text = `${'a '.repeat(600)}\n${'b '.repeat(600)}`.trim()
    expect(splitForSms(text)[0]).toBe('a '.repeat(600).trim())
  })

  it('never cuts an emoji in half, even in text with no spaces', () => {
    const text = `x${'😀'.repeat(1000)}`
    const parts = splitForSms(text)
    expect(parts.every(part => part.length <= 1600)).toBe(true)
    expect(parts.join('')).toBe(text)
    expect(parts.every(part => !/[\uD800-\uDBFF]$/.test(part))).toBe(true)
  })

  it('gives nothing for empty text', () => {
    expect(splitForSms('   ')).toEqual([])
  })
})

describe('a turn of replies as texts', () => {
  it('joins the turn into as few texts as possible, in order, with the choices as numbered lines', () => {
    const replies = [...rendererFor('sms')({ text: 'Thank you.' }), ...rendererFor('sms')(question)].map(activity => activity.text!)
    expect(textsForSms(replies)).toEqual(['Thank you.\n\nWho are you?\n\n1 I used the service\n2 Family, friend or carer\n3 I work there'])
  })

  it('splits a long turn once, every part within the limit for its encoding, losing nothing', () => {
    const long = Array.from({ length: 120 }, (_, index) => `Sentence ${index + 1} about the care.`).join(' ')
    const texts = textsForSms([long, ...rendererFor('sms')(question).map(activity => activity.text!)])
    expect(texts.length).toBeGreaterThan(1)
    expect(texts.every(text => text.length <= 1600)).toBe(true)
    expect(texts.at(-1)).toContain('3 I work there')
    expect(texts.join(' ').replace(/\s+/g, ' ')).toContain('Sentence 120 about the care.')
    const welsh = textsForSms(['Diolch yn fawr iawn ŵ '.repeat(60)])
    expect(welsh.every(text => text.length <= 670)).toBe(true)
  })

  it('gives no text for a turn that said nothing', () => {
    expect(textsForSms(['', ''])).toEqual([])
  })
})
