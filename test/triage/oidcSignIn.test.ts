import type { Connection } from 'mongoose'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { findFreePort } from '../../src/data/embeddedDatabase'
import { userModel } from '../../src/data/models/user'
import { Users } from '../../src/security/users'
import { FakeOidcProvider } from '../fakes/oidcProvider'
import { testDatabaseUri } from '../helpers/database'
import { type ServiceProcess, spawnService, waitForStatus } from '../helpers/serviceProcess'
import { startTestService } from '../helpers/service'
import { ConsoleClient } from './consoleClient'
import { scratchFolder } from '../helpers/scratchFolder'

/**
 * openid-client is ESM-only and jest's module system cannot load it, so the service runs as a child process
 * (as in production) against a fake provider that speaks the real OpenID Connect protocol.
 */
const clientId = 'feedback-console'
const clientSecret = 'fake-client-secret'
const inspector = { email: 'ines.inspector@example.gov.uk', password: 'a-long-password-for-ines' }
const databaseUri = testDatabaseUri()

let connection: Connection
let provider: FakeOidcProvider
let service: ServiceProcess

/** The service in a process of its own, with organisation sign-in through the fake provider. */
async function spawnServiceWithOidc(): Promise<ServiceProcess> {
  const port = String(await findFreePort())
  return spawnService({
    PORT: port,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: scratchFolder('oidc'),
    MONGODB_URI: databaseUri,
    OIDC_ISSUER_URL: provider.url,
    OIDC_CLIENT_ID: clientId,
    OIDC_CLIENT_SECRET: clientSecret,
    LOG_LEVEL: 'silent',
  })
}

beforeAll(async () => {
  connection = await connectToDatabase(databaseUri, pino({ level: 'silent' }))
  await new Users(userModel(connection), 4).create(inspector.email, 'inspector', { password: inspector.password })
  provider = await new FakeOidcProvider(clientId, clientSecret).start()
  service = await spawnServiceWithOidc()
  await waitForStatus(service, '/readyz', 200)
})

afterAll(async () => {
  await service?.stop()
  await provider?.stop()
  await connection?.close()
})

/** What a browser does: the console's sign-in button, the provider's redirect back, and the console's answer. */
async function signInWithOrganisation(client: ConsoleClient, start = '/console/sign-in/oidc') {
  const started = await client.get(start)
  expect(started.status).toBe(303)
  const authorize = new URL(started.location!)
  const atProvider = await fetch(authorize, { redirect: 'manual' })
  expect(atProvider.status).toBe(302)
  const back = new URL(atProvider.headers.get('location')!)
  const callback = await client.get(back.pathname + back.search)
  return { authorize, callbackPath: back.pathname + back.search, callback }
}

