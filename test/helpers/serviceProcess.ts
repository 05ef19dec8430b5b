import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { findFreePort } from '../../src/data/embeddedDatabase'
import { quickPasswordHashing } from './service'

const projectRoot = path.resolve(__dirname, '..', '..')

export interface ServiceProcess {
  child: ChildProcess
  url: string
  port: string
  output(): string
  /** Resolves with the exit code, or the signal name. */
  exited: Promise<number | string>
  /** SIGTERM, as an orchestrator stops it (nothing if it has already gone); resolves with how it exited. */
  stop(): Promise<number | string>
}

/**
 * The real service as a separate process, for kill and restart tests: by default `node --import tsx src/server.ts`,
 * as `npm start` runs it; `entry` runs another build of it (the compiled JavaScript).
 */
export async function spawnService(env: Record<string, string>, entry = ['--import', 'tsx', 'src/server.ts']): Promise<ServiceProcess> {
  const port = env.PORT ?? String(await findFreePort())
  let output = ''
  const child = spawn(process.execPath, entry, {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', PASSWORD_HASH_COST: quickPasswordHashing, ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', chunk => (output += chunk))
  child.stderr?.on('data', chunk => (output += chunk))
  const exited = new Promise<number | string>(resolve => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)))
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    return exited
  }
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited, stop }
}

/** Polls until GET path answers with the wanted status, or fails with the service's output. */
export async function waitForStatus(service: ServiceProcess, pathName: string, wanted: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`service exited early: ${service.output()}`)
    try {
      const response = await fetch(`${service.url}${pathName}`)
      if (response.status === wanted) return
      last = `HTTP ${response.status}`
    } catch (error) {
      last = (error as Error).message
    }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`${pathName} did not answer ${wanted} in time (last: ${last}). Output: ${service.output()}`)
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await condition()) return true
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return condition()
}
