import { feedbackModel } from '../../src/data/models/feedback'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { testServiceForThisFile } from '../helpers/service'

const service = testServiceForThisFile()

function postForm(fields: Record<string, string>) {
  return fetch(`${service.url}/give-feedback-by-form`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
}

describe('the plain form at /give-feedback-by-form', () => {
  it('shows a GOV.UK form that needs no JavaScript, with 999 and Samaritans numbers up front', async () => {
    const response = await fetch(`${service.url}/give-feedback-by-form`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<form method="post" action="/give-feedback-by-form"')
    expect(html).toContain('for="serviceName"')
    expect(html).toContain('for="text"')
    expect(html).toContain('116 123')
  })

  it('keeps everything typed and links each problem to its field when something is missing', async () => {
    const response = await postForm({ serviceName: '', text: 'The night staff 😡 ignored my nan <b>again</b>', contactMethod: 'email', email: '' })
    expect(response.status).toBe(400)
    const html = await response.text()
    expect(html).toContain('There is a problem')
    expect(html).toContain('href="#serviceName"')
    expect(html).toContain('Enter the name of the service')
    expect(html).toContain('href="#email"')
    expect(html).toContain('Enter the email address we should reply to')
    expect(html).toContain('The night staff 😡 ignored my nan &lt;b&gt;again&lt;/b&gt;')
    expect(html).toMatch(/<title>\s*Error:/)
  })

  it('saves feedback through the same intake, shows the reference, and signposts help for danger', async () => {
    const response = await postForm({
      serviceName: 'Hazel Court',
      text: 'A carer hit my mum and she has bruises. She is scared to tell anyone.',
      contactMethod: 'anonymous',
    })
    expect(response.status).toBe(200)
    const html = await response.text()
    const reference = /<strong>([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5})<\/strong>/.exec(html)?.[1]
    expect(reference).toBeDefined()
    expect(html).toContain('call 999')
    expect(html).toContain('116 123')
    const stored = await feedbackModel(service.services.connection).findOne({ reference }).lean()
    expect(stored).toMatchObject({ channel: 'form', status: 'received', service: { name: 'Hazel Court' }, contact: { method: 'anonymous' } })
  })

  it('does not signpost crisis lines for ordinary feedback', async () => {
    const html = await (await postForm({ serviceName: 'Hazel Court', text: 'Parking was hard to find but staff were kind.' })).text()
    expect(html).toContain('Thank you, we have your feedback')
    expect(html).not.toContain('Get help now')
  })
})

describe('signals per service', () => {
  const day = 24 * 60 * 60 * 1000

  async function feedbackAt(serviceName: string, daysAgo: number, level: 'urgent' | 'high' | 'medium' | 'low' | 'none', themes: string[], sentiment: number, categories: string[] = []) {
    const at = new Date(Date.now() - daysAgo * day)
    await feedbackModel(service.services.connection).create({
      reference: newFeedbackReference(),
      status: 'received',
      channel: 'api',
      service: { name: serviceName, key: serviceName.toLowerCase() },
      story: 'stored for signals',
      submittedAt: at,
      classification: { themes, sentiment, risk: { level, categories, reason: 'test' }, classifier: { name: 'embedded', version: 'test' }, classifiedAt: at },
      triage: { queue: 'themed', priority: 3, routedAt: at },
    })
  }

  beforeAll(async () => {
    // Larch House: one negative a week for the 12 weeks before, then six in the last week → flagged.
    for (let week = 1; week <= 12; week += 1) await feedbackAt('Larch House', 7 * week + 3, 'medium', ['Staff manner & personal attributes'], 4)
    for (const daysAgo of [1, 2, 3, 5]) await feedbackAt('Larch House', daysAgo, 'high', ['Timeliness of care'], 5)
    for (const daysAgo of [1, 6]) await feedbackAt('Larch House', daysAgo, 'urgent', ['Timeliness of care'], 5, ['neglect'])
    await feedbackAt('Larch House', 4, 'none', ['Positive experience & gratitude'], 1)
    // Fir Court: two negatives a week before, three last week → not twice its baseline.
    for (let week = 1; week <= 12; week += 1) {
      await feedbackAt('Fir Court', 7 * week + 2, 'medium', ['Cleanliness, tidiness & infection control'], 4)
      await feedbackAt('Fir Court', 7 * week + 4, 'medium', ['Cleanliness, tidiness & infection control'], 4)
    }
    for (const daysAgo of [1, 2, 6]) await feedbackAt('Fir Court', daysAgo, 'medium', ['Cleanliness, tidiness & infection control'], 4)
    // Elm Rise, new to us: five negatives this week and nothing before → not judged, however many.
    for (const daysAgo of [1, 2, 3, 4, 5]) await feedbackAt('Elm Rise', daysAgo, 'urgent', ['Feeling safe'], 5, ['physical'])
  })

  it('counts by theme and by risk over 7, 30 and 90 days and flags a sharp rise against the service’s own baseline', async () => {
    const signals = await service.services.signals.perService()
    const larch = signals.find(signal => signal.key === 'larch house')
    const fir = signals.find(signal => signal.key === 'fir court')
    const elm = signals.find(signal => signal.key === 'elm rise')
    expect(larch).toMatchObject({ negativeLast7Days: 6, weeklyBaseline: 1, judged: true, rising: true })
    // Poisson(13/12): P(X ≥ 6) ≈ 0.09%.
    expect(larch?.explanation).toBe(
      'Flagged: 6 negative in the last 7 days, against a weekly average of 1 in the 12 weeks before. By a Poisson test, 6 or more would happen by chance less than 0.1% of the time; the flag needs under 1% and at least 3.',
    )
    expect(larch?.periods[7]).toMatchObject({ total: 7, negative: 6, byRisk: { high: 4, urgent: 2, none: 1 }, byCategory: { neglect: 2 }, byTheme: { 'Timeliness of care': 6, 'Positive experience & gratitude': 1 } })
    // 30 days: the last week's seven, plus the weekly ones at 10, 17 and 24 days.
    expect(larch?.periods[30].total).toBe(10)
    expect(larch?.periods[90].byRisk.medium).toBe(12)
    expect(fir).toMatchObject({ negativeLast7Days: 3, weeklyBaseline: 2, judged: true, rising: false })
    expect(fir?.explanation).toMatch(/^Not flagged: 3 negative in the last 7 days, against a weekly average of 2 in the 12 weeks before\. By a Poisson test, 3 or more would happen by chance 35% of the time/)
    expect(elm).toMatchObject({ negativeLast7Days: 5, judged: false, rising: false })
    expect(elm?.periods[7].byCategory).toEqual({ physical: 5 })
    expect(elm?.explanation).toBe(
      'Not judged: the 12 weeks before hold 0 pieces of feedback in 0 different weeks. A fair comparison needs at least 12 in 8 different weeks. Negative feedback in the last 7 days: 5.',
    )
    expect(signals.indexOf(larch as never)).toBeLessThan(signals.indexOf(fir as never))
  })

  it('exports JSON and CSV to a manager, and refuses an inspector', async () => {
    const manager = await service.services.users.create('signals.manager@example.gov.uk', 'manager')
    const inspector = await service.services.users.create('signals.inspector@example.gov.uk', 'inspector')
    const json = await fetch(`${service.url}/api/signals`, { headers: { Authorization: `Bearer ${manager.token}` } })
    expect(json.status).toBe(200)
    const body = await json.json()
    expect(body.rule).toContain('Poisson test')
    expect(body.services.find((signal: { key: string }) => signal.key === 'larch house').rising).toBe(true)

    const csv = await fetch(`${service.url}/api/signals.csv`, { headers: { Authorization: `Bearer ${manager.token}` } })
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="?signals-\d{4}-\d{2}-\d{2}\.csv"?/)
    const lines = (await csv.text()).trim().split('\r\n')
    expect(lines[0]).toBe('"service_key","service_name","location_id","period_days","measure","category","count","negative_last_7_days","weekly_baseline","judged","p_value","rising"')
    expect(lines).toContain('"larch house","Larch House","","7","risk","high","4","6","1","true","0.0009","true"')
    expect(lines).toContain('"larch house","Larch House","","7","risk_category","neglect","2","6","1","true","0.0009","true"')

    expect((await fetch(`${service.url}/api/signals`, { headers: { Authorization: `Bearer ${inspector.token}` } })).status).toBe(403)
    expect((await fetch(`${service.url}/api/signals`)).status).toBe(401)
  })
})
