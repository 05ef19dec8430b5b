import { chromiumForThisFile, seriousAccessibilityViolations as seriousViolations } from '../helpers/browser'
import { testServiceForThisFile } from '../helpers/service'

const service = testServiceForThisFile()
const browser = chromiumForThisFile()

describe('accessibility of the form and the console (axe, WCAG 2.2 AA)', () => {
  it('has no serious or critical problems on the form, its error state and its thank-you page', async () => {
    const page = await browser.newPage()
    await page.goto(`${service.url}/give-feedback-by-form`)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Send feedback' }).click()
    await page.waitForSelector('.govuk-error-summary')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByLabel('Which service is it about?').fill('Laurel House')
    await page.getByLabel('What happened?').fill('A carer hit my mum and she has bruises.')
    await page.getByRole('button', { name: 'Send feedback' }).click()
    await page.waitForSelector('.govuk-panel')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('has no serious or critical problems on sign-in, the queue, a case and signals, using only the keyboard-reachable forms', async () => {
    const manager = await service.services.users.create('axe.manager@example.gov.uk', 'manager')
    const posted = await fetch(`${service.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Laurel House' }, text: 'The staff were rude and the room was cold.', contact: { method: 'email', email: 'a@example.com' } }),
    })
    const { reference } = await posted.json()
    const page = await browser.newPage()
    await page.goto(`${service.url}/console/sign-in`)
    expect(await seriousViolations(page)).toEqual([])
    await page.getByLabel('Email address').fill(manager.email)
    await page.getByLabel('Password').fill(manager.password)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${service.url}/console`)
    expect(await seriousViolations(page)).toEqual([])
    await page.goto(`${service.url}/console/cases/${reference}`)
    expect(await seriousViolations(page)).toEqual([])
    await page.goto(`${service.url}/console/signals`)
    expect(await seriousViolations(page)).toEqual([])
    await page.goto(`${service.url}/console/failed-deliveries`)
    expect(await seriousViolations(page)).toEqual([])
  })
})
