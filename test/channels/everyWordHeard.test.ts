import crypto from 'node:crypto'
import type { Activity } from 'botbuilder'
import { feedbackModel } from '../../src/data/models/feedback'
import { journaledMessageModel } from '../../src/data/models/journaledMessage'
import { classifiableText } from '../../src/triage/classifyAndRoute'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { conversationIdFor } from '../../src/channels/sms/twilioAdapter'
import { DirectLineTestClient, textOf } from '../directline/directLineClient'
import { FakeAlertReceiver } from '../fakes/alertReceiver'
import { startBotConnectorFake } from '../fakes/botConnectorFake'
import { textTheService } from '../fakes/twilioFake'
import { ControlledClock } from '../helpers/clock'
import { startedForThisFile } from '../helpers/forThisFile'
import { startTestService, testServiceWithTwilioForThisFile } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'
import { ConsoleClient } from '../triage/consoleClient'

/**
 * Every word heard, through the real channels on the embedded database: web chat over Direct Line, SMS through
 * the signed Twilio webhook, and /api/messages. Each message is kept on the record as it arrives, all of it is
 * read for risk, and danger raises a signed alert while the person is still talking, or after they have left.
 */

const publicBaseUrl = 'https://feedback.example.gov.uk'
const secret = 'every-word-secret'
const receiver = startedForThisFile(() => new FakeAlertReceiver(secret).start())
const connector = startedForThisFile(startBotConnectorFake)
const { service, twilioFake } = testServiceWithTwilioForThisFile(() => ({ PUBLIC_BASE_URL: publicBaseUrl, ALERT_WEBHOOK_URL: receiver.url, ALERT_WEBHOOK_SECRET: secret }))
let inspectorToken: string

beforeAll(async () => {
  inspectorToken = (await service.services.users.create(`inspector.${Date.now()}@example.gov.uk`, 'inspector')).token
})

const records = () => feedbackModel(service.services.connection)

