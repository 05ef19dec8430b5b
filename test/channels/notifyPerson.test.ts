import crypto from 'node:crypto'
import { feedbackModel } from '../../src/data/models/feedback'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { createNotifyEmailSender } from '../../src/messaging/deliveryProviders'
import { DeliveryService, maxAttempts, retryDelaysMs } from '../../src/messaging/notifyPerson'
import { TranscriptStore } from '../../src/channels/webchat/transcriptStore'
import { startBotConnectorFake } from '../fakes/botConnectorFake'
import { startNotifyFake } from '../fakes/notifyFake'
import { ControlledClock } from '../helpers/clock'
import { startedForThisFile } from '../helpers/forThisFile'
import { testServiceWithTwilioForThisFile } from '../helpers/service'

const clock = new ControlledClock()
const notifyFake = startedForThisFile(startNotifyFake)
const connector = startedForThisFile(startBotConnectorFake)
const { service, twilioFake } = testServiceWithTwilioForThisFile(
  () => ({ NOTIFY_API_KEY: notifyFake.apiKey, NOTIFY_BASE_URL: notifyFake.url, NOTIFY_EMAIL_TEMPLATE_ID: crypto.randomUUID() }),
  clock,
)

beforeAll(async () => {
  // The test drives retries itself with the controlled clock.
  await service.services.jobs.stop()
})

beforeEach(() => {
  twilioFake.sent.length = 0
  twilioFake.state.failWith = undefined
  notifyFake.emails.length = 0
  notifyFake.state.failWith = undefined
})

async function feedbackWith(contact: { method: 'anonymous' | 'sms' | 'email' | 'phone' | 'chat'; format?: 'standard' | 'easy_read' | 'other_language'; details?: object }, extra: object = {}): Promise<string> {
  const reference = newFeedbackReference()
  await feedbackModel(service.services.connection).create({
    reference,
    status: 'received',
    channel: 'api',
    story: 'The staff were kind.',
    contact: {
      method: contact.method,
      format: contact.format ?? 'standard',
      sealedDetails: contact.details ? service.services.contactCipher.encrypt(contact.details) : undefined,
    },
    ...extra,
  })
  return reference
}

/** Feedback given in an Emulator conversation whose reference points at `serviceUrl`. */
async function emulatorFeedback(serviceUrl: string): Promise<{ conversationId: string; reference: string }> {
  const conversationId = `emulator-${crypto.randomUUID()}`
  await service.services.conversationReferences.remember({
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    bot: { id: 'feedback-bot', name: 'bot' },
    user: { id: 'user-1', name: 'User' },
  })
  return { conversationId, reference: await feedbackWith({ method: 'chat' }, { channel: 'emulator', conversationKey: `emulator:${conversationId}` }) }
}