describe('organisation (OIDC) sign-in to the inspector console', () => {
  it('offers the organisation button on the sign-in page when OIDC is configured', async () => {
    const page = await new ConsoleClient(service.url).get('/console/sign-in')
    expect(page.html).toContain('Sign in with your organisation account')
    expect(page.html).toContain('href="/console/sign-in/oidc"')
  })

  it('signs an existing inspector in with the provider, using PKCE, state and nonce, and shows the case queue', async () => {
    provider.nextLogin = { email: 'Ines.Inspector@Example.gov.uk', emailVerified: true }
    const client = new ConsoleClient(service.url)
    const { authorize, callback } = await signInWithOrganisation(client)
    expect(authorize.origin).toBe(provider.url)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('state')).toBeTruthy()
    expect(authorize.searchParams.get('nonce')).toBeTruthy()
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${service.url}/console/sign-in/oidc/callback`)
    expect(callback.status).toBe(303)
    expect(callback.location).toBe('/console')
    const queue = await client.get('/console')
    expect(queue.status).toBe(200)
    expect(queue.html).toContain('Case queue')
    expect(queue.html).toContain(inspector.email)
  })

  it('brings the inspector back to the page they asked for', async () => {
    provider.nextLogin = { email: inspector.email, emailVerified: true }
    const client = new ConsoleClient(service.url)
    const asked = await client.get('/console?risk=urgent')
    expect(asked.location).toBe('/console/sign-in?returnTo=%2Fconsole%3Frisk%3Durgent')
    const page = await client.get(asked.location!)
    const start = /href="(\/console\/sign-in\/oidc[^"]*)"/.exec(page.html)![1].replace(/&amp;/g, '&')
    const { callback } = await signInWithOrganisation(client, start)
    expect(callback.location).toBe('/console?risk=urgent')
  })

  it('turns away someone the provider knows but who has no console account, kindly and without a session', async () => {
    provider.nextLogin = { email: 'someone.else@example.gov.uk', emailVerified: true }
    const client = new ConsoleClient(service.url)
    const { callback } = await signInWithOrganisation(client)
    expect(callback.status).toBe(403)
    expect(callback.html).toContain('You do not have a console account yet')
    expect(callback.html).toContain('Ask an administrator to add you')
    expect(callback.html).not.toMatch(/at .+\.(ts|js):\d+/)
    expect((await client.get('/console')).location).toMatch(/^\/console\/sign-in/)
  })

  it('does not match an email address the provider has not verified', async () => {
    provider.nextLogin = { email: inspector.email, emailVerified: false }
    const client = new ConsoleClient(service.url)
    const { callback } = await signInWithOrganisation(client)
    expect(callback.status).toBe(403)
    expect(callback.html).toContain('Your email address could not be confirmed')
    expect((await client.get('/console')).location).toMatch(/^\/console\/sign-in/)
  })

  it('refuses an answer from the provider that this browser did not start, and a replayed one', async () => {
    provider.nextLogin = { email: inspector.email, emailVerified: true }
    const victim = new ConsoleClient(service.url)
    const started = await victim.get('/console/sign-in/oidc')
    const atProvider = await fetch(started.location!, { redirect: 'manual' })
    const back = new URL(atProvider.headers.get('location')!)

    const attacker = new ConsoleClient(service.url)
    await attacker.get('/console/sign-in')
    const forged = await attacker.get(back.pathname + back.search)
    expect(forged.status).toBe(400)
    expect(forged.html).toContain('We could not finish signing you in')
    expect((await attacker.get('/console')).location).toMatch(/^\/console\/sign-in/)

    const first = await victim.get(back.pathname + back.search)
    expect(first.status).toBe(303)
    const replay = new ConsoleClient(service.url)
    const replayed = await replay.get(back.pathname + back.search)
    expect(replayed.status).toBe(400)
  })

  it('explains a cancelled sign-in at the provider and offers the way back', async () => {
    provider.nextLogin = { cancel: true }
    const client = new ConsoleClient(service.url)
    const { callback } = await signInWithOrganisation(client)
    expect(callback.status).toBe(400)
    expect(callback.html).toContain('The sign-in was cancelled')
    expect(callback.html).toContain('href="/console/sign-in"')
  })

  it('still lets people sign in with their email address and password', async () => {
    const client = new ConsoleClient(service.url)
    const signedIn = await client.signIn(inspector.email, inspector.password)
    expect(signedIn.status).toBe(303)
    const queue = await client.get('/console')
    expect(queue.status).toBe(200)
    expect(queue.html).toContain('Case queue')
  })

  it('says kindly when the provider cannot be reached, and keeps password sign-in working', async () => {
    await provider.stop()
    // A fresh service has not discovered the provider yet, so it must reach it now, and cannot.
    const offline = await spawnServiceWithOidc()
    try {
      await waitForStatus(offline, '/readyz', 200)
      const client = new ConsoleClient(offline.url)
      const started = await client.get('/console/sign-in/oidc')
      expect(started.status).toBe(503)
      expect(started.html).toContain('Organisation sign-in is not working just now')
      expect((await client.signIn(inspector.email, inspector.password)).status).toBe(303)
    } finally {
      await offline.stop()
    }
  })
})

describe('without OIDC configured', () => {
  it('offers password sign-in only, and says organisation sign-in is not set up', async () => {
    const running = await startTestService({})
    try {
      const client = new ConsoleClient(running.url)
      const page = await client.get('/console/sign-in')
      expect(page.html).not.toContain('organisation account')
      const start = await client.get('/console/sign-in/oidc')
      expect(start.status).toBe(404)
      expect(start.html).toContain('Organisation sign-in is not set up')
    } finally {
      await running.stop()
    }
  })
})
