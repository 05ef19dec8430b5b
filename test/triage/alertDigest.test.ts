import { ControlledClock } from '../helpers/clock'
import { triageStepsForThisFile } from './triageSteps'

const urgentStory = 'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.'
const clock = new ControlledClock('2026-03-02T09:00:00Z')

// The workers are not started: the test runs each pass, as after a stretch of downtime.
const { receiver, notify, services, receivedFeedback } = triageStepsForThisFile(clock)
const urgentCase = (serviceName: string) => receivedFeedback(urgentStory, serviceName)

describe('alerts that fall due together', () => {
  it('reach each person as one digest naming every case, while the webhook still gets one alert per case', async () => {
    const references: string[] = []
    for (let index = 0; index < 6; index++) references.push(await urgentCase(`Digest Home ${index}`))
    // A new urgent case is never held back to make a digest: each goes to the on-call inspector at once.
    const onCall = notify.emails.filter(email => email.email_address === 'london.asc.oncall@example.gov.uk')
    expect(onCall.map(email => email.reference).sort()).toEqual(references.map(reference => `${reference}:inspector:notify-email`).sort())
    expect(receiver.received.filter(alert => references.includes(String(alert.body.reference)))).toHaveLength(6)

    // Nobody acknowledged: all six escalate to the manager in the same pass, and reach her as one message.
    clock.advanceMinutes(30)
    expect(await services.escalation.runOnce()).toBe(6)
    await services.alertDelivery.deliverDue()
    const manager = notify.emails.filter(email => email.email_address === 'london.asc.manager@example.gov.uk')
    expect(manager).toHaveLength(1)
    expect(manager[0].personalisation?.subject).toBe('6 urgent concerns need you now.')
    expect(manager[0].personalisation?.message).not.toContain('bruises')
    expect(notify.sms.filter(sms => sms.phone_number === '+447700900200')).toHaveLength(1)
    expect(manager[0].personalisation?.message).toContain('Escalated to you as team manager')
    for (const reference of references) expect(manager[0].personalisation?.message).toContain(reference)
    expect(receiver.received.filter(alert => alert.body.escalation === 'manager')).toHaveLength(6)

    // Every alert in a digest is recorded as delivered, and a second pass sends nothing more.
    const alerts = (await Promise.all(references.map(reference => services.alertOutbox.forCase(reference)))).flat()
    expect(alerts.every(alert => alert.status === 'delivered')).toBe(true)
    const sentBefore = notify.emails.length + notify.sms.length + receiver.received.length
    await services.alertDelivery.deliverDue()
    expect(notify.emails.length + notify.sms.length + receiver.received.length).toBe(sentBefore)
  })

  it('sends a single escalation due alone as the ordinary message', async () => {
    clock.set('2026-03-03T09:00:00Z')
    const reference = await urgentCase('Lonely Oak')
    clock.advanceMinutes(30)
    await services.escalation.runOnce()
    await services.alertDelivery.deliverDue()
    const email = notify.emails.find(sent => sent.reference === `${reference}:manager:notify-email`)
    expect(email?.personalisation?.subject).toBe(`Escalated to you as team manager: urgent concern not acknowledged ${reference} about Lonely Oak.`)
  })
})
