import type { RunningService } from '../../src/service'
import { startTestService, testServiceForThisFile } from '../helpers/service'
import { ConsoleClient } from '../triage/consoleClient'

const service = testServiceForThisFile()

async function signedIn(role: 'inspector' | 'manager' | 'admin', on = service) {
  const created = await on.services.users.create(`${role}.${Math.random().toString(36).slice(2)}@example.gov.uk`, role)
  const client = new ConsoleClient(on.url)
  expect((await client.signIn(created.email, created.password)).status).toBe(303)
  const cookie = client.cookieValue('console_session')!
  return { ...created, client, cookie }
}

/** What someone holding a copy of the cookie could do with it. */
async function withCookie(cookie: string, path: string) {
  return fetch(`${service.url}${path}`, { headers: { Cookie: `console_session=${cookie}` }, redirect: 'manual' })
}

describe('console sessions end when they should, at once', () => {
  it('keeps nothing but a random id in the cookie', async () => {
    const { cookie } = await signedIn('inspector')
    const decoded = decodeURIComponent(cookie)
    expect(decoded).toMatch(/^s:[A-Za-z0-9_-]{32}\.[A-Za-z0-9+/]+$/)
    expect(decoded).not.toMatch(/inspector|role|uid/)
  })

  it('marks the cookie Secure when the service is served over https through a proxy', async () => {
    const behindTls = await startTestService({ PUBLIC_BASE_URL: 'https://feedback.example.gov.uk' })
    try {
      const page = await fetch(`${behindTls.url}/console/sign-in`, { headers: { 'X-Forwarded-Proto': 'https' } })
      expect(page.headers.get('set-cookie')).toMatch(/console_session=.*HttpOnly.*Secure.*SameSite=Lax/i)
    } finally {
      await behindTls.stop()
    }
  })

  it('signing out makes a copied cookie worthless for pages, the API and forms', async () => {
    const inspector = await signedIn('inspector')
    expect((await withCookie(inspector.cookie, '/console')).status).toBe(200)
    const queue = await inspector.client.get('/console')
    const csrf = ConsoleClient.csrfTokenIn(queue.html)
    expect((await inspector.client.post('/console/sign-out', { _csrf: csrf })).status).toBe(303)

    const page = await withCookie(inspector.cookie, '/console')
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toMatch(/^\/console\/sign-in/)
    expect((await withCookie(inspector.cookie, '/api/cases')).status).toBe(401)
    const note = await fetch(`${service.url}/console/cases/FB-AAAA-AAAA/notes`, {
      method: 'POST',
      headers: { Cookie: `console_session=${inspector.cookie}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, note: 'written after signing out' }).toString(),
      redirect: 'manual',
    })
    expect(note.status).toBe(403)
  })

  it('disabling a user ends their session straight away', async () => {
    const inspector = await signedIn('inspector')
    expect((await withCookie(inspector.cookie, '/api/cases')).status).toBe(200)
    await service.services.users.setDisabled(inspector.email, true)
    expect((await withCookie(inspector.cookie, '/api/cases')).status).toBe(401)
    // Turning them back on does not bring the old session back.
    await service.services.users.setDisabled(inspector.email, false)
    expect((await withCookie(inspector.cookie, '/console')).status).toBe(303)
  })

  it('a password reset ends every session signed in with the old password', async () => {
    const inspector = await signedIn('inspector')
    const other = new ConsoleClient(service.url)
    expect((await other.signIn(inspector.email, inspector.password)).status).toBe(303)
    await service.services.users.create(inspector.email, 'inspector', { reset: true })
    expect((await withCookie(inspector.cookie, '/console')).status).toBe(303)
    expect((await other.get('/console')).status).toBe(303)
  })
})

describe('sign-in attempts are limited per address and per account', () => {
  it('a made-up X-Forwarded-For does not get round the per-address limit (TRUST_PROXY is off by default)', async () => {
    const direct = await startTestService()
    try {
      await tryManyAddresses(direct)
    } finally {
      await direct.stop()
    }
  })

  async function tryManyAddresses(on: RunningService) {
    const statuses: number[] = []
    const visitor = new ConsoleClient(on.url)
    const page = await visitor.get('/console/sign-in')
    const csrf = ConsoleClient.csrfTokenIn(page.html)
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await fetch(`${on.url}/console/sign-in`, {
        method: 'POST',
        headers: {
          Cookie: `console_session=${visitor.cookieValue('console_session')}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-For': `203.0.113.${attempt}`,
        },
        body: new URLSearchParams({ _csrf: csrf, email: `nobody${attempt}@example.gov.uk`, password: 'wrong password' }).toString(),
        redirect: 'manual',
      })
      statuses.push(response.status)
    }
    expect(statuses.slice(0, 10).every(status => status === 400)).toBe(true)
    expect(statuses.slice(10)).toEqual([429, 429])
  }

  it('guessing one account from many addresses is stopped too, even with the right password after', async () => {
    const proxied = await startTestService({ TRUST_PROXY: '1' })
    try {
      const target = await proxied.services.users.create('target@example.gov.uk', 'inspector')
      const attempt = async (address: string, password: string) => {
        const visitor = new ConsoleClient(proxied.url)
        const page = await visitor.get('/console/sign-in')
        const response = await fetch(`${proxied.url}/console/sign-in`, {
          method: 'POST',
          headers: {
            Cookie: `console_session=${visitor.cookieValue('console_session')}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            'X-Forwarded-For': address,
          },
          body: new URLSearchParams({ _csrf: ConsoleClient.csrfTokenIn(page.html), email: target.email, password }).toString(),
          redirect: 'manual',
        })
        return { status: response.status, html: await response.text() }
      }
      for (let index = 0; index < 10; index++) expect((await attempt(`198.51.100.${index}`, 'a wrong guess')).status).toBe(400)
      const blocked = await attempt('198.51.100.200', target.password)
      expect(blocked.status).toBe(429)
      expect(blocked.html).toContain('too many attempts to sign in')
    } finally {
      await proxied.stop()
    }
  })
})
