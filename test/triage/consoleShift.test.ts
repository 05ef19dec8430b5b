import crypto from 'node:crypto'
import fs from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { deliveryModel } from '../../src/data/models/delivery'
import { feedbackModel } from '../../src/data/models/feedback'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { accessibilityViolations, chromiumForThisFile } from '../helpers/browser'
import { testServiceForThisFile } from '../helpers/service'

/** A triage shift in real Chromium: what the queue shows, how to find a case, and that nothing fails silently. */

const minute = 60_000

const service = testServiceForThisFile()
const browser = chromiumForThisFile()
let inspector: { email: string; password: string }
let manager: { email: string; password: string }
let admin: { email: string; password: string }
const cases: Record<string, string> = {}

interface Seed {
  level: 'urgent' | 'high' | 'medium' | 'low' | 'none'
  story: string
  serviceName: string
  minutesAgo: number
  categories?: string[]
  themes?: string[]
  reason?: string
  queue?: 'alert' | 'inspector' | 'themed'
  targetInMinutes?: number
  acknowledged?: boolean
  escalation?: { level: number; minutesAgo: number }
  assignee?: string
  team?: string
  status?: 'received' | 'under_review' | 'action_taken' | 'closed' | 'draft'
  contact?: 'anonymous' | 'email' | 'phone'
  newMessageMinutesAgo?: number
}

async function seed(name: string, options: Seed): Promise<string> {
  const reference = newFeedbackReference()
  const now = Date.now()
  const at = new Date(now - options.minutesAgo * minute)
  const queue = options.queue ?? (options.level === 'urgent' ? 'alert' : options.level === 'high' ? 'inspector' : 'themed')
  await feedbackModel(service.services.connection).create({
    reference,
    status: options.status ?? 'received',
    statusHistory: [{ status: 'received', at, by: 'system' }],
    channel: 'webchat',
    service: { name: options.serviceName, key: options.serviceName.toLowerCase() },
    story: options.story,
    contact: { method: options.contact ?? 'anonymous', ...(options.contact && options.contact !== 'anonymous' ? { sealedDetails: service.services.contactCipher.encrypt({ name: 'Sam Person', email: 'sam.person@example.com', phone: '07700900123' }) } : {}) },
    classification: {
      themes: options.themes ?? [],
      sentiment: 4,
      risk: { level: options.level, categories: options.categories ?? [], reason: options.reason },
      classifier: { name: 'embedded', version: 'test' },
      classifiedAt: at,
    },
    triage: {
      queue,
      priority: { urgent: 1, high: 2, medium: 3, low: 4, none: 5 }[options.level],
      team: options.team ?? 'national-triage',
      routedAt: at,
      ...(options.targetInMinutes !== undefined ? { targetAt: new Date(now + options.targetInMinutes * minute) } : {}),
      ...(queue === 'alert' ? { alertedAt: at, escalationLevel: options.escalation?.level ?? 0 } : {}),
      ...(options.escalation ? { escalatedAt: new Date(now - options.escalation.minutesAgo * minute) } : {}),
      ...(options.acknowledged ? { acknowledgedAt: new Date(now - 1 * minute), acknowledgedBy: 'someone@example.gov.uk' } : {}),
      ...(options.assignee ? { assignee: options.assignee } : {}),
    },
    submittedAt: at,
  })
  if (options.newMessageMinutesAgo !== undefined) {
    // The marker the conversation writes when the person sends a new message after their case was raised.
    await feedbackModel(service.services.connection).collection.updateOne({ reference }, { $set: { lastFollowUpAt: new Date(now - options.newMessageMinutesAgo * minute) } })
  }
  cases[name] = reference
  return reference
}

const contexts = new Map<string, BrowserContext>()

