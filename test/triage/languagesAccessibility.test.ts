import { chromiumForThisFile, seriousAccessibilityViolations as seriousViolations } from '../helpers/browser'
import { feedbackModel } from '../../src/data/models/feedback'
import { getHelpNow } from '../../src/i18n/safetyMessages'
import { urgentConcernIn } from '../unit/classification/multilingualConcerns'
import { testServiceForThisFile } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'

/** Help in Urdu (right to left) on the form, and an Urdu case in the console: axe finds nothing serious. */

const service = testServiceForThisFile()
const browser = chromiumForThisFile()

describe('accessibility in other languages (axe, WCAG 2.2 AA)', () => {
  it('shows Urdu help right to left on the form\'s thank-you page, and the case and queue in the console', async () => {
    const page = await browser.newPage()
    await page.goto(`${service.url}/give-feedback-by-form`)
    await page.getByLabel('Which service is it about?').fill('Laurel House')
    await page.getByLabel('What happened?').fill(urgentConcernIn.ur)
    await page.getByRole('button', { name: 'Send feedback' }).click()
    await page.waitForSelector('.govuk-panel')
    const help = page.locator('[lang="ur"][dir="rtl"]')
    expect(await help.count()).toBe(1)
    expect(await help.getByText(getHelpNow('ur').danger).count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])

    const reference = (await page.locator('.govuk-panel__body strong').textContent())?.trim() ?? ''
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/)
    expect(await waitUntil(async () => Boolean((await feedbackModel(service.services.connection).findOne({ reference }).lean())?.triage?.routedAt))).toBe(true)
    const inspector = await service.services.users.create('axe.languages@example.gov.uk', 'inspector')
    await page.goto(`${service.url}/console/sign-in`)
    await page.getByLabel('Email address').fill(inspector.email)
    await page.getByLabel('Password').fill(inspector.password)
    await page.keyboard.press('Enter')
    await page.waitForURL(`${service.url}/console`)
    await page.goto(`${service.url}/console?language=ur`)
    expect(await page.locator(`tr[data-reference="${reference}"]`).count()).toBe(1)
    expect(await seriousViolations(page)).toEqual([])
    await page.goto(`${service.url}/console/cases/${reference}`)
    expect(await page.locator('#original-words[lang="ur"]').textContent()).toContain('نیل')
    expect(await page.getByText('Written in Urdu').count()).toBeGreaterThan(0)
    expect(await seriousViolations(page)).toEqual([])
  })
})
