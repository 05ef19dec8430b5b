import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { feedbackModel } from '../../src/data/models/feedback'
import { testServiceForThisFile } from '../helpers/service'
import { chromiumForThisFile } from '../helpers/browser'

/**
 * Microsoft's own botframework-webchat client against our Direct Line subset, polling (no WebSocket),
 * embedded on a page of another origin, as the regulator's main website would. This proves compatibility.
 */
// The package's exports map hides dist/, so the prebuilt browser bundle is read by path.
const webChatBundle = fs.readFileSync(path.resolve(__dirname, '..', '..', 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'))
const embeddingPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Web Chat</title></head>
<body><main><h1>Embedded chat</h1><div id="webchat" style="height: 600px"></div></main>
<script src="/webchat.js"></script>
<script>
  window.startChat = function (token, domain) {
    window.directLine = window.WebChat.createDirectLine({ token: token, domain: domain, webSocket: false, pollingInterval: 500 })
    window.WebChat.renderWebChat({ directLine: window.directLine, locale: 'en-GB' }, document.getElementById('webchat'))
  }
</script></body></html>`

const browser = chromiumForThisFile()
const service = testServiceForThisFile()
let embedder: http.Server
let embedderUrl: string

beforeAll(async () => {
  embedder = http.createServer((req, res) => {
    if (req.url === '/webchat.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(webChatBundle)
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(embeddingPage)
  })
  await new Promise<void>(resolve => embedder.listen(0, '127.0.0.1', resolve))
  embedderUrl = `http://127.0.0.1:${(embedder.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise(resolve => embedder?.close(resolve))
})

async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(wanted => document.getElementById('webchat')?.innerText.includes(wanted), text, { timeout: 30_000 })
}

describe('Microsoft botframework-webchat against our Direct Line endpoint', () => {
  it('shows the welcome and suggested actions, sends a typed message and a chosen action, and the bot answers', async () => {
    const generated = await (await fetch(`${service.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()
    const page = await browser.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', error => pageErrors.push(error.message))
    await page.goto(embedderUrl)
    await page.evaluate(([token, domain]) => (window as unknown as { startChat(t: string, d: string): void }).startChat(token, domain), [
      generated.token as string,
      `${service.url}/v3/directline`,
    ])

    await waitForText(page, 'Tell us what happened')
    const suggestedActions = page.getByRole('toolbar', { name: 'Suggested actions' })

    const sendBox = page.getByRole('textbox').first()
    await sendBox.click()
    await sendBox.fill('the food was cold, no thanks to the cook')
    await sendBox.press('Enter')
    await waitForText(page, 'Who are you?')

    await suggestedActions.getByRole('button', { name: /Family, friend or carer/ }).click()
    await waitForText(page, 'Which service is it about?')

    const shown = await page.locator('#webchat').innerText()
    expect(shown).toContain('the food was cold, no thanks to the cook')
    expect(shown).not.toMatch(/Send failed|could not send/i)
    expect(pageErrors).toEqual([])
    const record = await feedbackModel(service.services.connection).findOne({ conversationKey: `webchat:${generated.conversationId}` }).lean()
    expect(record?.role).toBe('family_friend_carer')
    await page.close()
  })
})
