import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import { findFreePort, launcherBinaryPath } from '../../src/data/embeddedDatabase'
import { isProcessAlive, spawnService, waitForStatus, waitUntil } from '../helpers/serviceProcess'
import { runTool, sourceTool } from '../helpers/tools'

/** These tests run the real service with NO MONGODB_URI, so it starts its own embedded FerretDB. */

function launcherPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'ferretdb.pid'), 'utf8'))
}

async function embeddedEnv() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedback-embedded-'))
  return { DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await findFreePort()) }
}

async function withDocuments<T>(port: string, collectionName: string, work: (collection: mongoose.mongo.Collection) => Promise<T>): Promise<T> {
  const connection = await mongoose.createConnection(`mongodb://127.0.0.1:${port}/public-feedback?directConnection=true`).asPromise()
  try {
    return await work(connection.db!.collection(collectionName))
  } finally {
    await connection.close()
  }
}

describe('the service on its embedded database', () => {
  const dataDirs: string[] = []
  afterAll(() => dataDirs.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })))

  it('keeps data across a restart, and SIGTERM stops the service and its database within 10 seconds', async () => {
    const env = await embeddedEnv()
    dataDirs.push(env.DATA_DIR)
    // A database file an older version left readable to everyone.
    fs.mkdirSync(path.join(env.DATA_DIR, 'ferretdb'), { mode: 0o755 })
    fs.writeFileSync(path.join(env.DATA_DIR, 'ferretdb', 'leftover.tmp'), 'x', { mode: 0o644 })

    const first = await spawnService(env)
    await waitForStatus(first, '/readyz', 200)
    const firstLauncher = launcherPid(env.DATA_DIR)
    await withDocuments(env.EMBEDDED_DB_PORT, 'restart_check', collection => collection.insertOne({ note: 'written before the restart' }))
    // Nobody but this user can read the database: the folder is 0700 and every file in it 0600.
    const dbDir = path.join(env.DATA_DIR, 'ferretdb')
    expect(fs.statSync(dbDir).mode & 0o777).toBe(0o700)
    const files = fs.readdirSync(dbDir).filter(name => fs.statSync(path.join(dbDir, name)).isFile())
    expect(files.length).toBeGreaterThan(0)
    expect(files.map(name => [name, fs.statSync(path.join(dbDir, name)).mode & 0o777])).toEqual(files.map(name => [name, 0o600]))
    expect(fs.statSync(path.join(env.DATA_DIR, 'ferretdb.log')).mode & 0o777).toBe(0o600)

    const stoppedAt = Date.now()
    expect(await first.stop()).toBe(0)
    expect(Date.now() - stoppedAt).toBeLessThan(10_000)
    expect(isProcessAlive(firstLauncher)).toBe(false)

    const second = await spawnService(env)
    await waitForStatus(second, '/readyz', 200)
    const found = await withDocuments(env.EMBEDDED_DB_PORT, 'restart_check', collection => collection.findOne({ note: 'written before the restart' }))
    expect(found).not.toBeNull()
    expect(await second.stop()).toBe(0)
  })

  it('leaves no database process behind when the service is killed with SIGKILL, and starts cleanly again', async () => {
    const env = await embeddedEnv()
    dataDirs.push(env.DATA_DIR)
    const first = await spawnService(env)
    await waitForStatus(first, '/readyz', 200)
    const launcher = launcherPid(env.DATA_DIR)

    first.child.kill('SIGKILL')
    await first.exited
    expect(await waitUntil(() => !isProcessAlive(launcher), 5000)).toBe(true)

    const second = await spawnService(env)
    await waitForStatus(second, '/readyz', 200)
    expect(await second.stop()).toBe(0)
  })

  it('replaces a stale embedded database left running from an earlier start', async () => {
    const env = await embeddedEnv()
    dataDirs.push(env.DATA_DIR)
    const dbDir = path.join(env.DATA_DIR, 'ferretdb')
    fs.mkdirSync(dbDir, { recursive: true })
    // An orphan: its parent is a shell, not the service, and it holds the port the service wants.
    const orphanShell = spawn('sh', ['-c', `sleep 600 | "${launcherBinaryPath()}" -dir "${dbDir}" -listen 127.0.0.1:${env.EMBEDDED_DB_PORT}; true`], {
      stdio: 'ignore',
      detached: true,
    })
    let orphan = 0
    await waitUntil(() => {
      const match = fs
        .readdirSync('/proc')
        .filter(entry => /^\d+$/.test(entry))
        .find(pid => {
          try {
            const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
            return argv[0] === launcherBinaryPath() && argv.includes(dbDir)
          } catch {
            return false
          }
        })
      orphan = Number(match ?? 0)
      return orphan > 0
    })
    expect(orphan).toBeGreaterThan(0)
    fs.writeFileSync(path.join(env.DATA_DIR, 'ferretdb.pid'), String(orphan))

    try {
      const service = await spawnService(env)
      await waitForStatus(service, '/readyz', 200)
      expect(isProcessAlive(orphan)).toBe(false)
      expect(launcherPid(env.DATA_DIR)).not.toBe(orphan)
      await service.stop()
    } finally {
      process.kill(-orphanShell.pid!, 'SIGKILL')
    }
  })

  it('lets a command-line tool share the embedded database of the running service', async () => {
    const env = await embeddedEnv()
    dataDirs.push(env.DATA_DIR)
    const service = await spawnService(env)
    await waitForStatus(service, '/readyz', 200)
    const launcher = launcherPid(env.DATA_DIR)

    const created = await runTool(sourceTool('userCreate', '--email', 'sharing@example.gov.uk', '--role', 'inspector'), { LOG_LEVEL: 'silent', ...env })
    expect(created.code).toBe(0)
    expect(created.stdout.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(created.stdout)).toMatchObject({ email: 'sharing@example.gov.uk', role: 'inspector' })

    // The tool neither stopped nor replaced the service's database.
    expect(launcherPid(env.DATA_DIR)).toBe(launcher)
    expect(isProcessAlive(launcher)).toBe(true)
    await waitForStatus(service, '/readyz', 200)
    const users = await withDocuments(env.EMBEDDED_DB_PORT, 'users', collection => collection.countDocuments({ email: 'sharing@example.gov.uk' }))
    expect(users).toBe(1)
    expect(await service.stop()).toBe(0)
  })

  it('answers /readyz 503 while the database is stopped, and 200 again once it is back', async () => {
    const env = await embeddedEnv()
    dataDirs.push(env.DATA_DIR)
    const service = await spawnService(env)
    await waitForStatus(service, '/readyz', 200)
    const launcher = launcherPid(env.DATA_DIR)

    process.kill(launcher, 'SIGSTOP')
    try {
      await waitForStatus(service, '/readyz', 503, 15_000)
      const body = await (await fetch(`${service.url}/readyz`)).json()
      expect(body).toEqual({ status: 'not ready', reason: expect.stringContaining('database') })
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200)
    } finally {
      process.kill(launcher, 'SIGCONT')
    }
    await waitForStatus(service, '/readyz', 200, 30_000)

    // A database that dies outright is restarted by the service.
    process.kill(launcher, 'SIGKILL')
    await waitForStatus(service, '/readyz', 503, 15_000)
    await waitForStatus(service, '/readyz', 200, 30_000)

    expect(await service.stop()).toBe(0)
  })

  it('keeps restarting a database that died, with growing waits, even while its port is held for a while', async () => {
    const env = await embeddedEnv()
    dataDirs.push(env.DATA_DIR)
    const service = await spawnService(env)
    await waitForStatus(service, '/readyz', 200)
    const launcher = launcherPid(env.DATA_DIR)
    process.kill(launcher, 'SIGKILL')
    await waitUntil(() => !isProcessAlive(launcher), 5000)
    // Something else takes the port before the first restart, and keeps it through a few tries.
    const squatter = net.createServer(socket => socket.destroy())
    await new Promise<void>(resolve => squatter.listen(Number(env.EMBEDDED_DB_PORT), '127.0.0.1', () => resolve()))
    try {
      await waitForStatus(service, '/readyz', 503, 10_000)
      await new Promise(resolve => setTimeout(resolve, 4000))
      expect(service.output()).toContain('restarting the embedded database failed; trying again')
    } finally {
      await new Promise<void>(resolve => squatter.close(() => resolve()))
    }
    await waitForStatus(service, '/readyz', 200, 45_000)
    expect(await service.stop()).toBe(0)
  })

  it('is not ready while the disk is full, and says plainly that feedback was not saved', async () => {
    const env = await embeddedEnv()
    dataDirs.push(env.DATA_DIR)
    const service = await spawnService({ ...env, RATE_LIMIT_PER_MINUTE: '1000' })
    await waitForStatus(service, '/readyz', 200)
    const launcher = launcherPid(env.DATA_DIR)
    const story = 'A carer hit my mum last night and she is scared. She has bruises on her arms.'
    // A full disk, as the database sees it: no file it writes may grow past 4 KB (Go ignores SIGXFSZ, so writes fail).
    expect(spawnSync('prlimit', [`--pid=${launcher}`, '--fsize=4096']).status).toBe(0)
    try {
      await waitForStatus(service, '/readyz', 503, 20_000)
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200)

      const api = await fetch(`${service.url}/api/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ service: { name: 'Oak House' }, text: story }),
      })
      expect(api.status).toBe(503)
      expect(Number(api.headers.get('retry-after'))).toBeGreaterThan(0)
      const body = await api.json()
      expect(body.message).toContain('was not saved')
      expect(body.message).not.toMatch(/lost/i)
      expect(body.getHelpNow.join(' ')).toContain('999')

      const form = await fetch(`${service.url}/give-feedback-by-form`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ serviceName: 'Oak House', text: story, contactMethod: 'anonymous' }),
      })
      expect(form.status).toBe(503)
      const page = await form.text()
      expect(page).toContain('Your feedback was not saved')
      expect(page).toContain('Please send it again in a minute')
      // The words stay in the form, and help for danger is shown without the database.
      expect(page).toContain('A carer hit my mum last night')
      expect(page).toContain('Samaritans free on 116 123')
      expect(page).not.toContain('An inspector has been told')
    } finally {
      spawnSync('prlimit', [`--pid=${launcher}`, '--fsize=unlimited'])
    }
    // Space again: the service is ready within half a minute (the database is reopened if it kept the error).
    await waitForStatus(service, '/readyz', 200, 30_000)
    const again = await fetch(`${service.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Oak House' }, text: story }),
    })
    expect(again.status).toBe(201)
    expect(await service.stop()).toBe(0)
  })

  it('refuses to start with a bad PORT, in one clear line naming it', async () => {
    const service = await spawnService({ PORT: 'abc', DATA_DIR: os.tmpdir() })
    expect(await service.exited).toBe(1)
    const lines = service.output().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Configuration error: PORT .*For example: PORT=3978$/)
  })
})
