import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Connection } from 'mongoose'
import pino from 'pino'
import { collectionsInCopyOrder } from '../../src/backup/logicalCopy'
import { connectToDatabase } from '../../src/data/database'
import { feedbackModel } from '../../src/data/models/feedback'
import { testDatabaseUri } from '../helpers/database'
import { spawnService, waitForStatus, type ServiceProcess } from '../helpers/serviceProcess'
import { runTool } from '../helpers/tools'
import { scratchFolder } from '../helpers/scratchFolder'

/**
 * The production image runs the compiled JavaScript only (no tsx, no TypeScript sources). This builds the
 * project once, as `npm run build` does but without its type check, into a git-ignored folder (incrementally,
 * so later runs are quick), then runs the built service and every operator tool from it.
 */
const projectRoot = path.resolve(__dirname, '..', '..')
const buildDir = path.join(projectRoot, '.cache', 'build-test')
const built = (file: string) => path.join(buildDir, file)
const tool = (name: string, ...args: string[]) => [built(`scripts/${name}.js`), ...args]

const sourceUri = testDatabaseUri()
const dataDir = scratchFolder('built')
const env = { MONGODB_URI: sourceUri, DATA_DIR: dataDir }
const connections: Connection[] = []
let server: ServiceProcess | undefined

async function open(uri: string): Promise<Connection> {
  const connection = await connectToDatabase(uri, pino({ level: 'silent' }))
  connections.push(connection)
  return connection
}

/** The newest change to anything the build reads. */
function newestSourceChange(): number {
  let newest = 0
  const visit = (entry: string) => {
    const stats = fs.statSync(entry)
    if (stats.isDirectory()) for (const child of fs.readdirSync(entry)) visit(path.join(entry, child))
    else newest = Math.max(newest, stats.mtimeMs)
  }
  for (const entry of ['src', 'dialogs', 'scripts', 'prompts', 'public', 'config', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) {
    if (fs.existsSync(path.join(projectRoot, entry))) visit(path.join(projectRoot, entry))
  }
  return newest
}

beforeAll(() => {
  const stamp = built('.built-at')
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > newestSourceChange()) return
  const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc')
  // The emit only: `npm run typecheck` checks the same sources, and with isolatedModules the JavaScript is the same.
  const build = [process.execPath, tsc, '-p', 'tsconfig.build.json', '--noCheck', '--outDir', buildDir, '--incremental', '--tsBuildInfoFile', built('.tsbuildinfo')]
  // At low priority, so the rest of the suite running beside it is not starved of CPU.
  const [command, ...args] = fs.existsSync('/usr/bin/nice') ? ['/usr/bin/nice', '-n', '15', ...build] : build
  execFileSync(command, args, { cwd: projectRoot, stdio: 'pipe' })
  execFileSync(process.execPath, ['scripts/copyBuildAssets.js', buildDir], { cwd: projectRoot })
  fs.writeFileSync(stamp, new Date().toISOString())
}, 600_000)

afterAll(async () => {
  await server?.stop()
  for (const connection of connections) {
    await connection.dropDatabase()
    await connection.close()
  }
})

