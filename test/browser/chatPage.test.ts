import type { Page } from 'playwright-core'
import { feedbackModel } from '../../src/data/models/feedback'
import { testServiceForThisFile } from '../helpers/service'
import { chromiumForThisFile, seriousAccessibilityViolations } from '../helpers/browser'

const browser = chromiumForThisFile()
const service = testServiceForThisFile()

const logText = (page: Page) => page.locator('#chat-log').innerText()

/** Waits until the bot's latest words include the text (no timing is asserted, only the outcome). */
async function waitForBot(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    wanted => {
      const bots = document.querySelectorAll('#chat-log .app-chat__message--bot')
      return Array.from(bots).some(item => (item.textContent ?? '').includes(wanted))
    },
    text,
    { timeout: 20_000 },
  )
}

async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? '')
}

async function tabTo(page: Page, id: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if ((await focusedId(page)) === id) return
    await page.keyboard.press(key)
  }
  throw new Error(`could not reach #${id} with ${key}`)
}

/** Types into the focused message box and presses Enter, as a keyboard user does. */
async function typeAndSend(page: Page, text: string): Promise<void> {
  expect(await focusedId(page)).toBe('chat-input')
  await page.keyboard.insertText(text)
  await page.keyboard.press('Enter')
}

/** Moves back from the message box to a choice button with Shift+Tab and presses it with Enter. */
async function chooseByKeyboard(page: Page, label: RegExp): Promise<void> {
  expect(await focusedId(page)).toBe('chat-input')
  for (let presses = 0; presses < 20; presses++) {
    await page.keyboard.press('Shift+Tab')
    const focused = await page.evaluate(() => (document.activeElement?.classList.contains('app-chat__choice') ? document.activeElement.textContent : null))
    if (focused && label.test(focused)) {
      await page.keyboard.press('Enter')
      return
    }
  }
  throw new Error(`no choice button matching ${label}`)
}

/** A new page whose chat has heard a story typed by keyboard, and asks who they are. */
async function chatAskingWhoTheyAre(): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(service.url)
  await waitForBot(page, 'Tell us what happened')
  await page.locator('#chat-input').focus()
  await typeAndSend(page, 'The food was cold.')
  await waitForBot(page, 'Who are you?')
  return page
}