/** A new tab for someone already signed in (sign-in is rate limited, so each person signs in once). */
async function signedIn(who: { email: string; password: string }): Promise<Page> {
  let context = contexts.get(who.email)
  if (!context) {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    contexts.set(who.email, context)
    const page = await context.newPage()
    await page.goto(`${service.url}/console/sign-in`)
    await page.getByLabel('Email address').fill(who.email)
    await page.getByLabel('Password').fill(who.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(url => !url.pathname.endsWith('/sign-in'))
    return page
  }
  const page = await context.newPage()
  await page.goto(`${service.url}${who === admin ? '/console/users' : '/console'}`)
  return page
}

async function queueReferences(page: Page): Promise<string[]> {
  return page.locator('#case-queue tbody tr').evaluateAll(rows => rows.map(row => row.getAttribute('data-reference') ?? ''))
}

/** Every axe violation, whatever its impact (best practices such as "region" included). */
async function allViolations(page: Page): Promise<string[]> {
  return (await accessibilityViolations(page)).map(violation => `${violation.id} (${violation.impact}): ${violation.where.join(', ')}`)
}

const bannerText = (page: Page) => page.locator('.govuk-notification-banner--success').innerText()

beforeAll(async () => {
  inspector = await service.services.users.create('shift.inspector@example.gov.uk', 'inspector')
  manager = await service.services.users.create('shift.manager@example.gov.uk', 'manager')
  admin = await service.services.users.create('shift.admin@example.gov.uk', 'admin')
  await service.services.users.create('gone.inspector@example.gov.uk', 'inspector')
  await service.services.users.setDisabled('gone.inspector@example.gov.uk', true)

  await seed('olderEscalated', {
    level: 'urgent',
    story: 'A carer hit my dad across the face and he now flinches when anyone comes near.',
    reason: 'Describes someone being hit',
    categories: ['physical'],
    serviceName: 'Rowan House',
    minutesAgo: 95,
    targetInMinutes: -65,
    escalation: { level: 2, minutesAgo: 5 },
  })
  await seed('newUrgent', {
    level: 'urgent',
    story: 'My mum has not been given water all day and her lips are cracked.',
    reason: 'Someone is not being given fluids',
    categories: ['neglect'],
    serviceName: 'Birch Lodge',
    minutesAgo: 10,
    targetInMinutes: 20,
  })
  await seed('acknowledgedUrgent', {
    level: 'urgent',
    story: 'Staff lock residents in their rooms at night.',
    reason: 'Describes restraint',
    categories: ['restraint-seclusion'],
    serviceName: 'Rowan House',
    minutesAgo: 200,
    targetInMinutes: -170,
    acknowledged: true,
  })
  await seed('overdueHigh', {
    level: 'high',
    story: 'Medication was late every evening this week and my aunt missed her insulin.',
    reason: 'Missed medication',
    categories: ['unsafe-care'],
    themes: ['Supplying & understanding medication'],
    serviceName: 'Cedar Court Surgery',
    minutesAgo: 2 * 24 * 60,
    targetInMinutes: -24 * 60,
    assignee: 'shift.inspector@example.gov.uk',
    team: 'london-hospitals-and-primary-care',
  })
  await seed('calm', {
    level: 'low',
    story: 'Parking was hard to find but the nurse was kind. 停车很难 😊',
    themes: ['Parking'],
    serviceName: 'Willow Dental',
    minutesAgo: 30 * 24 * 60,
    status: 'under_review',
  })
  await seed('closed', { level: 'medium', story: 'Closed long ago: the cleaning was poor.', serviceName: 'Willow Dental', minutesAgo: 60 * 24 * 60, status: 'closed' })
  await seed('phoneCall', { level: 'medium', story: 'Please ring me about my son’s care plan.', serviceName: 'Aspen Lodge', minutesAgo: 300, contact: 'phone' })
  await seed('failedReply', { level: 'medium', story: 'Nobody answers the phone at the home.', serviceName: 'Aspen Lodge', minutesAgo: 400, contact: 'email' })
  await seed('newMessage', { level: 'medium', story: 'The food is cold every day.', serviceName: 'Aspen Lodge', minutesAgo: 500, newMessageMinutesAgo: 3 })
  await seed('stillTalking', { level: 'urgent', story: 'He is being hurt right now, I am still typing', reason: 'Someone is being hurt', categories: ['physical'], serviceName: 'Larch Court', minutesAgo: 1, status: 'draft', acknowledged: true, targetInMinutes: 29 })
  await seed('formula', { level: 'low', story: '=HYPERLINK("http://evil.example","click") the lift is broken', serviceName: '+Formula Home', minutesAgo: 700 })
  for (let index = 0; index < 14; index += 1) {
    await seed(`filler${index}`, { level: 'low', story: `Routine comment number ${index} about the garden.`, serviceName: 'Filler Gardens', minutesAgo: 1000 + index, targetInMinutes: 2000 + index })
  }
  const deliveries = deliveryModel(service.services.connection)
  const delivery = (reference: string, status: 'failed' | 'needs_phone_call') => ({
    deliveryId: crypto.randomUUID(),
    feedbackReference: reference,
    method: status === 'failed' ? 'email' : 'phone',
    route: status === 'failed' ? ('notify_email' as const) : ('none' as const),
    text: 'We are looking into it.',
    status,
    attemptCount: status === 'failed' ? 3 : 0,
    lastError: status === 'failed' ? 'http_400' : undefined,
  })
  await deliveries.create(delivery(cases.phoneCall, 'needs_phone_call'))
  await deliveries.create(delivery(cases.failedReply, 'failed'))
})

describe('the queue tells cases apart', () => {
  it('puts unacknowledged urgent cases first (highest, newest escalation first), then the rest by target time; closed cases only when asked', async () => {
    const page = await signedIn(inspector)
    const order = await queueReferences(page)
    expect(order.slice(0, 2)).toEqual([cases.olderEscalated, cases.newUrgent])
    // Then by target time: a day overdue, 170 minutes overdue, due in 29 minutes, due in about a day and a half.
    expect(order.slice(2, 6)).toEqual([cases.overdueHigh, cases.acknowledgedUrgent, cases.stillTalking, cases.filler0])
    expect(order.indexOf(cases.filler13)).toBeLessThan(order.indexOf(cases.calm))
    expect(order).not.toContain(cases.closed)
    await page.close()
  })

  it('shows reference, risk, category, snippet, service, age, overdue target, escalation, assignee and what needs doing on each row', async () => {
    const page = await signedIn(inspector)
    const row = page.locator(`#case-queue tr[data-reference="${cases.olderEscalated}"]`)
    const text = await row.innerText()
    expect(text).toContain(cases.olderEscalated)
    expect(text).toContain('Urgent')
    expect(text).toContain('Physical abuse')
    expect(text).toContain('Describes someone being hit')
    expect(text).toContain('Rowan House')
    expect(text).toMatch(/9[0-9] min old|1 h old/)
    expect(text).toContain('Overdue:')
    expect(text).toMatch(/Not acknowledged, escalated to duty director/)
    expect(text).toContain('Nobody')

    const overdue = await page.locator(`#case-queue tr[data-reference="${cases.overdueHigh}"]`).innerText()
    expect(overdue).toContain('Overdue:')
    expect(overdue).toContain('shift.inspector@example.gov.uk')
    const upcoming = await page.locator(`#case-queue tr[data-reference="${cases.newUrgent}"]`).innerText()
    expect(upcoming).not.toContain('Overdue')
    expect(upcoming).toContain('Someone is not being given fluids')

    expect(await page.locator(`#case-queue tr[data-reference="${cases.phoneCall}"]`).innerText()).toContain('Phone call wanted')
    expect(await page.locator(`#case-queue tr[data-reference="${cases.failedReply}"]`).innerText()).toContain('Reply not delivered')
    expect(await page.locator(`#case-queue tr[data-reference="${cases.newMessage}"]`).innerText()).toContain('New message from the person')
    expect(await page.locator(`#case-queue tr[data-reference="${cases.stillTalking}"]`).innerText()).toContain('Still talking')

    // The reference never wraps: one line box, even in a narrow window.
    await page.setViewportSize({ width: 1024, height: 768 })
    const lines = await page.locator(`#case-queue tr[data-reference="${cases.olderEscalated}"] td:first-child a`).evaluate(link => link.getClientRects().length)
    expect(lines).toBe(1)
    await page.close()
  })

  it('fits at least 12 rows on a 1366×768 screen', async () => {
    const page = await signedIn(inspector)
    await page.locator('#case-queue').evaluate(table => table.scrollIntoView())
    const visible = await page.locator('#case-queue tbody tr').evaluateAll(rows => rows.filter(row => row.getBoundingClientRect().bottom <= window.innerHeight).length)
    expect(visible).toBeGreaterThanOrEqual(12)
    await page.close()
  })

  it('acknowledges from the queue, with a banner, and the case leaves the top block', async () => {
    const page = await signedIn(inspector)
    await page.goto(`${service.url}/console?q=Birch`)
    await page.getByRole('button', { name: `Acknowledge case ${cases.newUrgent}` }).click()
    await page.waitForSelector('.govuk-notification-banner--success')
    expect(await bannerText(page)).toContain(`Case ${cases.newUrgent} acknowledged`)
    expect(new URL(page.url()).searchParams.get('q')).toBe('Birch')
    await page.goto(`${service.url}/console`)
    expect((await queueReferences(page)).slice(0, 1)).toEqual([cases.olderEscalated])
    expect(await page.locator(`#case-queue tr[data-reference="${cases.newUrgent}"]`).innerText()).toContain('Acknowledged')
    await page.close()
  })
})

describe('finding anything', () => {
  it('finds a case by its reference however it is typed, by words, and by service name', async () => {
    const page = await signedIn(inspector)
    await page.getByLabel('Search by reference, words or service name').fill(cases.calm.toLowerCase().replace('-', ' '))
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/q=/)
    expect(await queueReferences(page)).toEqual([cases.calm])

    await page.goto(`${service.url}/console?q=${encodeURIComponent('insulin')}`)
    expect(await queueReferences(page)).toEqual([cases.overdueHigh])
    await page.goto(`${service.url}/console?q=${encodeURIComponent('停车')}`)
    expect(await queueReferences(page)).toEqual([cases.calm])
    await page.goto(`${service.url}/console?q=${encodeURIComponent('rowan house')}`)
    expect((await queueReferences(page)).sort()).toEqual([cases.olderEscalated, cases.acknowledgedUrgent].sort())
    await page.goto(`${service.url}/console?q=${encodeURIComponent('<script>nothing</script>')}`)
    expect(await page.locator('#no-cases').innerText()).toContain('There are no cases that match')
    await page.close()
  })

  it('filters by risk, category, theme, status, queue, team, assignee, date and needs action, all kept in the URL', async () => {
    const page = await signedIn(inspector)
    const only = async (query: string) => {
      await page.goto(`${service.url}/console?${query}`)
      return (await queueReferences(page)).sort()
    }
    expect(await only('risk=high')).toEqual([cases.overdueHigh])
    expect(await only('category=neglect')).toEqual([cases.newUrgent])
    expect(await only(`theme=${encodeURIComponent('Supplying & understanding medication')}`)).toEqual([cases.overdueHigh])
    expect(await only('status=closed')).toEqual([cases.closed])
    expect(await only('status=under_review&risk=low')).toEqual([cases.calm])
    expect(await only('team=london-hospitals-and-primary-care')).toEqual([cases.overdueHigh])
    expect(await only('queue=inspector')).toEqual([cases.overdueHigh])
    expect(await only('assignee=shift.inspector%40example.gov.uk')).toEqual([cases.overdueHigh])
    const from = new Date(Date.now() - 3 * 24 * 60 * minute).toISOString().slice(0, 10)
    // A day and a half back: always a date before the new case's (10 minutes old) and not before the overdue one's (2 days), even just after midnight.
    const to = new Date(Date.now() - 36 * 60 * minute).toISOString().slice(0, 10)
    expect(await only(`from=${from}&to=${to}&status=all`)).toContain(cases.overdueHigh)
    expect(await only(`from=${from}&to=${to}&status=all`)).not.toContain(cases.newUrgent)
    expect(await only('needs=phone_call')).toEqual([cases.phoneCall])
    expect(await only('needs=failed_delivery')).toEqual([cases.failedReply])
    expect(await only('needs=new_message')).toEqual([cases.newMessage])

    // The form writes the same URL, so a view can be shared.
    await page.goto(`${service.url}/console`)
    await page.getByText('Filters').click()
    await page.getByLabel('Risk', { exact: true }).selectOption('high')
    await page.getByLabel('Needs action').selectOption('any')
    await page.getByRole('button', { name: 'Show cases' }).click()
    await page.waitForURL(/risk=high/)
    expect(new URL(page.url()).searchParams.get('needs')).toBe('any')
    expect(await page.locator('.govuk-details__summary-text').innerText()).toContain('2 in use')
    await page.close()
  })

  it('shows “my cases” to the person they are assigned to', async () => {
    const page = await signedIn(inspector)
    await page.getByRole('link', { name: 'My cases' }).click()
    await page.waitForURL(/assignee=me/)
    expect(await queueReferences(page)).toEqual([cases.overdueHigh])
    await page.close()
  })

  it('says clearly which query parameters it did not understand, rather than ignoring them', async () => {
    const page = await signedIn(inspector)
    await page.goto(`${service.url}/console?colour=red&risk=extreme&from=yesterday`)
    const problems = await page.locator('#filter-problems').innerText()
    expect(problems).toContain('We do not know the filter “colour”')
    expect(problems).toContain('“extreme” is not a risk level')
    expect(problems).toContain('“yesterday” is not a date')
    const api = await fetch(`${service.url}/api/cases?colour=red`, { headers: { Authorization: `Bearer ${(await service.services.users.create('api.inspector@example.gov.uk', 'inspector')).token}` } })
    expect(api.status).toBe(400)
    expect((await api.json()).message).toContain('We do not know the filter “colour”')
    await page.close()
  })

  it('links each signals count to the cases behind it', async () => {
    const page = await signedIn(manager)
    await page.goto(`${service.url}/console/signals`)
    await page.getByRole('link', { name: /Physical abuse cases about rowan house in the last 7 days/i }).click()
    await page.waitForURL(/category=physical/)
    expect(await queueReferences(page)).toEqual([cases.olderEscalated])
    await page.close()
  })
})