describe('notifyPerson delivers on the channel the person chose', () => {
  it('emails through GOV.UK Notify, with the subject and message as personalisation and the delivery id as reference', async () => {
    const reference = await feedbackWith({ method: 'email', details: { email: 'sam@example.com' } })
    const delivery = await service.services.notifyPerson(reference, { text: 'We visited the service on Monday.', subject: 'Your feedback' })
    expect(delivery.status).toBe('sent')
    expect(notifyFake.emails).toEqual([
      expect.objectContaining({
        email_address: 'sam@example.com',
        personalisation: { subject: 'Your feedback', message: 'We visited the service on Monday.' },
        reference: delivery.deliveryId,
      }),
    ])
    expect(delivery.attempts).toEqual([expect.objectContaining({ number: 1, outcome: 'sent' })])
  })

  it('texts through Twilio, to the number in international format', async () => {
    const reference = await feedbackWith({ method: 'sms', details: { phone: '07700 900123' } })
    const delivery = await service.services.notifyPerson(reference, { text: 'Thank you. We have read your feedback.' })
    expect(delivery).toMatchObject({ status: 'sent', route: 'twilio' })
    expect(twilioFake.sent).toEqual([expect.objectContaining({ to: '+447700900123', from: '+447700900000', body: 'Thank you. We have read your feedback.' })])
  })

  it('sends the easy read version to someone who asked for easy read', async () => {
    const reference = await feedbackWith({ method: 'sms', format: 'easy_read', details: { phone: '+447700900124' } })
    await service.services.notifyPerson(reference, { text: 'We have asked the provider to review its procedures.', easyReadText: 'We read what you told us. We talked to the care home.' })
    expect(twilioFake.sent.map(message => message.body)).toEqual(['We read what you told us. We talked to the care home.'])
  })

  it('splits a long text into parts of at most 1600 characters, in order', async () => {
    const reference = await feedbackWith({ method: 'sms', details: { phone: '+447700900125' } })
    const long = Array.from({ length: 60 }, (_, index) => `Sentence number ${index + 1} of our reply to you.`).join(' ')
    const delivery = await service.services.notifyPerson(reference, { text: long })
    expect(delivery.status).toBe('sent')
    expect(twilioFake.sent.length).toBeGreaterThan(1)
    expect(twilioFake.sent.every(message => message.body.length <= 1600)).toBe(true)
    expect(twilioFake.sent.map(message => message.body).join(' ')).toBe(long)
  })

  it('keeps the update for an anonymous person to read, and sends nothing', async () => {
    const reference = await feedbackWith({ method: 'anonymous' })
    const delivery = await service.services.notifyPerson(reference, { text: 'We have passed this to the inspector.' })
    expect(delivery.status).toBe('kept_for_reading')
    expect(twilioFake.sent).toHaveLength(0)
    expect(notifyFake.emails).toHaveLength(0)
  })

  it('marks a phone preference for a person to call', async () => {
    const reference = await feedbackWith({ method: 'phone', details: { phone: '+447700900126' } })
    const delivery = await service.services.notifyPerson(reference, { text: 'Please call us back.' })
    expect(delivery.status).toBe('needs_phone_call')
    expect(twilioFake.sent).toHaveLength(0)
  })

  it('never texts a number that has opted out', async () => {
    await service.services.smsOptOuts.record('+447700900127', true, 'stop')
    const reference = await feedbackWith({ method: 'sms', details: { phone: '07700900127' } })
    const delivery = await service.services.notifyPerson(reference, { text: 'An update.' })
    expect(delivery.status).toBe('opted_out')
    expect(twilioFake.sent).toHaveLength(0)
  })

  it('answers a web chat conversation in its Direct Line transcript', async () => {
    const transcripts = new TranscriptStore(service.services.connection, service.services.contactCipher, clock)
    const conversation = await transcripts.createConversation()
    const reference = await feedbackWith({ method: 'chat' }, { channel: 'webchat', conversationKey: `webchat:${conversation.conversationId}` })
    const delivery = await service.services.notifyPerson(reference, { text: 'An inspector has read your feedback.' })
    expect(delivery).toMatchObject({ status: 'sent', route: 'directline' })
    const { activities } = await transcripts.activitiesAfter(conversation.conversationId, 0)
    expect(activities).toEqual([expect.objectContaining({ type: 'message', text: 'An inspector has read your feedback.', from: expect.objectContaining({ role: 'bot' }) })])
  })

  it('fails at once, without retrying, when the web chat conversation has been forgotten', async () => {
    const reference = await feedbackWith({ method: 'chat' }, { channel: 'webchat', conversationKey: 'webchat:no-such-conversation' })
    const delivery = await service.services.notifyPerson(reference, { text: 'An update.' })
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1, lastError: expect.stringContaining('conversation has ended') })
    expect((await service.services.listFailedDeliveries({ feedbackReference: reference })).map(item => item.deliveryId)).toEqual([delivery.deliveryId])
  })

  it('answers a Bot Framework conversation (Emulator, Teams) through its stored conversation reference', async () => {
    const { conversationId, reference } = await emulatorFeedback(connector.url)
    const delivery = await service.services.notifyPerson(reference, { text: 'Thank you for waiting.' })
    expect(delivery).toMatchObject({ status: 'sent', route: 'botframework' })
    expect(connector.received).toEqual(
      expect.arrayContaining([expect.objectContaining({ conversationId, activity: expect.objectContaining({ text: 'Thank you for waiting.' }) })]),
    )
  })
})