it('the built service and every operator tool run from the compiled JavaScript', async () => {
  server = await spawnService(env, [built('src/server.js')])
  await waitForStatus(server, '/readyz', 200)

  const user = await runTool(tool('userCreate', '--email', 'dpo@example.gov.uk', '--role', 'admin'), env)
  expect(user).toMatchObject({ code: 0 })
  expect(JSON.parse(user.stdout)).toMatchObject({ email: 'dpo@example.gov.uk', role: 'admin', token: expect.any(String) })

  const directory = await runTool(tool('directoryImport', path.join(projectRoot, 'test/directory/fixtures/care-directory.csv')), env)
  expect(directory).toMatchObject({ code: 0, stdout: expect.stringMatching(/Imported \d+ services/) })

  const story = 'Built-tools check: my dad waited three hours for pain relief. 夜勤'
  const submitted = await fetch(`${server.url}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: { name: 'Willow Lodge' }, text: story, contact: { method: 'email', email: 'built.tools@example.com' } }),
  })
  expect(submitted.status).toBe(201)
  const { reference } = (await submitted.json()) as { reference: string }

  const reclassify = await runTool(tool('reclassify'), env)
  expect(reclassify).toMatchObject({ code: 0 })
  expect(JSON.parse(reclassify.stdout)).toMatchObject({ total: 1, done: 1, failed: 0 })

  const exportDir = path.join(dataDir, 'export')
  const exported = await runTool(tool('privacyExport', '--email', 'Built.Tools@example.com', '--out', exportDir), env)
  expect(exported).toMatchObject({ code: 0 })
  const files = JSON.parse(exported.stdout) as { references: string[]; json: string; html: string }
  expect(files.references).toEqual([reference])
  expect(fs.readFileSync(files.json, 'utf8')).toContain('built.tools@example.com')
  expect(fs.readFileSync(files.html, 'utf8')).toContain(story)

  // A backup while the built service runs, then a migration to a second database standing in for MongoDB.
  const backupDir = path.join(dataDir, 'backup')
  expect(await runTool(tool('backup', '--out', backupDir), env)).toMatchObject({ code: 0 })
  const targetUri = testDatabaseUri()
  const migrated = await runTool(tool('migrateToMongodb', '--to', targetUri), env)
  expect(migrated).toMatchObject({ code: 0, stderr: expect.stringContaining('Now set MONGODB_URI') })
  const source = await open(sourceUri)
  const target = await open(targetUri)
  // Leases are the running service's own job claims: it takes new ones while the copy is counted, so they are left out.
  const counts = async (connection: Connection) =>
    Object.fromEntries(
      await Promise.all((await collectionsInCopyOrder(connection.db!)).filter(name => name !== 'leases').map(async name => [name, await connection.db!.collection(name).countDocuments()])),
    )
  expect(await counts(target)).toEqual(await counts(source))
  expect(await target.db!.collection('feedbacks').indexExists('reference_1')).toBe(true)
  const again = await runTool(tool('migrateToMongodb', '--to', targetUri), env)
  expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('already holds') })
  expect(await runTool(tool('migrateToMongodb', '--to', sourceUri, '--replace'), env)).toMatchObject({ code: 1, stderr: expect.stringContaining('same database') })

  const badReference = await runTool(tool('privacyErase', '--reference', 'nonsense'), env)
  expect(badReference).toMatchObject({ code: 1, stderr: expect.stringContaining('That is not a feedback reference') })
  const dryRun = await runTool(tool('privacyErase', '--email', 'built.tools@example.com', '--dry-run'), env)
  expect(JSON.parse(dryRun.stdout)).toEqual({ dryRun: true, references: [reference], conversations: 0 })
  expect((await feedbackModel(source).findOne({ reference }).lean())?.story).toBe(story)
  const erased = await runTool(tool('privacyErase', '--reference', reference, '--reason', 'asked by email', '--by', 'dpo@example.gov.uk'), env)
  expect(erased).toMatchObject({ code: 0 })
  expect(JSON.parse(erased.stdout)).toMatchObject({ references: [reference], feedbackErased: 1 })
  expect((await feedbackModel(source).findOne({ reference }).lean())?.story).toMatch(/^erased on .* at the person's request$/)

  const restoredUri = testDatabaseUri()
  expect(await runTool(tool('restore', '--from', backupDir), { MONGODB_URI: restoredUri, DATA_DIR: path.join(dataDir, 'restored') })).toMatchObject({ code: 0 })
  expect((await feedbackModel(await open(restoredUri)).findOne({ reference }).lean())?.story).toBe(story)
}, 300_000)

it('the npm scripts fall back to the built tools where tsx is not installed, as in the production image', async () => {
  // The image's layout: /app/scripts/runTool.js and /app/dist, with production dependencies only.
  const image = fs.mkdtempSync(path.join(os.tmpdir(), 'image-'))
  fs.mkdirSync(path.join(image, 'scripts'))
  fs.copyFileSync(path.join(projectRoot, 'scripts', 'runTool.js'), path.join(image, 'scripts', 'runTool.js'))
  fs.symlinkSync(buildDir, path.join(image, 'dist'))
  try {
    const run = await runTool([path.join(image, 'scripts', 'runTool.js'), 'userCreate', '--email', 'inspector@example.gov.uk', '--role', 'inspector'], env)
    expect(run).toMatchObject({ code: 0 })
    expect(JSON.parse(run.stdout)).toMatchObject({ email: 'inspector@example.gov.uk', role: 'inspector' })
    const missing = await runTool([path.join(image, 'scripts', 'runTool.js'), 'noSuchTool'], env)
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('not built') })
  } finally {
    fs.rmSync(image, { recursive: true, force: true })
  }
})
