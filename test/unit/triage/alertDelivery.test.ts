import crypto from 'node:crypto'
import { backoffAfter, signWebhookBody } from '../../../src/triage/alertDelivery'

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