describe('nothing fails silently', () => {
  it('lists failed replies, wanted phone calls and new messages for an inspector, and puts them at the top of the case', async () => {
    const page = await signedIn(inspector)
    expect(await page.getByRole('link', { name: /Needs action \(\d+\)/ }).innerText()).toBe('Needs action (3)')
    await page.getByRole('link', { name: /Needs action/ }).click()
    expect((await queueReferences(page)).sort()).toEqual([cases.phoneCall, cases.failedReply, cases.newMessage].sort())

    await page.goto(`${service.url}/console/cases/${cases.phoneCall}`)
    const top = page.locator('#needs-action')
    expect(await top.innerText()).toContain('The person asked for a phone call. Ring them')
    expect(await top.evaluate(banner => banner.getBoundingClientRect().top)).toBeLessThan(400)
    await page.getByRole('button', { name: 'I have contacted them' }).click()
    await page.waitForSelector('.govuk-notification-banner--success')
    expect(await bannerText(page)).toContain(`Case ${cases.phoneCall} is no longer in “Needs action”`)
    expect(await page.locator('#needs-action').count()).toBe(0)

    await page.goto(`${service.url}/console/cases/${cases.failedReply}`)
    expect(await page.locator('#needs-action').innerText()).toContain('could not be delivered')
    await page.goto(`${service.url}/console/cases/${cases.newMessage}`)
    expect(await page.locator('#needs-action').innerText()).toContain('The person sent a new message')
    await page.goto(`${service.url}/console?needs=any`)
    expect((await queueReferences(page)).sort()).toEqual([cases.failedReply, cases.newMessage].sort())
    await page.close()
  })

  it('confirms every action with a GOV.UK banner, refuses a template with its placeholder left in, and keeps a reason without a status change', async () => {
    const page = await signedIn(inspector)
    const caseUrl = `${service.url}/console/cases/${cases.calm}`
    await page.goto(caseUrl)

    await page.getByLabel('Assign to', { exact: true }).selectOption(inspector.email)
    await page.getByRole('button', { name: 'Assign', exact: true }).click()
    await page.waitForSelector('.govuk-notification-banner--success')
    expect(await bannerText(page)).toContain(`Case ${cases.calm} assigned`)

    await page.getByLabel('Why', { exact: true }).fill('Waiting for the provider to reply')
    await page.getByRole('button', { name: 'Change status' }).click()
    await page.waitForSelector('.govuk-notification-banner--success')
    expect(await bannerText(page)).toContain('Your reason was added to the history')
    expect(await page.getByRole('heading', { name: 'History' }).locator('xpath=following-sibling::ul[1]').innerText()).toContain('Waiting for the provider to reply')

    await page.getByLabel('Internal note').fill('Rang the practice manager.')
    await page.getByRole('button', { name: 'Add note' }).click()
    await page.waitForSelector('.govuk-notification-banner--success')
    expect(await bannerText(page)).toContain(`Your note was added to case ${cases.calm}`)

    await page.getByLabel('We have taken action').check()
    await page.getByRole('button', { name: 'Use this template' }).click()
    await page.waitForSelector('textarea#text')
    await page.getByRole('button', { name: 'Send response' }).click()
    await page.waitForSelector('.govuk-error-summary')
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Replace the words in square brackets before you send it: [Say what we did, in one or two short sentences.]')
    expect(await page.locator('textarea#text').inputValue()).toContain('[Say what we did')
    const status = await (await fetch(`${service.url}/api/feedback/${cases.calm}/status`)).json()
    expect(status.updates ?? []).toEqual([])

    await page.locator('textarea#text').fill('Thank you. We spoke to the practice about parking signs.')
    await page.locator('textarea#easyReadText').fill('Thank you. We talked to them.')
    await page.getByRole('button', { name: 'Send response' }).click()
    await page.waitForSelector('.govuk-notification-banner--success')
    expect(await bannerText(page)).toContain('kept for the person to read with their reference')

    await page.getByLabel('Action taken').check()
    await page.getByRole('button', { name: 'Change status' }).click()
    await page.waitForSelector('.govuk-notification-banner--success')
    expect(await bannerText(page)).toContain(`The status of case ${cases.calm} was changed`)
    await page.close()
  })

  it('offers only active inspectors and managers for assignment, and refuses anyone else', async () => {
    const page = await signedIn(inspector)
    await page.goto(`${service.url}/console/cases/${cases.filler1}`)
    const options = await page.getByLabel('Assign to', { exact: true }).locator('option').allInnerTexts()
    expect(options).toEqual(expect.arrayContaining(['Nobody', inspector.email, manager.email]))
    expect(options).not.toContain('gone.inspector@example.gov.uk')
    expect(options).not.toContain(admin.email)
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue()
    const refused = await page.evaluate(
      async ({ url, token }) => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: token, assignee: 'gone.inspector@example.gov.uk' }) })).text(),
      { url: `/console/cases/${cases.filler1}/assign`, token: csrf },
    )
    expect(refused).toContain('cases can only be assigned to inspectors and managers who can sign in')
    await page.close()
  })

  it('asks for a reason before closing an urgent case that nobody acknowledged', async () => {
    const page = await signedIn(inspector)
    await page.goto(`${service.url}/console/cases/${cases.olderEscalated}`)
    await page.getByLabel('Closed').check()
    await page.getByRole('button', { name: 'Change status' }).click()
    await page.waitForSelector('.govuk-error-summary')
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('Nobody has acknowledged this urgent case. Say why you are closing it')
    expect((await feedbackModel(service.services.connection).findOne({ reference: cases.olderEscalated }).lean())?.status).toBe('received')
    await page.close()
  })
})

