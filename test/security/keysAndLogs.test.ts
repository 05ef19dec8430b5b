import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { ConfigError, loadConfig } from '../../src/config'
import { findFreePort } from '../../src/data/embeddedDatabase'
import { type RunningService, startService } from '../../src/service'
import { resolveSecret } from '../../src/security/secrets'
import { testDatabaseUri } from '../helpers/database'
import { spawnService } from '../helpers/serviceProcess'
import { scratchFolder } from '../helpers/scratchFolder'

const databaseUri = testDatabaseUri()

/** The service with its log lines kept, as an operator would read them. */
async function startLogged(env: Record<string, string> = {}) {
  const lines: string[] = []
  const dataDir = scratchFolder('keys')
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: String(await findFreePort()), DATA_DIR: dataDir, MONGODB_URI: databaseUri, ...env })
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
  const service = await startService(config, logger)
  return { service, lines, dataDir }
}

const running: RunningService[] = []
afterAll(async () => {
  for (const service of running) await service.stop()
})

describe('keys and secrets', () => {
  it.each(['ENCRYPTION_KEY', 'SESSION_SECRET'])('never repeats a wrong %s in the error', name => {
    const wrong = 'correct-horse-battery-staple-but-not-base64'
    expect(() => loadConfig({ [name]: wrong })).toThrow(ConfigError)
    try {
      loadConfig({ [name]: wrong })
    } catch (error) {
      expect((error as Error).message).toContain(name)
      expect((error as Error).message).not.toContain(wrong)
      expect((error as Error).message).toMatch(/32 random bytes in base64/)
    }
  })

  it('reads a generated session.secret moved into SESSION_SECRET as the same key', () => {
    const dataDir = scratchFolder('secret')
    const config = loadConfig({ DATA_DIR: dataDir })
    const generated = resolveSecret(config, undefined, 'SESSION_SECRET', 'session.secret')
    expect(fs.statSync(path.join(dataDir, 'session.secret')).mode & 0o777).toBe(0o600)
    const moved = fs.readFileSync(path.join(dataDir, 'session.secret'), 'utf8')
    const configured = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: moved })
    expect(resolveSecret(configured, configured.SESSION_SECRET, 'SESSION_SECRET', 'session.secret').equals(generated)).toBe(true)
  })

  it('gives instances that start together in one data folder the same generated key, none failing on a half-written file', async () => {
    const dataDir = scratchFolder('secret')
    const go = path.join(scratchFolder('secret-start'), 'go')
    // Each process loads everything, then waits for one signal, so they reach the key file together.
    const script = [
      `const fs = require('node:fs')`,
      `const { resolveSecret } = require(${JSON.stringify(path.resolve(__dirname, '../../src/security/secrets.ts'))})`,
      `const { loadConfig } = require(${JSON.stringify(path.resolve(__dirname, '../../src/config.ts'))})`,
      `const config = loadConfig({ DATA_DIR: ${JSON.stringify(dataDir)} })`,
      `process.stdout.write('ready\\n')`,
      `while (!fs.existsSync(${JSON.stringify(go)})) {}`,
      `process.stdout.write(resolveSecret(config, undefined, 'ENCRYPTION_KEY', 'encryption.key').toString('base64'))`,
    ].join('; ')
    const children = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
      let output = ''
      let errors = ''
      child.stdout.on('data', chunk => (output += String(chunk)))
      child.stderr.on('data', chunk => (errors += String(chunk)))
      const ready = new Promise<void>(resolve => child.stdout.on('data', () => output.startsWith('ready') && resolve()))
      const done = new Promise<{ code: number | null; key: string; errors: string }>(resolve => child.on('exit', code => resolve({ code, key: output.replace(/^ready\n/, ''), errors })))
      return { ready, done }
    })
    await Promise.all(children.map(child => child.ready))
    fs.writeFileSync(go, '')
    const results = await Promise.all(children.map(child => child.done))
    expect(results.map(result => ({ code: result.code, errors: result.errors }))).toEqual(results.map(() => ({ code: 0, errors: '' })))
    expect(new Set(results.map(result => result.key)).size).toBe(1)
    expect(fs.readFileSync(path.join(dataDir, 'encryption.key'), 'utf8').trim()).toBe(results[0]?.key)
    expect(fs.readdirSync(dataDir)).toEqual(['encryption.key'])
  }, 60_000)

  it('creates the key on a file system without hard links', () => {
    const dataDir = scratchFolder('secret')
    const noLinks = jest.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' })
    })
    try {
      const key = resolveSecret(loadConfig({ DATA_DIR: dataDir }), undefined, 'ENCRYPTION_KEY', 'encryption.key')
      expect(fs.readFileSync(path.join(dataDir, 'encryption.key'), 'utf8').trim()).toBe(key.toString('base64'))
      expect(fs.readdirSync(dataDir)).toEqual(['encryption.key'])
    } finally {
      noLinks.mockRestore()
    }
  })

  it('refuses a damaged key file by name, without showing what is in it', () => {
    const dataDir = scratchFolder('secret')
    fs.writeFileSync(path.join(dataDir, 'encryption.key'), 'half-a-key')
    const config = loadConfig({ DATA_DIR: dataDir })
    expect(() => resolveSecret(config, undefined, 'ENCRYPTION_KEY', 'encryption.key')).toThrow(/encryption\.key .*must hold 32 random bytes in base64/)
    try {
      resolveSecret(config, undefined, 'ENCRYPTION_KEY', 'encryption.key')
    } catch (error) {
      expect((error as Error).message).not.toContain('half-a-key')
    }
  })

  it('in production, refuses to start without MicrosoftAppId, in one clear line', async () => {
    const key = () => crypto.randomBytes(32).toString('base64')
    const child = await spawnService({ NODE_ENV: 'production', ENCRYPTION_KEY: key(), SESSION_SECRET: key(), MONGODB_URI: databaseUri, DATA_DIR: os.tmpdir() })
    expect(await child.exited).toBe(1)
    const output = child.output().trim()
    expect(output.split('\n')).toHaveLength(1)
    expect(output).toMatch(/^Configuration error: MicrosoftAppId must be set in production/)
  }, 30_000)

  it('an instance whose key cannot open the stored contact details says so at start-up: /readyz and a log line', async () => {
    const first = await startLogged()
    running.push(first.service)
    const sent = await fetch(`${first.service.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Rose Court' }, text: 'The staff were kind.', contact: { method: 'email', email: 'person@example.com' } }),
    })
    expect(sent.status).toBe(201)
    expect((await first.service.sealedDataCheck).problem).toBeUndefined()
    expect((await fetch(`${first.service.url}/readyz`)).status).toBe(200)

    // A second instance with its own DATA_DIR generates its own key.
    const second = await startLogged()
    running.push(second.service)
    const check = await second.service.sealedDataCheck
    expect(check.unreadable).toBeGreaterThan(0)
    const ready = await fetch(`${second.service.url}/readyz`)
    expect(ready.status).toBe(503)
    expect((await ready.json()).reason).toMatch(/sealed data cannot be decrypted with this ENCRYPTION_KEY/)
    expect(second.lines.some(line => /"level":50.*sealed data cannot be decrypted with this ENCRYPTION_KEY/.test(line))).toBe(true)
  })
})

describe('logs', () => {
  it('hold no conversation id or token, and a request id the service made itself', async () => {
    const { service, lines } = await startLogged()
    running.push(service)
    const created = await fetch(`${service.url}/v3/directline/conversations`, { method: 'POST', headers: { 'X-Request-Id': 'client-chosen-id-1' } })
    expect(created.headers.get('x-request-id')).not.toBe('client-chosen-id-1')
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const { conversationId, token } = (await created.json()) as { conversationId: string; token: string }
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify({ type: 'message', text: 'Hello' }) })
    await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities?watermark=0`, { headers })
    await fetch(`${service.url}/v3/directline/conversations/${conversationId}`, { headers })
    await fetch(`${service.url}/v3/directline/tokens/refresh`, { method: 'POST', headers })
    await new Promise(resolve => setTimeout(resolve, 50))

    const log = lines.join('')
    expect(log).toContain('/v3/directline/conversations/:id/activities')
    expect(log).not.toContain(conversationId)
    expect(log).not.toContain(token)
    expect(log).not.toContain(token.split('.')[1]!)
    const logged = lines.map(line => JSON.parse(line)).find(entry => entry.clientRequestId === 'client-chosen-id-1')
    expect(logged?.req?.id).toBe(created.headers.get('x-request-id'))
  })
})
