import { chromiumForThisFile, seriousAccessibilityViolations as seriousViolations } from '../helpers/browser'
import { auditEventModel } from '../../src/data/models/auditEvent'
import { feedbackModel } from '../../src/data/models/feedback'
import { testServiceForThisFile } from '../helpers/service'
import { ConsoleClient } from '../triage/consoleClient'

const service = testServiceForThisFile()

async function submit(text: string, email: string): Promise<string> {
  const response = await fetch(`${service.url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: { name: 'Laurel House' }, text, contact: { method: 'email', email } }),
  })
  return ((await response.json()) as { reference: string }).reference
}

async function signedIn(role: 'admin' | 'inspector', email: string): Promise<ConsoleClient> {
  const created = await service.services.users.create(email, role)
  const client = new ConsoleClient(service.url)
  await client.signIn(created.email, created.password)
  return client
}

describe('an admin erases a person\'s data in the console', () => {
  it('finds it by email, asks for a reason and a confirmation, erases it and records who did it and why', async () => {
    const reference = await submit('The night carer shouted at my nan, Doris Pemberton.', 'doris.family@example.com')
    const admin = await signedIn('admin', 'records.admin@example.gov.uk')

    const form = await admin.get('/console/privacy/erase')
    expect(form.status).toBe(200)
    expect(form.html).toContain('Their feedback reference, phone number or email address')
    const csrf = ConsoleClient.csrfTokenIn(form.html)

    const empty = await admin.post('/console/privacy/erase', { _csrf: csrf })
    expect(empty.status).toBe(400)
    expect(empty.html).toContain('Enter the feedback reference, phone number or email address the person gave')
    expect(empty.html).toContain('Enter the reason for the erasure')

    const badReference = await admin.post('/console/privacy/erase', { _csrf: csrf, identifier: 'my feedback please', reason: 'Letter of 3 March' })
    expect(badReference.status).toBe(400)
    expect(badReference.html).toContain('Enter a feedback reference like ABCDE-23456, a phone number or an email address')
    // What was typed is kept, so nothing has to be typed again.
    expect(badReference.html).toContain('value="my feedback please"')
    expect(badReference.html).toMatch(/>Letter of 3 March<\/textarea>/)

    const check = await admin.post('/console/privacy/erase', { _csrf: csrf, identifier: 'Doris.Family@example.com', reason: 'Letter of 3 March' })
    expect(check.status).toBe(200)
    expect(check.html).toContain('Check before you erase')
    expect(check.html).toContain(reference)
    expect(check.html).toContain('We searched by email address')
    expect(check.html).not.toContain('Doris Pemberton')
    expect((await feedbackModel(service.services.connection).findOne({ reference }).lean())?.story).toContain('Doris Pemberton')

    const done = await admin.post('/console/privacy/erase/confirm', { _csrf: ConsoleClient.csrfTokenIn(check.html), identifier: 'Doris.Family@example.com', reason: 'Letter of 3 March' })
    expect(done.status).toBe(200)
    expect(done.html).toContain('Personal data erased')
    const record = await feedbackModel(service.services.connection).findOne({ reference }).lean()
    expect(record?.story).toMatch(/^erased on .* at the person's request$/)
    expect(record?.contact?.sealedDetails).toBeUndefined()
    const event = await auditEventModel(service.services.connection).findOne({ action: 'privacy.erase', reference }).lean()
    expect(event).toMatchObject({ actor: 'records.admin@example.gov.uk', via: 'console', detail: 'by email: Letter of 3 March' })
  })

  it('is for admins only, and needs the CSRF token', async () => {
    const inspector = await signedIn('inspector', 'an.inspector@example.gov.uk')
    expect((await inspector.get('/console/privacy/erase')).status).toBe(403)
    const reference = await submit('Kept safe from a forged form.', 'forged@example.com')
    const admin = await signedIn('admin', 'second.admin@example.gov.uk')
    const forged = await admin.post('/console/privacy/erase/confirm', { identifier: reference, reason: 'forged' })
    expect(forged.status).toBe(403)
    expect((await feedbackModel(service.services.connection).findOne({ reference }).lean())?.story).toBe('Kept safe from a forged form.')
    const signedOut = new ConsoleClient(service.url)
    expect((await signedOut.get('/console/privacy/erase')).status).toBe(303)
  })
})

it('the public privacy page says how long we keep things, from the same settings, and how to ask for a copy or erasure', async () => {
  const html = await (await fetch(`${service.url}/privacy`)).text()
  expect(html).toContain('we delete it after 30 days')
  expect(html).toContain('we delete your contact details 90 days later')
  expect(html).toContain('You can ask for a copy of what we hold about you. You can also ask us to delete it.')
})

describe('the erasure pages in a browser', () => {
  const browser = chromiumForThisFile()

  it('has no accessibility problems on the form, its errors, the check page and the result', async () => {
    const reference = await submit('Someone wants this gone.', 'gone@example.com')
    const admin = await service.services.users.create('axe.admin@example.gov.uk', 'admin')
    const page = await browser.newPage()
    await page.goto(`${service.url}/console/sign-in`)
    await page.getByLabel('Email address').fill(admin.email)
    await page.getByLabel('Password').fill(admin.password)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${service.url}/console/users`)
    await page.getByRole('link', { name: 'Erase personal data' }).click()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Find their data' }).click()
    expect(await page.getByText('There is a problem').count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByLabel('Their feedback reference, phone number or email address').fill(reference.toLowerCase())
    await page.getByLabel('Reason').fill('Phone call on 3 March')
    await page.getByRole('button', { name: 'Find their data' }).click()
    await page.getByText('Check before you erase').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Erase personal data' }).click()
    await page.getByText('Personal data erased').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })
})
