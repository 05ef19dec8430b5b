import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import type { Logger } from 'pino'

/**
 * Runs FerretDB v1.24.2 on SQLite as a child process, for development and tests, so that a fresh clone
 * needs no database server. The launcher is a tiny Go module in db/ferretdb-launcher, built once into
 * .cache/ (db/ferretdb-launcher/main.go says why it is not `go install`ed).
 *
 * It is built from a vendored copy of FerretDB with the corrections in source-fixes.json applied (each says why).
 *
 * The launcher exits when its standard input closes, so it dies with this process even on SIGKILL.
 * A pid file lets the next start find a launcher left over from a crash and replace it.
 */

/** The folder holding package.json: two levels up from src/data, further from a build folder such as dist/src/data. */
function projectRootFrom(directory: string): string {
  for (let at = directory; path.dirname(at) !== at; at = path.dirname(at)) if (fs.existsSync(path.join(at, 'package.json'))) return at
  return path.resolve(directory, '..', '..')
}
const projectRoot = projectRootFrom(__dirname)
const launcherSourceDir = path.join(projectRoot, 'db', 'ferretdb-launcher')
const launcherSourceFiles = ['go.mod', 'go.sum', 'main.go', 'source-fixes.json']
const buildCacheDir = path.join(projectRoot, '.cache', 'ferretdb')

export class EmbeddedDatabaseError extends Error {}

const restartFirstWaitMs = 1000
const restartMaxWaitMs = 30_000

export function launcherBinaryPath(): string {
  const hash = crypto.createHash('sha256')
  for (const file of launcherSourceFiles) hash.update(fs.readFileSync(path.join(launcherSourceDir, file)))
  return path.join(buildCacheDir, `ferretdb-launcher-${hash.digest('hex').slice(0, 12)}`)
}

function runGo(args: string[], cwd: string): void {
  const run = spawnSync('go', args, {
    cwd,
    // The Go toolchain needs the caller's PATH, GOPATH and proxy settings; this is not app configuration.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, CGO_ENABLED: '0' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (run.status !== 0) {
    const lastLines = run.error?.message ?? (`${run.stdout}${run.stderr}`.trim().split('\n').slice(-5).join(' | ') || `go ${args[0]} ended with ${run.signal ?? run.status}`)
    throw new EmbeddedDatabaseError(`Building the embedded database failed: ${lastLines}`)
  }
}

interface SourceFix { file: string; find: string; replace: string; why: string }

/** Each fix must match exactly once, so a FerretDB upgrade that moves the code fails the build rather than losing the fix. */
function applySourceFixes(buildDir: string): void {
  const fixes = JSON.parse(fs.readFileSync(path.join(buildDir, 'source-fixes.json'), 'utf8')) as SourceFix[]
  for (const fix of fixes) {
    const file = path.join(buildDir, 'vendor', fix.file)
    const source = fs.readFileSync(file, 'utf8')
    if (source.split(fix.find).length !== 2) {
      throw new EmbeddedDatabaseError(`Building the embedded database failed: the fix for ${fix.file} no longer matches its source.`)
    }
    fs.writeFileSync(file, source.replace(fix.find, () => fix.replace))
  }
}

/** Builds the launcher if this version of its source has not been built yet. */
export function ensureLauncherBuilt(report: (line: string) => void = line => process.stderr.write(`${line}\n`)): string {
  const binary = launcherBinaryPath()
  if (fs.existsSync(binary)) return binary

  const goVersion = spawnSync('go', ['version'], { encoding: 'utf8' })
  if (goVersion.error || goVersion.status !== 0) {
    throw new EmbeddedDatabaseError(
      'The embedded database needs Go to build it, and Go was not found. Either set MONGODB_URI to a MongoDB server, or install Go 1.24 or newer (https://go.dev/doc/install) and start again.',
    )
  }

  report('Building the embedded database, first run only… (this can take a few minutes)')
  fs.mkdirSync(buildCacheDir, { recursive: true })
  const partial = `${binary}.${process.pid}.partial`
  const buildDir = fs.mkdtempSync(path.join(buildCacheDir, 'build-'))
  try {
    for (const file of launcherSourceFiles) fs.copyFileSync(path.join(launcherSourceDir, file), path.join(buildDir, file))
    runGo(['mod', 'vendor'], buildDir)
    applySourceFixes(buildDir)
    runGo(['build', '-mod=vendor', '-trimpath', '-o', partial, '.'], buildDir)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true })
  }
  fs.renameSync(partial, binary)
  report('The embedded database is built.')
  return binary
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function commandLineOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name may contain spaces, so read the fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[1])
  } catch {
    return undefined
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return !isAlive(pid)
}

async function terminate(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM')
  } catch {
    return
  }
  if (await waitForExit(pid, 5000)) return
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    return
  }
  await waitForExit(pid, 2000)
}

/**
 * Looks at the launcher named in the pid file. One whose service is still running is shared (its port is
 * returned), so command-line tools can work beside `npm start`; one left behind by a killed start is replaced.
 */