describe('the chat page in Chromium, by keyboard only', () => {
  it('completes a journey to a reference, shows typed HTML as text, and has no serious accessibility problems', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(service.url)
    await waitForBot(page, 'Tell us what happened')
    expect(await seriousAccessibilityViolations(page)).toEqual([])

    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to main content')
    await tabTo(page, 'chat-input')
    const focusStyle = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element)
      return { outline: style.outlineStyle, shadow: style.boxShadow }
    })
    expect(focusStyle.outline !== 'none' || focusStyle.shadow !== 'none').toBe(true)

    await typeAndSend(page, 'Her call bell was <b>out of reach</b> <img src=x onerror="window.__injected=1"> all night.')
    await waitForBot(page, 'Who are you?')
    expect(await focusedId(page)).toBe('chat-input')
    expect(await seriousAccessibilityViolations(page)).toEqual([])

    await chooseByKeyboard(page, /Family, friend or carer/)
    await waitForBot(page, 'Which service is it about?')
    await typeAndSend(page, 'Willow Lodge nursing hom')
    await waitForBot(page, 'Did you mean')
    await typeAndSend(page, '1')
    await waitForBot(page, 'When did it happen?')
    await typeAndSend(page, 'last Tuesday')
    await waitForBot(page, 'good, bad or mixed?')
    await typeAndSend(page, 'bad')
    await waitForBot(page, 'What would you like to happen?')
    await typeAndSend(page, 'skip')
    await waitForBot(page, 'Can we contact you')
    await chooseByKeyboard(page, /Stay anonymous/)
    await waitForBot(page, 'Can we share your words')
    await typeAndSend(page, 'yes')
    await waitForBot(page, 'Check your answers')
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await chooseByKeyboard(page, /Send my feedback/)
    await waitForBot(page, 'Your reference is')

    const reference = /reference is ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(await logText(page))?.[1]
    expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/)
    const record = await feedbackModel(service.services.connection).findOne({ reference }).lean()
    expect(record).toMatchObject({ status: 'received', role: 'family_friend_carer', overall: 'bad', contact: { method: 'anonymous' } })

    // What the person typed is shown as text, never as markup.
    expect(await logText(page)).toContain('<b>out of reach</b> <img src=x onerror="window.__injected=1">')
    expect(await page.locator('#chat-log b, #chat-log img').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined()
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0)
    expect(await seriousAccessibilityViolations(page)).toEqual([])

    // Coming back later: the same conversation is drawn again from the start.
    await page.reload()
    await waitForBot(page, 'Your reference is')
    expect(await logText(page)).toContain('last Tuesday')
    await page.close()
  })

  it('reflows at 320 CSS pixels wide (400% zoom) with no sideways scrolling and no serious problems', async () => {
    // Reduced motion, so the check sees the settled page rather than a smooth scroll part-way.
    const page = await browser.newPage({ viewport: { width: 320, height: 256 }, reducedMotion: 'reduce' })
    await page.goto(service.url)
    await waitForBot(page, 'Tell us what happened')
    await page.locator('#chat-input').fill('x'.repeat(300))
    await page.keyboard.press('Enter')
    await waitForBot(page, 'Who are you?')
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
    expect(await seriousAccessibilityViolations(page)).toEqual([])
    await page.close()
  })

  it('keeps an unsent message in the box with a kind error when the service cannot be reached', async () => {
    const page = await chatAskingWhoTheyAre()
    await page.route('**/activities', route => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue()))
    await typeAndSend(page, 'no thank you')
    await page.locator('#chat-input-error').waitFor({ state: 'visible' })
    expect(await page.locator('#chat-input-error').innerText()).toMatch(/not sent/)
    expect(await page.locator('#chat-input').inputValue()).toBe('no thank you')
    // A choice that cannot be sent leaves the typed words alone and stays on offer.
    await chooseByKeyboard(page, /Family/)
    await page.waitForFunction(() => document.querySelectorAll('.app-chat__choice').length > 0 && document.getElementById('chat-status')?.textContent === '')
    expect(await page.locator('#chat-input').inputValue()).toBe('no thank you')
    expect(await focusedId(page)).toBe('chat-input')
    await page.unroute('**/activities')
    await page.keyboard.press('Enter')
    await waitForBot(page, 'Sorry, I did not understand')
    expect(await page.locator('#chat-input-error').isVisible()).toBe(false)
    await page.close()
  })

  it('forgets the chat in this browser when asked, for people on a shared computer', async () => {
    const page = await chatAskingWhoTheyAre()
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('feedback-chat') ?? '{}').conversationId)
    await tabTo(page, 'chat-clear')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.getElementById('chat-status')?.textContent?.includes('forgotten'))
    await waitForBot(page, 'Tell us what happened')
    expect(await logText(page)).not.toContain('Who are you?')
    expect(await focusedId(page)).toBe('chat-input')
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('feedback-chat') ?? '{}').conversationId)
    expect(after).toBeTruthy()
    expect(after).not.toBe(before)
    await page.close()
  })

  it('"Exit this page" also clears the chat from this browser', async () => {
    const page = await browser.newPage()
    await page.route('https://www.bbc.co.uk/**', route => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title>' }))
    await page.goto(service.url)
    await waitForBot(page, 'Tell us what happened')
    await page.locator('#chat-input').focus()
    await typeAndSend(page, 'My carer shouts at me when I ask for help.')
    await waitForBot(page, 'I have noted')
    const before = await page.evaluate(() => JSON.parse(localStorage.getItem('feedback-chat') ?? '{}').conversationId)
    expect(before).toBeTruthy()
    await page.locator('.govuk-exit-this-page__button').click()
    await page.waitForURL('https://www.bbc.co.uk/**')
    await page.goto(service.url)
    await waitForBot(page, 'Tell us what happened')
    expect(await logText(page)).not.toContain('My carer shouts at me')
    const after = await page.evaluate(() => JSON.parse(localStorage.getItem('feedback-chat') ?? '{}').conversationId)
    expect(after).not.toBe(before)
    await page.close()
  })

  it('shows people without JavaScript the way to the form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(service.url)
    expect(await page.locator('#chat').isVisible()).toBe(false)
    const formLinks = page.locator('a[href="/give-feedback-by-form"]')
    expect(await formLinks.count()).toBeGreaterThanOrEqual(2)
    expect(await page.locator('main').innerText()).toContain('The chat needs JavaScript')
    const form = await page.goto(`${service.url}/give-feedback-by-form`)
    expect(form?.status()).toBe(200)
    expect(await page.locator('main form').count()).toBeGreaterThanOrEqual(1)
    await context.close()
  })
})