async function caseFromApi(reference: string) {
  const response = await fetch(`${service.url}/api/cases/${reference}`, {
    headers: { Authorization: `Bearer ${inspectorToken}` },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as {
    conversation: {
      step: string
      text: string
      channel: string
      followUp: boolean
    }[]
    stillBeingTold: boolean
    story?: string
  }
}

/** Alerts for one case that the receiver accepted, with valid signatures. */
function alertsFor(reference: string) {
  return receiver.received.filter(alert => alert.body.reference === reference && alert.signatureValid && !alert.headers['x-fake-refused'])
}

async function waitForAlert(reference: string, timeoutMs = 60_000) {
  expect(await waitUntil(() => alertsFor(reference).length > 0, timeoutMs)).toBe(true)
  return alertsFor(reference)
}


function randomMobile(): string {
  return `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
}

/** One text through the signed Twilio webhook; the texts sent back in TwiML. */
async function text(from: string, body: string): Promise<string[]> {
  const { status, replies } = await textTheService(twilioFake, service.url, publicBaseUrl, from, body)
  expect(status).toBe(200)
  return replies
}

async function smsRecord(from: string) {
  return records()
    .findOne({
      conversationKey: `sms:${conversationIdFor('sms', from, service.services.addressHasher)}`,
    })
    .lean()
}

const webChatRecord = (client: DirectLineTestClient) =>
  records()
    .findOne({ conversationKey: `webchat:${client.conversationId}` })
    .lean()

describe('danger acts at once, even when the person leaves', () => {
  test('"my mum was hit by a carer last night" at the very first question, then silence: a signed urgent alert, and the case shows the sentence', async () => {
    const chat = new DirectLineTestClient(service.url)
    expect(textOf(await chat.start())).toContain('Tell us what happened')
    const saidAt = Date.now()
    const reply = textOf(await chat.say('my mum was hit by a carer last night'))
    expect(reply).toContain('999')
    // The person leaves here. Nothing else is typed.

    const record = await webChatRecord(chat)
    expect(record?.conversation?.[0]).toMatchObject({
      channel: 'webchat',
      step: 'story',
      text: 'my mum was hit by a carer last night',
    })
    const [alert] = await waitForAlert(record!.reference, 60_000)
    console.log(`urgent first message to signed webhook alert: ${Date.now() - saidAt} ms`)
    expect(alert.body).toMatchObject({
      reference: record!.reference,
      risk: expect.objectContaining({ level: 'urgent' }),
      stillBeingTold: true,
    })
    expect(alert.rawBody).not.toContain('hit by a carer')

    const found = await caseFromApi(record!.reference)
    expect(found.stillBeingTold).toBe(true)
    expect(found.conversation).toEqual([
      expect.objectContaining({
        step: 'story',
        text: 'my mum was hit by a carer last night',
        followUp: false,
      }),
    ])

    const email = `inspector.page.${Date.now()}@example.gov.uk`
    const { password } = await service.services.users.create(email, 'inspector')
    const inspectorConsole = new ConsoleClient(service.url, { behindTlsProxy: true })
    await inspectorConsole.signIn(email, password)
    const page = await inspectorConsole.get(`/console/cases/${record!.reference}`)
    expect(page.status).toBe(200)
    expect(page.html).toContain('The whole conversation')
    expect(page.html).toContain('my mum was hit by a carer last night')
    expect(page.html).toContain('Still being told')
  })

  test('when the person carries on and finishes, the same case is updated and no second alert is sent', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    await chat.say('A carer hit my dad at Willow Lodge last night and he has bruises on his arms')
    const reference = (await webChatRecord(chat))!.reference
    await waitForAlert(reference)
    for (const typed of ['yes', 'bad', 'I want it stopped', 'no thanks', 'yes']) await chat.say(typed)
    expect(textOf(await chat.say('send'))).toContain(`Your reference is ${reference}`)

    await waitUntil(async () => !(await records().findOne({ reference }).lean())?.stillBeingTold)
    const record = await records().findOne({ reference }).lean()
    expect(record).toMatchObject({
      status: 'received',
      role: 'family_friend_carer',
      overall: 'bad',
      triage: expect.objectContaining({ queue: 'alert' }),
    })
    expect(record?.stillBeingTold).toBeUndefined()
    expect(record?.statusHistory.map(change => change.note).filter(Boolean)).toEqual([
      'Urgent while the person was still telling us',
      'The person finished telling us',
    ])
    await new Promise(resolve => setTimeout(resolve, 1500))
    expect(new Set(alertsFor(reference).map(alert => alert.headers['idempotency-key'])).size).toBe(1)
  })

  test('a calm unfinished chat stays a draft and raises nothing', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    await chat.say('I had a good appointment at Riverside surgery today')
    const reference = (await webChatRecord(chat))!.reference
    await service.services.classifyAndRoute.settledFor(reference)
    await new Promise(resolve => setTimeout(resolve, 1000))
    expect((await records().findOne({ reference }).lean())?.status).toBe('draft')
    expect(alertsFor(reference)).toEqual([])
  })

  test('a risk check handed the record as a turn wrote it reads it again when other work on it came first, so the case is routed and alerted once', async () => {
    const { classifyAndRoute, feedbackDrafts } = service.services
    const reference = newFeedbackReference()
    const mark = classifyAndRoute.markBeforeWrite(reference)
    expect(mark).toBeDefined()
    const written = await feedbackDrafts.appendMessage(reference, {
      channel: 'webchat',
      conversationKey: `webchat:${reference}`,
      step: 'story',
      text: 'A carer hit my mum at Willow Lodge last night and she has bruises on her face',
    })
    expect(written).toMatchObject({ reference, status: 'draft' })
    // Other work on the record (here another message's risk check) routes it before the turn's own check runs.
    await classifyAndRoute.assess(reference)
    await classifyAndRoute.assess(reference, { written: { record: written!, mark: mark! } })
    await waitForAlert(reference)
    await new Promise(resolve => setTimeout(resolve, 1500))
    const record = await records().findOne({ reference }).lean()
    expect(record?.statusHistory.filter(change => change.status === 'received')).toHaveLength(1)
    expect(new Set(alertsFor(reference).map(alert => alert.headers['idempotency-key'])).size).toBe(1)
  })
})

describe('nothing typed is lost', () => {
  test('a message whose process died before it reached the record is written there by the journal check, and an urgent one pages', async () => {
    const reference = newFeedbackReference()
    const at = new Date(Date.now() - 60_000)
    await journaledMessageModel(service.services.connection).create({
      _id: `${reference}:died-mid-turn`,
      reference,
      conversationKey: `webchat:${reference}`,
      message: { at, channel: 'webchat', step: 'story', text: 'The night carer at Willow Lodge punched my dad in the face and he is bleeding', messageId: 'died-mid-turn' },
      checkAfter: at,
    })
    // The check runs every 10 seconds on one instance.
    const onRecord = async () => (await records().findOne({ reference }).lean())?.conversation?.map(message => message.text)
    expect(await waitUntil(async () => (await onRecord())?.length === 1, 30_000)).toBe(true)
    expect(await onRecord()).toEqual(['The night carer at Willow Lodge punched my dad in the face and he is bleeding'])
    await waitForAlert(reference)
  })

  test('every message on web chat is on the record as it arrives, with its step, including words typed at a choice question and after the reference', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    const typed: [string, string][] = [
      ['hello', 'story'],
      ['My nan lives at Meadowbank care home. The food has been cold for weeks and nobody listens.', 'story'],
      ['no that is wrong', 'storyCheck'],
      ['i am her grandson', 'role'],
      ['meadowbank', 'service'],
      ['1', 'serviceConfirm'],
      ['for weeks', 'when'],
      ['They shout at the residents when they ask for help at night', 'overall'],
      ['bad', 'overall'],
      ['skip', 'desiredOutcome'],
      ['anonymous', 'contactMethod'],
      ['no', 'consent'],
      ['send', 'checkAnswers'],
      ['is anyone going to look at this', 'follow-up'],
    ]
    let reply = ''
    for (const [words] of typed) reply = textOf(await chat.say(words))
    expect(reply).toContain('I have added this to your feedback')
    const record = await webChatRecord(chat)
    expect(record?.conversation?.map(message => [message.text, message.step])).toEqual(typed)
    expect(record?.conversation?.at(-1)).toMatchObject({ followUp: true })
    expect(record?.lastFollowUpAt).toBeInstanceOf(Date)
    // A sentence at a choice question was kept as part of the story, and the question was asked again.
    expect(record?.story).toContain('They shout at the residents')
    expect(record?.role).toBe('family_friend_carer')

    // The case API shows the whole conversation in order, marked by step; the follow-up is marked as new.
    const found = await caseFromApi(record!.reference)
    expect(found.conversation.map(message => message.step)).toEqual(typed.map(([, step]) => step))
    expect(found.conversation.at(-1)).toMatchObject({
      text: 'is anyone going to look at this',
      followUp: true,
    })
  })

  test('a long sentence at a choice question is kept as story and the question asked again kindly', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    await chat.say('I want to tell you about my care')
    await chat.say('no')
    // At "Who are you?": a story, not an answer.
    const reply = textOf(await chat.say('my mum was hit by a carer last night'))
    expect(reply).toContain('I have kept what you wrote')
    expect(reply).toContain('Who are you?')
    expect((await webChatRecord(chat))?.role).toBeUndefined()
    expect(textOf(await chat.say('her son'))).not.toContain('Who are you?')
  })

  test('contact details typed in the chat are sealed in the log, never in the clear', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    for (const words of ['I had a check up at Oak Tree dental yesterday and it was great', 'yes', 'good', 'skip', 'text me']) await chat.say(words)
    expect(textOf(await chat.say('07700 900 456'))).toContain('share your words')
    const record = await webChatRecord(chat)
    const logged = record!.conversation!.find(message => message.step === 'contactPhone')!
    expect(logged.text).not.toContain('900')
    expect(JSON.stringify(record)).not.toContain('900 456')
    expect(service.services.contactCipher.decrypt(logged.sealedText!)).toEqual({
      text: '07700 900 456',
    })
  })

  test("the classifier reads all the person's words, not only the story", () => {
    const conversation = [
      {
        at: new Date(),
        channel: 'sms',
        step: 'story',
        text: 'The food was cold.',
      },
      {
        at: new Date(),
        channel: 'sms',
        step: 'role',
        text: 'the night carer slaps him',
      },
      { at: new Date(), channel: 'sms', step: 'consent', text: 'yes' },
      {
        at: new Date(),
        channel: 'sms',
        step: 'contactPhone',
        text: '(contact details, kept sealed)',
        sealedText: 'x',
      },
      {
        at: new Date(),
        channel: 'sms',
        step: 'follow-up',
        text: 'he is still scared',
        followUp: true,
      },
    ]
    const text = classifiableText({
      story: 'The food was cold.',
      desiredOutcome: undefined,
      conversation,
    })
    expect(text).toBe('The food was cold.\n\nthe night carer slaps him\n\nhe is still scared')
  })
})

describe('SMS: carrier keywords are honoured, and the words are still heard', () => {
  test('an opted-out number that texts an urgent concern: nothing is sent back, the words are kept, and the alert fires', async () => {
    const from = randomMobile()
    await text(from, 'Hello')
    expect(await text(from, 'STOP')).toEqual([])
    twilioFake.sent.length = 0
    expect(await text(from, 'my mum is being hit at the care home and nobody will help')).toEqual([])

    const record = await smsRecord(from)
    expect(record?.conversation?.map(message => [message.step, message.text])).toEqual([
      ['opening', 'Hello'],
      ['texts stopped', 'STOP'],
      ['texts stopped', 'my mum is being hit at the care home and nobody will help'],
    ])
    const [alert] = await waitForAlert(record!.reference)
    expect(alert.body).toMatchObject({
      risk: expect.objectContaining({ level: 'urgent' }),
    })
    expect(twilioFake.sent).toEqual([])
    expect(await service.services.smsOptOuts.isOptedOut(from)).toBe(true)
  })

  test('HELP mentions START; the bot never tells SMS users to say "stop"', async () => {
    const from = randomMobile()
    const help = (await text(from, 'HELP')).join('\n')
    expect(help).toContain('START')
    expect(help).not.toMatch(/say "stop"/i)
    const botHelp = (await text(from, 'what can i say')).join('\n')
    expect(botHelp).toContain('"pause"')
    expect(botHelp).not.toMatch(/"stop"/i)
    expect((await text(from, 'pause')).join('\n')).toContain('kept what you told me')
    expect(await service.services.smsOptOuts.isOptedOut(from)).toBe(false)
  })
})

describe('after the reference, the conversation goes on', () => {
  async function finishCalmSmsJourney(from: string): Promise<string> {
    await text(from, 'Hi')
    for (const words of [
      'My dad had his hip done at Testbury General Hospital last week and the nurses were lovely',
      'yes',
      'good',
      'skip',
      'no thanks',
      'yes',
    ])
      await text(from, words)
    const done = (await text(from, 'send')).join('\n')
    const reference = done.match(/reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/)?.[1]
    expect(reference).toBeDefined()
    return reference!
  }

  test('"what happened to my feedback" straight after submitting, and a reply days later that attaches to the case and alerts when urgent', async () => {
    const from = randomMobile()
    const reference = await finishCalmSmsJourney(from)
    expect((await text(from, 'what happened to my feedback')).join('\n')).toContain(`Feedback ${reference}: We have received your feedback.`)
    await waitUntil(async () => !!(await records().findOne({ reference }).lean())?.triage?.routedAt)
    expect(alertsFor(reference)).toEqual([])

    const reply = (await text(from, 'thank you. when will you go there? he is still scared because a nurse slapped him last night')).join('\n')
    expect(reply).toContain(`added this to your feedback ${reference}`)
    const found = await caseFromApi(reference)
    expect(found.conversation.at(-1)).toMatchObject({
      step: 'follow-up',
      followUp: true,
      text: expect.stringContaining('he is still scared'),
    })
    const [alert] = await waitForAlert(reference)
    expect(alert.body).toMatchObject({
      reference,
      risk: expect.objectContaining({ level: 'urgent' }),
    })
    // "new feedback" starts a new one; the old case keeps its words.
    expect((await text(from, 'new feedback')).join('\n')).toContain('Tell us what happened')
  })
})

describe('/api/messages', () => {
  test('a message from the Bot Framework Emulator is kept on the record as it arrives', async () => {
    const conversationId = crypto.randomUUID()
    const activity: Partial<Activity> = {
      type: 'message',
      id: crypto.randomUUID(),
      channelId: 'emulator',
      serviceUrl: connector.url,
      timestamp: new Date(),
      from: { id: 'user-1', name: 'User', role: 'user' },
      recipient: { id: 'feedback-bot', name: 'Bot', role: 'bot' },
      conversation: {
        id: conversationId,
        isGroup: false,
        conversationType: 'personal',
        name: '',
      },
      text: 'The staff at Hilltop do not turn up and my mum has had no food since yesterday',
    }
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    })
    expect(response.status).toBe(200)
    const record = await records()
      .findOne({ conversationKey: `botframework.emulator:${conversationId}` })
      .lean()
    expect(record?.conversation).toEqual([
      expect.objectContaining({
        channel: 'emulator',
        step: 'opening',
        text: activity.text,
      }),
    ])
    await waitForAlert(record!.reference)
  })
})

describe('a worrying draft that goes quiet', () => {
  test('is routed as unfinished after DRAFT_QUIET_MINUTES; a calm one stays a draft', async () => {
    const clock = new ControlledClock(new Date().toISOString())
    const quietService = await startTestService({ DRAFT_QUIET_MINUTES: '30' }, clock)
    try {
      const worrying = new DirectLineTestClient(quietService.url)
      await worrying.start()
      await worrying.say('Mum has lost a lot of weight and nobody told us.')
      const calm = new DirectLineTestClient(quietService.url)
      await calm.start()
      await calm.say('I had a good appointment')
      const model = feedbackModel(quietService.services.connection)
      const worryingRecord = await model.findOne({ conversationKey: `webchat:${worrying.conversationId}` }).lean()
      const calmRecord = await model.findOne({ conversationKey: `webchat:${calm.conversationId}` }).lean()
      await quietService.services.classifyAndRoute.settledFor(worryingRecord!.reference)

      await quietService.services.classifyAndRoute.routeQuietDrafts()
      expect((await model.findOne({ reference: worryingRecord!.reference }).lean())?.status).toBe('draft')

      clock.advanceMinutes(31)
      await quietService.services.classifyAndRoute.routeQuietDrafts()
      const routed = await model.findOne({ reference: worryingRecord!.reference }).lean()
      expect(['medium', 'high', 'urgent']).toContain(routed?.classification?.risk?.level)
      expect(routed).toMatchObject({
        status: 'received',
        stillBeingTold: true,
        triage: expect.objectContaining({ routedAt: expect.any(Date) }),
      })
      expect(routed?.statusHistory.at(-1)?.note).toBe('Unfinished: the person stopped replying')
      expect((await model.findOne({ reference: calmRecord!.reference }).lean())?.status).toBe('draft')
    } finally {
      await quietService.stop()
    }
  })
})

describe('answers can be put right', () => {
  test('"send", "done" or "that\'s all" at the story prompt are not saved into the story; "What happened" can be replaced or added to', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    expect(textOf(await chat.say('done'))).toContain('Please tell us what happened')
    await chat.say("that's all")
    expect(textOf(await chat.say('The GP receptionist at Riverside GP was rude to me on Monday'))).toContain('I have noted')
    for (const words of ['yes', 'bad', 'skip', 'no thanks', 'yes']) await chat.say(words)
    expect(textOf(await chat.say('change what happened'))).toContain('replace what you wrote, or add to it')
    expect(textOf(await chat.say('replace it'))).toContain('This replaces what you wrote before')
    expect(textOf(await chat.say('The receptionist at Riverside GP shouted at me on Monday.'))).toContain('Check your answers')
    expect((await webChatRecord(chat))?.story).toBe('The receptionist at Riverside GP shouted at me on Monday.')

    await chat.say('change what happened')
    await chat.say('add to it')
    expect(textOf(await chat.say('send'))).toContain('Check your answers')
    expect((await webChatRecord(chat))?.story).toBe('The receptionist at Riverside GP shouted at me on Monday.')
    await chat.say('change what happened')
    await chat.say('add')
    await chat.say('She apologised the next day.')
    const record = await webChatRecord(chat)
    expect(record?.story).toBe('The receptionist at Riverside GP shouted at me on Monday.\n\nShe apologised the next day.')
    // Nothing is lost: the replaced words are still in the conversation log, and the commands are there too.
    expect(record?.conversation?.map(message => message.text)).toEqual(
      expect.arrayContaining(['done', "that's all", 'The GP receptionist at Riverside GP was rude to me on Monday', 'send']),
    )
  })
})

describe('promises kept', () => {
  test('"Who do I complain to?" as the very first text, and in the middle, is answered', async () => {
    const from = randomMobile()
    const first = (await text(from, 'Who do I complain to?')).join('\n')
    for (const words of [
      'Parliamentary and Health Service Ombudsman',
      'Local Government and Social Care Ombudsman',
      'NHS complaints advocacy',
      'complaints process',
      'Tell us what happened',
    ]) {
      expect(first).toContain(words)
    }
    await text(from, 'The home care staff from Hilltop keep coming late.')
    const middle = (await text(from, 'how do i make a complaint')).join('\n')
    expect(middle).toContain('Ombudsman')
    expect(middle).toContain('Is that right?')
  })

  test('staff are reassured, not asked whether their experience was good or bad, and told before consenting that the service may recognise them', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    const heard = textOf(await chat.say('I work at Meadowbank care home and the managers tell us not to write down falls'))
    expect(heard).toContain('Who you are: I work there')
    const reassured = textOf(await chat.say('yes'))
    expect(reassured).toContain('Public Interest Disclosure Act 1998')
    expect(reassured).toContain('When did it happen?')
    const next = textOf(await chat.say('every week since the summer'))
    expect(next).not.toContain('good, bad or mixed')
    expect(next).toContain('What would you like to happen?')
    await chat.say('I want someone to check the falls records')
    const consent = textOf(await chat.say('no'))
    expect(consent).toContain('the service may still recognise you from what you wrote')
    expect(consent.indexOf('recognise you')).toBeLessThan(consent.indexOf('Can we share your words'))
    expect(textOf(await chat.say('no'))).toContain('Check your answers')
    expect(await webChatRecord(chat)).toMatchObject({ role: 'staff', consentToShare: false })
  })

  test('"what happened to my feedback" at the start of a chat, with the reference in the next message', async () => {
    const earlier = new DirectLineTestClient(service.url)
    await earlier.start()
    for (const words of ['I saw the physio at Testbury General Hospital on Friday and she was brilliant', 'yes', 'good', 'skip', 'no thanks', 'yes'])
      await earlier.say(words)
    const reference = /reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(textOf(await earlier.say('send')))![1]
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    expect(textOf(await chat.say('what happened to my feedback?'))).toContain('What is your reference?')
    expect(textOf(await chat.say(reference))).toContain(`Feedback ${reference}: We have received your feedback.`)
  })

  test('the plain status page by reference serves people without JavaScript', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    for (const words of ['I had a lovely check up at Oak Tree dental yesterday', 'yes', 'good', 'skip', 'no thanks', 'yes']) await chat.say(words)
    const reference = /reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(textOf(await chat.say('send')))?.[1]
    const empty = await fetch(`${service.url}/feedback-status`)
    expect(empty.status).toBe(200)
    expect(await empty.text()).toContain('Your reference')
    const found = await fetch(`${service.url}/feedback-status?reference=${reference!.toLowerCase().replace('-', ' ')}`)
    expect(found.status).toBe(200)
    const page = await found.text()
    expect(page).toContain(reference)
    expect(page).toContain('We have received your feedback.')
    expect(page).not.toContain('lovely check up')
    const missing = await fetch(`${service.url}/feedback-status?reference=ZZZZZ-ZZZZZ`)
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('There is a problem')
  })
})