async function reuseOrReplaceLauncher(pidFile: string, logger: Logger): Promise<number | undefined> {
  if (!fs.existsSync(pidFile)) return undefined
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim())
  const argv = Number.isInteger(pid) && pid > 0 && isAlive(pid) ? commandLineOf(pid).split(' ') : []
  if (argv[0] && path.basename(argv[0]).startsWith('ferretdb-launcher')) {
    const parent = parentOf(pid)
    const listen = argv[argv.indexOf('-listen') + 1] ?? ''
    const port = Number(listen.split(':').pop())
    if (parent !== undefined && parent > 1 && parent !== process.pid && isAlive(parent) && /server\.(ts|js)/.test(commandLineOf(parent))) {
      if (port > 0 && (await portAcceptsConnections(port))) return port
    }
    logger.warn({ pid }, 'replacing an embedded database left running by an earlier start')
    await terminate(pid)
  }
  fs.rmSync(pidFile, { force: true })
  return undefined
}

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export interface EmbeddedDatabaseOptions {
  dataDir: string
  port: number
  logger: Logger
  /** Restart the launcher if it dies while the service is running. */
  superviseRestarts?: boolean
}

export class EmbeddedDatabase {
  private child: ChildProcess | undefined
  private stopping = false
  private restartTimer: NodeJS.Timeout | undefined
  private failedRestarts = 0
  private port: number
  /** True when another running service owns the launcher and this process only connects to it. */
  private shared = false
  private readonly dbDir: string
  private readonly pidFile: string
  private readonly logFile: string

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.dbDir = path.join(options.dataDir, 'ferretdb')
    this.pidFile = path.join(options.dataDir, 'ferretdb.pid')
    this.logFile = path.join(options.dataDir, 'ferretdb.log')
    this.port = options.port
  }

  uri(databaseName: string): string {
    return `mongodb://127.0.0.1:${this.port}/${databaseName}?directConnection=true`
  }

  get pid(): number | undefined {
    return this.child?.pid
  }

  async start(): Promise<void> {
    const binary = ensureLauncherBuilt()
    fs.mkdirSync(this.dbDir, { recursive: true, mode: 0o700 })
    const sharedPort = await reuseOrReplaceLauncher(this.pidFile, this.options.logger)
    if (sharedPort) {
      this.port = sharedPort
      this.shared = true
      this.options.logger.info({ port: sharedPort }, 'using the embedded database of the service already running')
      return
    }
    this.shared = false
    this.port = this.options.port
    if (await portAcceptsConnections(this.options.port)) {
      throw new EmbeddedDatabaseError(
        `Port ${this.options.port} is already in use, so the embedded database cannot start. Set EMBEDDED_DB_PORT to a free port, or set MONGODB_URI.`,
      )
    }

    this.stopping = false
    // Only this user may read the database: 0700 folder, 0600 files, including ones FerretDB creates later
    // (the launcher inherits a 077 umask) and ones an older version left readable.
    fs.chmodSync(this.dbDir, 0o700)
    for (const entry of fs.readdirSync(this.dbDir, { withFileTypes: true })) {
      if (entry.isFile()) fs.chmodSync(path.join(this.dbDir, entry.name), 0o600)
    }
    const log = fs.openSync(this.logFile, 'a', 0o600)
    const previousUmask = process.umask(0o077)
    let child: ReturnType<typeof spawn>
    try {
      child = spawn(binary, ['-dir', this.dbDir, '-listen', `127.0.0.1:${this.options.port}`], {
        stdio: ['pipe', log, log],
      })
    } finally {
      process.umask(previousUmask)
      fs.closeSync(log)
    }
    this.child = child
    if (child.pid) fs.writeFileSync(this.pidFile, String(child.pid), { mode: 0o600 })
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined
      if (this.stopping) return
      this.options.logger.error({ code, signal }, 'the embedded database stopped unexpectedly')
      if (this.options.superviseRestarts) this.scheduleRestart()
    })

    const deadline = Date.now() + 30_000
    while (!(await portAcceptsConnections(this.options.port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new EmbeddedDatabaseError(`The embedded database did not start. Its log is in ${this.logFile}.`)
      }
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    this.options.logger.info({ port: this.options.port }, 'embedded database ready')
  }

  /**
   * Restarts the launcher after it died, and keeps trying with growing waits (1 s, 2 s, 4 s … at most 30 s) for as
   * long as the service runs: a port held for a moment, or a disk briefly full, must not leave it down for good.
   */
  private scheduleRestart(): void {
    if (this.stopping) return
    clearTimeout(this.restartTimer)
    const waitMs = Math.min(restartFirstWaitMs * 2 ** this.failedRestarts, restartMaxWaitMs)
    this.restartTimer = setTimeout(() => {
      this.start().then(
        () => {
          this.failedRestarts = 0
        },
        error => {
          this.failedRestarts += 1
          this.options.logger.error({ reason: (error as Error).message, failedRestarts: this.failedRestarts }, 'restarting the embedded database failed; trying again')
          this.scheduleRestart()
        },
      )
    }, waitMs)
    this.restartTimer.unref()
  }

  async stop(): Promise<void> {
    this.stopping = true
    clearTimeout(this.restartTimer)
    const child = this.child
    this.child = undefined
    if (this.shared) return
    if (child?.pid) {
      child.stdin?.end()
      await terminate(child.pid)
    }
    fs.rmSync(this.pidFile, { force: true })
  }

  /**
   * Replaces a launcher that answers but can no longer write (SQLite keeps some I/O errors, such as a disk that was
   * full, until it is reopened). The supervisor starts the new one.
   */
  restart(): void {
    if (this.shared || !this.child?.pid || !this.options.superviseRestarts) return
    this.options.logger.error('the embedded database cannot write; restarting it')
    this.child.kill('SIGKILL')
  }

  /** Last-chance synchronous kill, for process 'exit' handlers. */
  killNow(): void {
    this.stopping = true
    if (this.child?.pid && isAlive(this.child.pid)) process.kill(this.child.pid, 'SIGKILL')
  }
}