describe('a provider that is down', () => {
  it('does not count a Bot Framework update as sent when the connector cannot be reached', async () => {
    const gone = await startBotConnectorFake()
    await gone.stop()
    const { reference } = await emulatorFeedback(gone.url)
    const delivery = await service.services.notifyPerson(reference, { text: 'Thank you for waiting.' })
    expect(delivery).toMatchObject({ route: 'botframework', attemptCount: 1 })
    expect(delivery.status).not.toBe('sent')
    expect(delivery.lastError).toEqual(expect.any(String))
    // Each try at a closed connector takes the connector client's own retries (seconds): later tests' delivery runs
    // would try this one again and again, so it is given up here.
    await service.services.deliveries.deliveries.updateOne({ deliveryId: delivery.deliveryId }, { $set: { status: 'failed' } })
  })

  it('is retried with growing waits, then the delivery is marked failed and listed, with its text kept', async () => {
    twilioFake.state.failWith = 500
    const reference = await feedbackWith({ method: 'sms', details: { phone: '+447700900128' } })
    let delivery = await service.services.notifyPerson(reference, { text: 'Your update.' })
    expect(delivery).toMatchObject({ status: 'queued', attemptCount: 1, lastError: 'Twilio answered HTTP 500' })

    const { deliveries, jobs } = service.services
    for (const [index, wait] of retryDelaysMs.entries()) {
      // Not due yet: nothing is tried before its time.
      clock.advance(wait - 1000)
      await jobs.runNow('person-deliveries')
      expect((await deliveries.deliveries.findOne({ deliveryId: delivery.deliveryId }).lean())?.attemptCount).toBe(index + 1)
      clock.advance(1000)
      await jobs.runNow('person-deliveries')
      delivery = (await deliveries.deliveries.findOne({ deliveryId: delivery.deliveryId }).lean())!
      expect(delivery.attemptCount).toBe(index + 2)
    }
    expect(delivery.attemptCount).toBe(maxAttempts)
    expect(delivery.status).toBe('failed')
    expect(delivery.attempts).toHaveLength(maxAttempts)
    expect(delivery.attempts.every(attempt => attempt.outcome === 'error')).toBe(true)
    expect(delivery.lastError).not.toContain('7700900128')
    expect(delivery.text).toBe('Your update.')

    const failed = await service.services.listFailedDeliveries({ feedbackReference: reference })
    expect(failed.map(item => item.deliveryId)).toEqual([delivery.deliveryId])
  })

  it('recovers when the provider comes back before the tries run out', async () => {
    twilioFake.state.failWith = 503
    const reference = await feedbackWith({ method: 'sms', details: { phone: '+447700900129' } })
    const first = await service.services.notifyPerson(reference, { text: 'Back soon.' })
    expect(first.status).toBe('queued')
    twilioFake.state.failWith = undefined
    clock.advance(retryDelaysMs[0]!)
    await service.services.jobs.runNow('person-deliveries')
    const after = await service.services.deliveries.deliveries.findOne({ deliveryId: first.deliveryId }).lean()
    expect(after).toMatchObject({ status: 'sent', attemptCount: 2 })
    expect(twilioFake.sent.map(message => message.body)).toEqual(['Back soon.'])
  })

  it('sends a delivery left half-done by a process that was killed, once its claim has run out', async () => {
    const reference = await feedbackWith({ method: 'sms', details: { phone: '+447700900130' } })
    twilioFake.state.failWith = 500
    const first = await service.services.notifyPerson(reference, { text: 'After the crash.' })
    twilioFake.state.failWith = undefined
    // As a process killed mid-send leaves it: claimed, never finished.
    await service.services.deliveries.deliveries.updateOne(
      { deliveryId: first.deliveryId },
      { $set: { status: 'sending', claimToken: 'dead-process', claimedUntil: new Date(clock.now().getTime() + 60_000) } },
    )
    await service.services.jobs.runNow('person-deliveries')
    expect(twilioFake.sent).toHaveLength(0)
    clock.advance(60_000)
    await service.services.jobs.runNow('person-deliveries')
    const after = await service.services.deliveries.deliveries.findOne({ deliveryId: first.deliveryId }).lean()
    expect(after).toMatchObject({ status: 'sent' })
    expect(twilioFake.sent.map(message => message.body)).toEqual(['After the crash.'])
  })

  it('treats a refused connection like an outage: queued for a retry, no crash', async () => {
    const closed = await startNotifyFake()
    await closed.stop()
    const config = { ...service.services.config, NOTIFY_BASE_URL: closed.url, NOTIFY_API_KEY: closed.apiKey, NOTIFY_EMAIL_TEMPLATE_ID: crypto.randomUUID() }
    const unreachable = new DeliveryService({
      connection: service.services.connection,
      clock,
      logger: service.services.logger,
      contactCipher: service.services.contactCipher,
      optOuts: service.services.smsOptOuts,
      conversations: service.services.conversationReferences,
      queue: service.services.workQueue,
      texts: service.services.twilioAdapter,
      email: createNotifyEmailSender(config),
      chat: { webChat: async () => '', botFramework: async () => '' },
    })
    const reference = await feedbackWith({ method: 'email', details: { email: 'kim@example.com' } })
    const delivery = await unreachable.notifyPerson(reference, { text: 'Hello.' })
    expect(delivery).toMatchObject({ status: 'queued', lastError: expect.stringContaining('could not be reached') })
    expect(delivery.lastError).not.toContain('kim@example.com')
  })
})

describe('sendProactiveMessage', () => {
  it('posts an Adaptive Card to a Teams channel conversation', async () => {
    const conversationId = `19:${crypto.randomUUID()}@thread.tacv2`
    await service.services.sendProactiveMessage(
      {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: 'On call' },
        bot: { id: 'feedback-bot', name: 'bot' },
      },
      { text: 'Urgent concern ABCDE-FGHJK needs an inspector now.', summary: { title: 'Urgent concern', rows: [{ label: 'Risk', value: 'urgent' }] } },
    )
    const card = connector.received.find(item => item.conversationId === conversationId)
    expect(card?.activity.attachments?.[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: expect.objectContaining({ body: expect.arrayContaining([expect.objectContaining({ text: 'Urgent concern ABCDE-FGHJK needs an inspector now.' })]) }),
    })
  })
})
