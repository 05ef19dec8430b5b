import { feedbackModel } from '../../src/data/models/feedback'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { testServiceForThisFile } from '../helpers/service'

const service = testServiceForThisFile()

describe('an update for someone who chose "this chat" on the web chat', () => {
  it('appears in their Direct Line conversation, after what was said before', async () => {
    const created = await fetch(`${service.url}/v3/directline/conversations`, { method: 'POST' })
    expect(created.status).toBe(201)
    const { conversationId, token } = (await created.json()) as { conversationId: string; token: string }
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    const sent = await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ type: 'message', from: { id: 'me' }, text: 'Hello' }),
    })
    expect(sent.status).toBe(200)

    const reference = newFeedbackReference()
    await feedbackModel(service.services.connection).create({
      reference,
      status: 'received',
      channel: 'webchat',
      conversationKey: `webchat:${conversationId}`,
      contact: { method: 'chat', format: 'standard' },
    })
    const delivery = await service.services.notifyPerson(reference, { text: 'An inspector has read your feedback. Thank you.' })
    expect(delivery).toMatchObject({ status: 'sent', route: 'directline' })

    const page = await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities?watermark=0`, { headers })
    const { activities } = (await page.json()) as { activities: { text?: string; from?: { role?: string } }[] }
    const texts = activities.map(activity => activity.text)
    expect(texts.at(-1)).toBe('An inspector has read your feedback. Thank you.')
    expect(activities.at(-1)?.from?.role).toBe('bot')
    expect(texts.indexOf('Hello')).toBeGreaterThanOrEqual(0)
    expect(texts.indexOf('Hello')).toBeLessThan(texts.length - 1)
  })
})
