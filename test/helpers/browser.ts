import fs from 'node:fs'
import { type Browser, chromium, type Page } from 'playwright-core'
import { startedForThisFile } from './forThisFile'

export const chromiumPath = '/usr/bin/chromium'

/** Debian's chromium, headless. Missing chromium fails the test: scripts/ensureChromium.js installs it. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium is not installed at ${chromiumPath}. Run "node scripts/ensureChromium.js" (the pretest step) first.`)
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  })
}

/** One Chromium for this test file's tests, launched before them and closed after them. */
export function chromiumForThisFile(): Browser {
  return startedForThisFile(launchChromium, browser => browser.close())
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; html: string }[]
}

export interface FoundViolation {
  id: string
  impact: string | null
  help: string
  where: string[]
}

/** Every axe-core violation on the page as it is now, whatever its impact (WCAG 2.0–2.2 A and AA rules, and best practice). */
export async function accessibilityViolations(page: Page): Promise<FoundViolation[]> {
  // Evaluated through the DevTools protocol, which the page's strict CSP (rightly) does not let a <script> do.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
    return result.violations
  })
  return violations.map(violation => ({ id: violation.id, impact: violation.impact, help: violation.help, where: violation.nodes.map(node => node.target.join(' ')) }))
}

/** The serious and critical ones. */
export async function seriousAccessibilityViolations(page: Page): Promise<FoundViolation[]> {
  return (await accessibilityViolations(page)).filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
}
