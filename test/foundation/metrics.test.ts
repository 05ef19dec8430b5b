import { findFreePort } from '../../src/data/embeddedDatabase'
import type { RunningService } from '../../src/service'
import { startTestService } from '../helpers/service'

let service: RunningService | undefined

afterEach(async () => {
  await service?.stop()
  service = undefined
})

describe('/metrics', () => {
  it('answers only with the token, and counts intake, the outbox, the database ping and each database command', async () => {
    service = await startTestService({ METRICS_TOKEN: 'metrics-token-for-tests' })
    expect((await fetch(`${service.url}/metrics`)).status).toBe(401)
    expect((await fetch(`${service.url}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401)

    const posted = await fetch(`${service.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Metric Manor' }, text: 'The staff were kind.' }),
    })
    expect(posted.status).toBe(201)
    const response = await fetch(`${service.url}/metrics`, { headers: { Authorization: 'Bearer metrics-token-for-tests' } })
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toContain('feedback_intake_total{channel="api",outcome="created"} 1')
    expect(text).toMatch(/feedback_database_ping_seconds \d/)
    expect(text).toContain('# TYPE feedback_outbox_depth gauge')
    expect(text).toContain('# TYPE feedback_turn_duration_seconds histogram')
    expect(text).toContain('# TYPE feedback_alert_deliveries_total counter')
    // The submission was saved with one insert into the feedback collection, timed by command and collection.
    expect(text).toMatch(/feedback_database_command_duration_seconds_count\{command="insert",collection="feedbacks"\} [1-9]/)
  })

  it('is not served on the main port without a token, and is served on its own port when one is set', async () => {
    const port = await findFreePort()
    service = await startTestService({ METRICS_PORT: String(port) })
    expect((await fetch(`${service.url}/metrics`)).status).toBe(404)
    const response = await fetch(`http://127.0.0.1:${port}/metrics`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('feedback_escalations_total')
  })
})
