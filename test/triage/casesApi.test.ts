import { auditEventModel } from '../../src/data/models/auditEvent'
import { userModel } from '../../src/data/models/user'
import { testDatabaseUri } from '../helpers/database'
import { testServiceForThisFile } from '../helpers/service'
import { scratchFolder } from '../helpers/scratchFolder'
import { runTool, sourceTool } from '../helpers/tools'


const databaseUri = testDatabaseUri()
const service = testServiceForThisFile({ MONGODB_URI: databaseUri })

const userCreate = (...args: string[]) => runTool(sourceTool('userCreate', ...args), { LOG_LEVEL: 'silent', MONGODB_URI: databaseUri, DATA_DIR: scratchFolder('user-create') })

async function createUser(role: string) {
  const created = await userCreate('--email', `${role}.${Date.now()}@example.gov.uk`, '--role', role)
  expect(created.code).toBe(0)
  const lines = created.stdout.trim().split('\n')
  expect(lines).toHaveLength(1)
  return JSON.parse(lines[0]) as { email: string; role: string; password: string; token: string }
}

function api(pathName: string, options: { token?: string; method?: string; body?: unknown } = {}) {
  return fetch(`${service.url}${pathName}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  })
}

describe('user:create', () => {
  it('prints one JSON line and stores only hashes', async () => {
    const created = await createUser('inspector')
    expect(created).toEqual({ email: expect.stringContaining('@example.gov.uk'), role: 'inspector', password: expect.any(String), token: expect.stringMatching(/^pfs_/) })
    const stored = await userModel(service.services.connection).findOne({ email: created.email }).lean()
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$/)
    expect(JSON.stringify(stored)).not.toContain(created.password)
    expect(JSON.stringify(stored)).not.toContain(created.token)
  })

  it('refuses an unknown role with a clear message and no user', async () => {
    expect(await userCreate('--email', 'someone@example.gov.uk', '--role', 'superuser')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('The role must be one of: inspector, manager, admin'),
    })
    expect(await userModel(service.services.connection).countDocuments({ email: 'someone@example.gov.uk' })).toBe(0)
  })
})

describe('the inspectors API', () => {
  it('answers 401 without credentials and with a made-up token', async () => {
    expect((await api('/api/cases')).status).toBe(401)
    expect((await api('/api/cases', { token: 'pfs_not-a-real-token' })).status).toBe(401)
    expect((await api('/api/cases/ABCDE-FGHJK/acknowledge', { method: 'POST' })).status).toBe(401)
  })

  it('answers 403 to an admin, whose role is managing users, not reading feedback', async () => {
    const admin = await createUser('admin')
    const response = await api('/api/cases', { token: admin.token })
    expect(response.status).toBe(403)
    expect((await response.json()).message).toContain('admin')
  })

  it('lets an inspector made with user:create acknowledge and answer a case, and the answer shows at the status endpoint', async () => {
    const inspector = await createUser('inspector')
    const posted = await fetch(`${service.url}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Birch Court' }, text: 'Nobody answered the call bell for an hour and my dad was left wet.' }),
    })
    const { reference } = await posted.json()

    const list = await api('/api/cases', { token: inspector.token })
    expect(list.status).toBe(200)
    expect((await list.json()).cases.map((item: { reference: string }) => item.reference)).toContain(reference)

    const read = await api(`/api/cases/${reference}`, { token: inspector.token })
    expect(read.status).toBe(200)
    expect((await read.json()).story).toContain('call bell')

    const acknowledged = await api(`/api/cases/${reference}/acknowledge`, { token: inspector.token, method: 'POST' })
    expect(acknowledged.status).toBe(200)
    expect(await acknowledged.json()).toMatchObject({ reference, status: 'under_review', acknowledgedBy: inspector.email })

    const empty = await api(`/api/cases/${reference}/responses`, { token: inspector.token, method: 'POST', body: { text: '  ' } })
    expect(empty.status).toBe(400)

    const answer = 'Thank you for telling us. We have spoken to the home about answering call bells quickly.'
    const responded = await api(`/api/cases/${reference}/responses`, { token: inspector.token, method: 'POST', body: { text: answer } })
    expect(responded.status).toBe(201)
    expect(await responded.json()).toMatchObject({ reference, delivery: { status: 'kept_for_reading' } })

    const status = await fetch(`${service.url}/api/feedback/${reference.toLowerCase().replace('-', ' ')}/status`)
    expect(status.status).toBe(200)
    const publicView = await status.json()
    expect(publicView).toMatchObject({ status: 'under_review', updates: [{ date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), text: answer }] })
    expect(JSON.stringify(publicView)).not.toContain('left wet')
    expect(JSON.stringify(publicView)).not.toContain(inspector.email)

    const audit = await auditEventModel(service.services.connection).find({ reference }).sort({ at: 1 }).lean()
    expect(audit.map(event => [event.actor, event.via, event.action])).toEqual([
      [inspector.email, 'api', 'case.read'],
      [inspector.email, 'api', 'case.acknowledge'],
      [inspector.email, 'api', 'case.respond'],
    ])
    expect(await auditEventModel(service.services.connection).countDocuments({ actor: inspector.email, action: 'case.list' })).toBe(1)
  })

  it('answers 404 for an unknown case and for the status of an unknown reference', async () => {
    const inspector = await createUser('manager')
    expect((await api('/api/cases/ABCDE-FGHJK', { token: inspector.token })).status).toBe(404)
    expect((await fetch(`${service.url}/api/feedback/ABCDE-FGHJK/status`)).status).toBe(404)
    expect((await fetch(`${service.url}/api/feedback/not-a-reference/status`)).status).toBe(404)
  })
})
