import { feedbackModel } from '../../src/data/models/feedback'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { alertWebhookSettings, FakeAlertReceiver } from '../fakes/alertReceiver'
import { notifySettings, startNotifyFake } from '../fakes/notifyFake'
import type { ControlledClock } from '../helpers/clock'
import { testDatabaseForThisFile } from '../helpers/database'
import { startedForThisFile } from '../helpers/forThisFile'
import { createTestServices } from '../helpers/service'

/**
 * Triage step by step on a test's clock, for this test file: alerts go to a webhook receiver and GOV.UK Notify
 * (both fakes), escalation comes after 30 minutes, and no worker runs, so the test runs each pass when it chooses.
 */
export function triageStepsForThisFile(clock: ControlledClock) {
  const connection = testDatabaseForThisFile()
  const receiver = startedForThisFile(() => new FakeAlertReceiver('triage-steps-secret').start())
  const notify = startedForThisFile(startNotifyFake)
  const services = startedForThisFile(
    async () => createTestServices(connection, { ...alertWebhookSettings(receiver), ALERT_ESCALATION_MINUTES: '30', ...notifySettings(notify) }, clock),
    async () => {},
  )

  /** Feedback about a London care home, received now, then classified and routed as the worker would. */
  async function receivedFeedback(story: string, serviceName: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const reference = newFeedbackReference()
    await feedbackModel(connection).create({
      reference,
      status: 'received',
      statusHistory: [{ status: 'received', at: clock.now() }],
      channel: 'api',
      service: { name: serviceName, key: serviceName.toLowerCase(), region: 'London', serviceTypes: ['Care home'] },
      story,
      submittedAt: clock.now(),
      ...overrides,
    })
    await services.classifyAndRoute.process(reference)
    return reference
  }

  return { connection, receiver, notify, services, receivedFeedback }
}