describe('accountability', () => {
  it('shows managers who read or changed a case, but not inspectors; admins search the audit log', async () => {
    const inspectorPage = await signedIn(inspector)
    await inspectorPage.goto(`${service.url}/console/cases/${cases.filler2}`)
    expect(await inspectorPage.locator('#audit-trail').count()).toBe(0)
    await inspectorPage.close()

    const page = await signedIn(manager)
    await page.goto(`${service.url}/console/cases/${cases.filler2}`)
    const trail = page.locator('#audit-trail + table')
    expect(await trail.innerText()).toContain(`${inspector.email} (console)`)
    expect(await trail.innerText()).toContain('case.read')
    await page.close()

    const adminPage = await signedIn(admin)
    await adminPage.getByRole('link', { name: 'Audit log' }).click()
    await adminPage.getByLabel('Case reference').fill(cases.filler2.toLowerCase())
    await adminPage.getByRole('button', { name: 'Search the audit log' }).click()
    await adminPage.waitForURL(/reference=/)
    const rows = await adminPage.locator('#audit-events tbody tr').allInnerTexts()
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(rows.every(row => row.includes(cases.filler2))).toBe(true)
    expect(rows.some(row => row.includes(manager.email))).toBe(true)
    await adminPage.close()
  })

  it('lets a manager export the filtered list as CSV, without contact details and with formula-safe cells', async () => {
    const page = await signedIn(manager)
    await page.goto(`${service.url}/console?status=all&q=lift`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this list as CSV' }).click()])
    const csv = fs.readFileSync((await download.path()) as string, 'utf8')
    const lines = csv.trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(cases.formula)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") the lift is broken"`)
    expect(lines[1]).toContain(`"'+Formula Home"`)
    const all = await page.evaluate(async () => (await fetch('/console/cases.csv?status=all')).text())
    expect(all).not.toContain('sam.person@example.com')
    expect(all).not.toContain('07700900123')
    expect(all).not.toContain('Sam Person')
    expect(all.trim().split('\r\n')).toHaveLength(Object.keys(cases).length + 1)
    const inspectorPage = await signedIn(inspector)
    expect(await inspectorPage.evaluate(async () => (await fetch('/console/cases.csv')).status)).toBe(403)
    await inspectorPage.close()
    await page.close()
  })
})

describe('accessibility: zero axe violations of any impact on every console page', () => {
  it('has none on sign-in, the queue (filters open, problems shown), a case (with needs action and an error), signals, failed deliveries, users, the audit log and not found', async () => {
    const visitor = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    await visitor.goto(`${service.url}/console/sign-in`)
    expect(await allViolations(visitor)).toEqual([])
    await visitor.close()

    const page = await signedIn(manager)
    const pages = [
      '/console',
      '/console?risk=urgent&colour=red',
      `/console/cases/${cases.failedReply}`,
      `/console/cases/${cases.olderEscalated}?done=acknowledged`,
      `/console/cases/${cases.stillTalking}`,
      '/console/signals',
      '/console/failed-deliveries',
      '/console/cases/ZZZZZ-ZZZZZ',
    ]
    for (const path of pages) {
      await page.goto(`${service.url}${path}`)
      expect({ path, violations: await allViolations(page) }).toEqual({ path, violations: [] })
    }
    await page.goto(`${service.url}/console/cases/${cases.olderEscalated}`)
    await page.getByLabel('Closed').check()
    await page.getByRole('button', { name: 'Change status' }).click()
    await page.waitForSelector('.govuk-error-summary')
    expect(await allViolations(page)).toEqual([])
    await page.close()

    const adminPage = await signedIn(admin)
    for (const path of ['/console/users', '/console/audit', `/console/audit?reference=${cases.calm}&when=now`]) {
      await adminPage.goto(`${service.url}${path}`)
      expect({ path, violations: await allViolations(adminPage) }).toEqual({ path, violations: [] })
    }
    await adminPage.close()
  })
})
