import crypto from 'node:crypto'
import { backoffAfter, signWebhookBody } from '../../../src/services/alertDelivery'
import { splitConversationKey } from '../../../src/services/notifyPerson'
import { addWorkingDays } from '../../../src/services/routing'

describe('addWorkingDays: when a response is due', () => {
  it.each([
    // [from, working days, due]
    ['2025-06-16T09:30:00Z', 1, '2025-06-17T09:30:00Z'], // Monday → Tuesday
    ['2025-06-20T09:30:00Z', 1, '2025-06-23T09:30:00Z'], // Friday → Monday
    ['2025-06-21T09:30:00Z', 1, '2025-06-23T09:30:00Z'], // Saturday → Monday
    ['2025-06-16T09:30:00Z', 5, '2025-06-23T09:30:00Z'], // a working week
    ['2025-06-16T09:30:00Z', 0, '2025-06-16T09:30:00Z'],
    ['2025-12-31T23:00:00Z', 2, '2026-01-02T23:00:00Z'], // across the new year
  ])('%s plus %i is %s', (from, days, due) => {
    expect(addWorkingDays(new Date(from), days).toISOString()).toBe(new Date(due).toISOString())
  })

  it('never changes the date it was given', () => {
    const from = new Date('2025-06-16T09:30:00Z')
    addWorkingDays(from, 3)
    expect(from.toISOString()).toBe('2025-06-16T09:30:00.000Z')
  })
})

describe('splitConversationKey', () => {
  it.each([
    ['webchat:abc', { channelId: 'webchat', conversationId: 'abc' }],
    // Teams conversation ids hold colons of their own.
    ['msteams:a:19:meeting_xyz@thread.v2', { channelId: 'msteams', conversationId: 'a:19:meeting_xyz@thread.v2' }],
    ['botframework.msteams:a:1', { channelId: 'botframework.msteams', conversationId: 'a:1' }],
    ['webchat:', undefined],
    [':abc', undefined],
    ['no separator', undefined],
    ['', undefined],
  ])('%j is %j', (key, expected) => {
    expect(splitConversationKey(key)).toEqual(expected)
  })
})

describe('alert webhooks', () => {
  it('back off from half a second, doubling, to at most a minute', () => {
    const waits = [0, 1, 2, 3, 4, 10, 100].map(backoffAfter)
    expect(waits.slice(0, 5)).toEqual([500, 500, 1000, 2000, 4000])
    expect(waits.at(-1)).toBe(60_000)
    expect(waits.every((wait, index) => index === 0 || wait >= waits[index - 1])).toBe(true)
  })

  it('are signed so the receiver can check the body came from us, unchanged', () => {
    const body = JSON.stringify({ reference: 'P8WMX-PU6F9', text: 'Urgent 🚨 <b>concern</b>' })
    const expected = `sha256=${crypto.createHmac('sha256', 'secret').update(body, 'utf8').digest('hex')}`
    expect(signWebhookBody(body, 'secret')).toBe(expected)
    expect(signWebhookBody(`${body} `, 'secret')).not.toBe(expected)
    expect(signWebhookBody(body, 'other secret')).not.toBe(expected)
  })
})
