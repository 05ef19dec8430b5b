import type { Page } from 'playwright-core'
import { feedbackModel } from '../../src/data/models/feedback'
import { testServiceForThisFile } from '../helpers/service'
import { chromiumForThisFile, seriousAccessibilityViolations } from '../helpers/browser'

/**
 * The chat page in Urdu, right to left, in real Chromium: the page says its language and direction, the bot
 * welcomes and asks in Urdu, a choice can be typed in Urdu digits, and axe finds no serious or critical problem.
 */
const browser = chromiumForThisFile()
const service = testServiceForThisFile()

async function waitForBot(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    wanted => Array.from(document.querySelectorAll('#chat-log .app-chat__message--bot')).some(item => (item.textContent ?? '').includes(wanted)),
    text,
    { timeout: 20_000 },
  )
}

describe('the chat page in Urdu', () => {
  it('is right to left with lang="ur", speaks Urdu, and has no serious or critical axe violations', async () => {
    const page = await browser.newPage()
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(`${service.url}/?lang=ur`)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ur')
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).direction)).toBe('rtl')
    expect(await page.locator('h1').innerText()).toBe('ہمیں اپنی نگہداشت کے بارے میں بتائیں')
    await waitForBot(page, 'اپنے الفاظ میں بتائیں کہ کیا ہوا')

    await page.locator('#chat-input').fill('میری والدہ ایک کیئر ہوم میں رہتی ہیں۔ کل کسی نے انہیں دوا نہیں دی۔')
    await page.keyboard.press('Enter')
    await waitForBot(page, 'آپ کون ہیں؟')
    // The choices are offered in Urdu; the message box follows the direction of what is typed in it.
    expect(await page.locator('#chat-choice-list').innerText()).toContain('خاندان، دوست یا نگہداشت کرنے والا')
    expect(await page.locator('#chat-input').getAttribute('dir')).toBe('auto')
    expect(await seriousAccessibilityViolations(page)).toEqual([])

    await page.locator('#chat-input').fill('۲')
    await page.keyboard.press('Enter')
    await waitForBot(page, 'یہ کس ادارے کے بارے میں ہے؟')
    expect(await seriousAccessibilityViolations(page)).toEqual([])

    const conversationId = await page.evaluate(() => JSON.parse(window.localStorage.getItem('feedback-chat') ?? '{}').conversationId as string)
    const record = await feedbackModel(service.services.connection).findOne({ conversationKey: `webchat:${conversationId}` }).lean()
    expect(record).toMatchObject({ language: 'ur', role: 'family_friend_carer' })
    await page.close()
  })

  it('the plain form in Urdu: right to left, a language switcher, and no serious or critical axe violations', async () => {
    const page = await browser.newPage()
    await page.goto(`${service.url}/give-feedback-by-form?lang=ur`)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ur')
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).direction)).toBe('rtl')
    const switcher = page.locator('nav.app-language-switcher')
    expect(await switcher.locator('[aria-current="true"]').innerText()).toBe('اردو')
    expect(await switcher.locator('a[hreflang="cy"]').getAttribute('href')).toBe('/give-feedback-by-form?lang=cy')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await page.locator('button.govuk-button').click()
    await page.waitForSelector('.govuk-error-summary')
    expect(await page.locator('.govuk-error-summary').innerText()).toContain('ادارے کا نام لکھیں')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await page.close()
  })
})
