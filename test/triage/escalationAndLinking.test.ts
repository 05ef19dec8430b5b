import { feedbackModel } from '../../src/data/models/feedback'
import { ControlledClock } from '../helpers/clock'
import { triageStepsForThisFile } from './triageSteps'

const urgentStory = 'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.'
const highStory = 'I was not given my tablets on time twice this week.'
const mediumStory = 'The staff were rude and the room was cold.'
const calmStory = 'The staff were lovely and the food was good. Thank you.'

// Monday 2 March 2026, 09:00 UTC.
const clock = new ControlledClock('2026-03-02T09:00:00Z')
// The worker is not started: each step is run by the test, at the time the test chooses.
const { connection, receiver, notify, services, receivedFeedback } = triageStepsForThisFile(clock)

const triageOf = async (reference: string) => (await feedbackModel(connection).findOne({ reference }).lean())?.triage

describe('escalation of an unacknowledged urgent alert', () => {
  it('alerts the on-call inspector at once, the team manager after 30 minutes, then the duty director', async () => {
    clock.set('2026-03-02T09:00:00Z')
    const reference = await receivedFeedback(urgentStory, 'Maple House')
    await services.alertDelivery.deliverDue()
    const forCase = () => receiver.received.filter(alert => alert.body.reference === reference)
    expect(forCase().map(alert => alert.body.escalation)).toEqual(['inspector'])
    // The routing rules send a London care home to that team's on-call inspector, by email and SMS.
    expect(notify.emails.filter(email => email.reference === `${reference}:inspector:notify-email`)).toEqual([
      expect.objectContaining({ email_address: 'london.asc.oncall@example.gov.uk' }),
    ])
    expect(notify.sms.filter(sms => sms.reference === `${reference}:inspector:notify-sms`)).toEqual([expect.objectContaining({ phone_number: '+447700900201' })])
    expect(JSON.stringify(notify.emails)).not.toContain('bruises')

    clock.advanceMinutes(29)
    expect(await services.escalation.runOnce()).toBe(0)

    clock.advanceMinutes(1)
    expect(await services.escalation.runOnce()).toBe(1)
    await services.alertDelivery.deliverDue()
    expect(forCase().map(alert => alert.body.escalation)).toEqual(['inspector', 'manager'])
    expect(notify.emails.find(email => email.reference === `${reference}:manager:notify-email`)?.email_address).toBe('london.asc.manager@example.gov.uk')
    expect(await triageOf(reference)).toMatchObject({ escalationLevel: 1 })

    // Running again at the same time changes nothing: escalation is idempotent.
    expect(await services.escalation.runOnce()).toBe(0)

    clock.advanceMinutes(30)
    expect(await services.escalation.runOnce()).toBe(1)
    await services.alertDelivery.deliverDue()
    expect(forCase().map(alert => alert.body.escalation)).toEqual(['inspector', 'manager', 'director'])
    expect(notify.emails.find(email => email.reference === `${reference}:director:notify-email`)?.email_address).toBe('duty.director@example.gov.uk')

    clock.advanceMinutes(120)
    expect(await services.escalation.runOnce()).toBe(0)
  })

  it('does not escalate a case acknowledged in time', async () => {
    clock.set('2026-03-03T09:00:00Z')
    const reference = await receivedFeedback(urgentStory, 'Willow Lodge')
    clock.advanceMinutes(10)
    await services.cases.acknowledge({ email: 'inspector@example.gov.uk', role: 'inspector', via: 'console' }, reference)
    clock.advanceMinutes(60)
    await services.escalation.runOnce()
    await services.alertDelivery.deliverDue()
    expect(await triageOf(reference)).toMatchObject({ escalationLevel: 0, acknowledgedBy: 'inspector@example.gov.uk' })
    const alerts = await services.alertOutbox.forCase(reference)
    expect(alerts.every(alert => alert.tier === 'inspector')).toBe(true)
  })
})

describe('targets and repeat concerns', () => {
  it('gives a high-risk concern raised on a Friday afternoon a target of Monday afternoon', async () => {
    clock.set('2026-03-06T15:00:00Z')
    const reference = await receivedFeedback(highStory, 'Cedar Court')
    // Precondition: the classifier reads this story as high (not urgent) risk.
    expect((await feedbackModel(connection).findOne({ reference }).lean())?.classification?.risk?.level).toBe('high')
    expect(await triageOf(reference)).toMatchObject({ queue: 'inspector', priority: 2, targetAt: new Date('2026-03-09T15:00:00Z') })
    expect(await services.alertOutbox.forCase(reference)).toHaveLength(0)
  })

  it('links concerns about the same service within 14 days both ways and raises the later one', async () => {
    clock.set('2026-04-01T10:00:00Z')
    const first = await receivedFeedback(mediumStory, 'Rowan Care')
    expect((await feedbackModel(connection).findOne({ reference: first }).lean())?.classification?.risk?.level).toBe('medium')
    expect(await triageOf(first)).toMatchObject({ queue: 'themed', priority: 3 })

    clock.set('2026-04-10T10:00:00Z')
    const praise = await receivedFeedback(calmStory, 'Rowan Care')
    expect((await triageOf(praise))?.linkedReferences ?? []).toEqual([])

    clock.set('2026-04-12T10:00:00Z')
    const second = await receivedFeedback(mediumStory, 'Rowan Care')
    expect(await triageOf(second)).toMatchObject({ priority: 2, queue: 'inspector', linkedReferences: [first] })
    expect((await triageOf(first))?.linkedReferences).toEqual([second])

    clock.set('2026-04-20T10:00:00Z')
    const third = await receivedFeedback(mediumStory, 'Rowan Care')
    // 19 days after the first: linked to the second only.
    expect((await triageOf(third))?.linkedReferences).toEqual([second])
    expect((await triageOf(second))?.linkedReferences?.sort()).toEqual([first, third].sort())

    const otherService = await receivedFeedback(mediumStory, 'Somewhere Else')
    expect((await triageOf(otherService))?.linkedReferences ?? []).toEqual([])
  })
})
