import { auditEventModel } from '../../src/data/models/auditEvent'
import { feedbackModel } from '../../src/data/models/feedback'
import { testServiceForThisFile } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'
import { ConsoleClient } from './consoleClient'

const urgentStory = 'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.'

const service = testServiceForThisFile()

async function submitted(text: string, serviceName: string) {
  const response = await fetch(`${service.url}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ service: { name: serviceName }, text, contact: { method: 'email', email: 'person@example.com' } }),
  })
  const { reference } = await response.json()
  const model = feedbackModel(service.services.connection)
  await waitUntil(async () => Boolean((await model.findOne({ reference }).lean())?.triage?.routedAt))
  return reference as string
}

async function userWith(role: 'inspector' | 'manager' | 'admin') {
  const created = await service.services.users.create(`${role}.${Math.random().toString(36).slice(2)}@example.gov.uk`, role)
  const client = new ConsoleClient(service.url)
  const signedIn = await client.signIn(created.email, created.password)
  expect(signedIn.status).toBe(303)
  return { ...created, client }
}

describe('signing in', () => {
  it('sends a visitor to the sign-in page, refuses a wrong password kindly, and signs in with the right one', async () => {
    const visitor = new ConsoleClient(service.url)
    const queue = await visitor.get('/console')
    expect(queue.status).toBe(303)
    expect(queue.location).toBe('/console/sign-in?returnTo=%2Fconsole')

    const { email } = await service.services.users.create('signing.in@example.gov.uk', 'inspector', { password: 'correct horse battery' })
    const wrong = await visitor.signIn(email, 'not the password')
    expect(wrong.status).toBe(400)
    expect(wrong.html).toContain('There is a problem')
    expect(wrong.html).toContain('href="#email"')

    const right = await visitor.signIn(email, 'correct horse battery')
    expect(right.status).toBe(303)
    expect(right.location).toBe('/console')
    expect((await visitor.get('/console')).status).toBe(200)
  })

  it('sets an HttpOnly, SameSite session cookie that is signed: a tampered cookie is not signed in', async () => {
    const visitor = new ConsoleClient(service.url)
    const page = await visitor.get('/console/sign-in')
    expect(page.headers.get('set-cookie')).toMatch(/console_session=.*HttpOnly.*SameSite=Lax/i)
    const forged = Buffer.from(JSON.stringify({ sid: 'x', uid: '000000000000000000000000', role: 'manager', exp: Date.now() + 60_000 })).toString('base64url')
    const response = await fetch(`${service.url}/console`, { headers: { Cookie: `console_session=${forged}.bad-signature` }, redirect: 'manual' })
    expect(response.status).toBe(303)
  })
})

describe('CSRF protection', () => {
  it('refuses a console POST without the token and changes nothing', async () => {
    const reference = await submitted(urgentStory, 'Poplar Grove')
    const inspector = await userWith('inspector')
    const refused = await inspector.client.post(`/console/cases/${reference}/acknowledge`, {})
    expect(refused.status).toBe(403)
    expect(refused.html).toContain('Your page has expired')
    const forged = await inspector.client.post(`/console/cases/${reference}/acknowledge`, { _csrf: 'made-up-token' })
    expect(forged.status).toBe(403)
    const stored = await feedbackModel(service.services.connection).findOne({ reference }).lean()
    expect(stored?.triage?.acknowledgedAt).toBeUndefined()
  })

  it('refuses sign-in without the token', async () => {
    const visitor = new ConsoleClient(service.url)
    await visitor.get('/console/sign-in')
    const response = await visitor.post('/console/sign-in', { email: 'a@example.gov.uk', password: 'whatever' })
    expect(response.status).toBe(403)
  })
})

describe('the queue and the case page', () => {
  it('shows urgent cases first, and a case page with the story (escaped), the reason and the service', async () => {
    const calm = await submitted('The garden is lovely and staff are kind.', 'Aspen Lodge')
    const urgent = await submitted(`${urgentStory} <script>alert(1)</script>`, 'Aspen Lodge')
    const inspector = await userWith('inspector')
    const queue = await inspector.client.get('/console')
    expect(queue.status).toBe(200)
    expect(queue.html.indexOf(urgent)).toBeGreaterThan(-1)
    expect(queue.html.indexOf(urgent)).toBeLessThan(queue.html.indexOf(calm))

    const page = await inspector.client.get(`/console/cases/${urgent}`)
    expect(page.status).toBe(200)
    expect(page.html).toContain('A carer hit my mum')
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(page.html).not.toContain('<script>alert(1)</script>')
    expect(page.html).toContain('found someone being hit')
    expect(page.html).toContain('Aspen Lodge')
    expect(page.html).toContain('Partner API')
    expect(page.html).not.toContain('person@example.com')

    const withContact = await inspector.client.get(`/console/cases/${urgent}?contact=show`)
    expect(withContact.html).toContain('person@example.com')
    const audit = await auditEventModel(service.services.connection).find({ reference: urgent, action: 'case.read' }).lean()
    expect(audit.map(event => event.detail ?? null)).toEqual([null, 'with contact details'])
  })

  it('lets an inspector acknowledge, assign, move the status, add a note and send a response', async () => {
    const reference = await submitted(urgentStory, 'Beech Row')
    const inspector = await userWith('inspector')
    const csrf = ConsoleClient.csrfTokenIn((await inspector.client.get(`/console/cases/${reference}`)).html)
    const base = `/console/cases/${reference}`

    expect((await inspector.client.post(`${base}/acknowledge`, { _csrf: csrf })).status).toBe(303)
    expect((await inspector.client.post(`${base}/assign`, { _csrf: csrf, assignee: inspector.email })).status).toBe(303)
    expect((await inspector.client.post(`${base}/status`, { _csrf: csrf, status: 'action_taken', statusNote: 'Spoke to the manager' })).status).toBe(303)
    expect((await inspector.client.post(`${base}/notes`, { _csrf: csrf, note: 'Safeguarding referral made to the council.' })).status).toBe(303)

    const emptyNote = await inspector.client.post(`${base}/notes`, { _csrf: csrf, note: '   ' })
    expect(emptyNote.status).toBe(400)
    expect(emptyNote.html).toContain('Enter the note')
    expect(emptyNote.html).toContain('href="#note"')

    const drafted = await inspector.client.post(`${base}/responses/draft`, { _csrf: csrf, template: 'action-taken' })
    expect(drafted.html).toContain('We have acted on what you told us')
    expect(drafted.html).toContain('Beech Row')
    expect(drafted.html).not.toContain('Suggest plain English and easy read wording')

    const emptyResponse = await inspector.client.post(`${base}/responses`, { _csrf: csrf, text: '' })
    expect(emptyResponse.status).toBe(400)
    expect(emptyResponse.html).toContain('Enter the response to the person')

    const sent = await inspector.client.post(`${base}/responses`, { _csrf: csrf, text: 'We visited the home and it is now safe.', easyReadText: 'We went to the home. It is safe now.' })
    expect(sent.status).toBe(303)

    const stored = await feedbackModel(service.services.connection).findOne({ reference }).lean()
    expect(stored?.status).toBe('action_taken')
    expect(stored?.triage).toMatchObject({ acknowledgedBy: inspector.email, assignee: inspector.email })
    expect(stored?.notes.map(note => note.text)).toEqual(['Safeguarding referral made to the council.'])
    expect(stored?.statusHistory.map(change => change.status)).toEqual(['received', 'under_review', 'action_taken'])

    const status = await (await fetch(`${service.url}/api/feedback/${reference}/status`)).json()
    expect(status.updates.map((update: { text: string }) => update.text)).toEqual(['We visited the home and it is now safe.'])
    expect(JSON.stringify(status)).not.toContain('Safeguarding referral')

    const actions = (await auditEventModel(service.services.connection).find({ reference, actor: inspector.email }).lean()).map(event => event.action)
    expect(actions).toEqual(expect.arrayContaining(['case.acknowledge', 'case.assign', 'case.status', 'case.note', 'case.respond']))
  })
})

describe('roles in the console', () => {
  it('keeps admins out of cases and inspectors out of signals and user management', async () => {
    const admin = await userWith('admin')
    expect((await admin.client.get('/console')).status).toBe(403)
    expect((await admin.client.get('/console/users')).status).toBe(200)
    const inspector = await userWith('inspector')
    expect((await inspector.client.get('/console/signals')).status).toBe(403)
    expect((await inspector.client.get('/console/users')).status).toBe(403)
    expect((await inspector.client.get('/console/failed-deliveries')).status).toBe(403)
  })

  it('lets an admin add a user, shown their password and token once', async () => {
    const admin = await userWith('admin')
    const page = await admin.client.get('/console/users')
    const created = await admin.client.post('/console/users', { _csrf: ConsoleClient.csrfTokenIn(page.html), email: 'new.inspector@example.gov.uk', role: 'inspector' })
    expect(created.status).toBe(200)
    const token = /pfs_[A-Za-z0-9_-]+/.exec(created.html)?.[0]
    expect(token).toBeDefined()
    expect((await fetch(`${service.url}/api/cases`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200)
  })

  it('shows a manager the failed deliveries list', async () => {
    const manager = await userWith('manager')
    const page = await manager.client.get('/console/failed-deliveries')
    expect(page.status).toBe(200)
    expect(page.html).toContain('Alerts to staff')
  })
})
