import fs from 'node:fs'
import { type Browser, chromium, type Page } from 'playwright-core'
import { feedbackModel } from '../../src/data/models/feedback'
import { getHelpNow } from '../../src/i18n/safetyMessages'
import type { RunningService } from '../../src/service'
import { urgentConcernIn } from '../unit/classification/multilingualConcerns'
import { startTestService } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'

/** Help in Urdu (right to left) on the form, and an Urdu case in the console: axe finds nothing serious. */

const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(candidate => fs.existsSync(candidate))
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const describeWithBrowser = chromiumPath ? describe : describe.skip

let service: RunningService
let browser: Browser

async function seriousViolations(page: Page) {
  await page.evaluate(axeSource)
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
  })
  return results.violations.filter(violation => violation.impact === 'serious' || violation.impact === 'critical').map(violation => `${violation.id}: ${violation.nodes.map(node => node.target.join(' ')).join(', ')}`)
}

describeWithBrowser('accessibility in other languages (axe, WCAG 2.2 AA)', () => {
  beforeAll(async () => {
    service = await startTestService()
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] })
  })

  afterAll(async () => {
    await browser?.close()
    await service?.stop()
  })

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
