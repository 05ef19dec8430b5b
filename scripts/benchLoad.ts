/**
 * Shared parts of the load benchmarks: a local Bot Connector that takes the bots' replies, conversations driven
 * over POST /api/messages, child processes for the bots, and percentiles.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

export const projectRoot = path.resolve(__dirname, '..')

/** What people type, turn by turn; both bots get the same words. */
export const turnTexts = [
  'hello',
  'no thanks',
  'Sunny Days Care Home in Leeds',
  'last week',
  'The staff were kind but my dad waited a long time for his lunch and it was cold.',
  'It happened most days that week.',
  'I would like them to check on lunch times.',
  'my dad',
  'no',
  'anonymous',
]

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** The connector a channel runs: answers every reply 200 with an id, and counts them. */
export async function startConnector(): Promise<{ url: string; replies: () => number; stop: () => Promise<void> }> {
  let replies = 0
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) replies++
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `r${replies}` }))
    })
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    replies: () => replies,
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface TurnRun {
  turns: number
  failed: number
  seconds: number
  latenciesMs: number[]
}

/** Runs `conversations` conversations at once, each `turns` turns in order; a turn is one POST /api/messages. */
export async function driveConversations(botUrl: string, connectorUrl: string, conversations: number, turns: number, prefix: string, stopWhen?: () => boolean): Promise<TurnRun> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conversations })
  const latenciesMs: number[] = []
  let failed = 0
  const post = (body: string) =>
    new Promise<number>(resolve => {
      const request = http.request(`${botUrl}/api/messages`, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, response => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      })
      request.on('error', () => resolve(0))
      request.end(body)
    })
  const started = Date.now()
  await Promise.all(
    Array.from({ length: conversations }, async (_, index) => {
      const conversationId = `${prefix}-${index}`
      for (let turn = 0; turn < turns; turn++) {
        if (stopWhen?.()) return
        const activity = {
          type: 'message',
          id: `${conversationId}-${turn}`,
          timestamp: new Date().toISOString(),
          channelId: 'emulator',
          serviceUrl: connectorUrl,
          from: { id: `user-${conversationId}`, name: 'Bench user' },
          recipient: { id: 'bot', name: 'Bot' },
          conversation: { id: conversationId },
          text: turnTexts[turn % turnTexts.length],
          locale: 'en-GB',
        }
        const turnStarted = performance.now()
        const status = await post(JSON.stringify(activity))
        latenciesMs.push(performance.now() - turnStarted)
        if (status < 200 || status >= 300) failed++
      }
    }),
  )
  agent.destroy()
  return { turns: latenciesMs.length, failed, seconds: (Date.now() - started) / 1000, latenciesMs: latenciesMs.sort((a, b) => a - b) }
}

export interface ChildService {
  child: ChildProcess
  url: string
  output: () => string
  stop: () => Promise<void>
}

/** Starts a process and waits for GET /readyz to answer 200. */
export async function startChild(args: string[], env: Record<string, string>, port: number): Promise<ChildService> {
  let output = ''
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', chunk => (output = (output + chunk).slice(-20_000)))
  child.stderr?.on('data', chunk => (output = (output + chunk).slice(-20_000)))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited early: ${output}`)
    const ready = await fetch(`${url}/readyz`).then(
      response => response.status === 200,
      () => false,
    )
    if (ready) break
    if (Date.now() > deadline) throw new Error(`process did not become ready: ${output}`)
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  return {
    child,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

export function summarise(label: string, run: TurnRun): string {
  const rate = run.turns / run.seconds
  return `${label.padEnd(34)} ${rate.toFixed(1).padStart(8)} turns/s   p50 ${percentile(run.latenciesMs, 50).toFixed(0).padStart(6)} ms   p99 ${percentile(run.latenciesMs, 99).toFixed(0).padStart(6)} ms   failed ${run.failed}/${run.turns}`
}

/** Database commands the service has sent so far, by "command collection": how many and their total seconds. */
export async function databaseCommands(serviceUrl: string, metricsToken: string): Promise<Map<string, { count: number; seconds: number }>> {
  const text = await fetch(`${serviceUrl}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } }).then(response => response.text())
  const commands = new Map<string, { count: number; seconds: number }>()
  for (const match of text.matchAll(/^feedback_database_command_duration_seconds_(count|sum)\{command="([^"]*)",collection="([^"]*)"\} (\S+)$/gm)) {
    const key = `${match[2]} ${match[3]}`
    const entry = commands.get(key) ?? { count: 0, seconds: 0 }
    if (match[1] === 'count') entry.count = Number(match[4])
    else entry.seconds = Number(match[4])
    commands.set(key, entry)
  }
  return commands
}

/** The database commands a run sent per turn, busiest first, with their mean time. */
export function commandsPerTurn(before: Map<string, { count: number; seconds: number }>, after: Map<string, { count: number; seconds: number }>, turns: number): string {
  const rows = [...after].map(([key, { count, seconds }]) => ({ key, count: count - (before.get(key)?.count ?? 0), seconds: seconds - (before.get(key)?.seconds ?? 0) })).filter(row => row.count > 0)
  const total = rows.reduce((sum, row) => sum + row.count, 0)
  rows.sort((a, b) => b.count - a.count)
  const detail = rows.slice(0, 12).map(row => `${row.key} ${(row.count / turns).toFixed(2)} (${((row.seconds / row.count) * 1000).toFixed(0)} ms)`)
  return `  database commands per turn: ${(total / turns).toFixed(1)}: ${detail.join(', ')}`
}

/** CPU time (user + system, ms) used so far by a process and by each of its descendants, from /proc (Linux only). */
export function cpuMsByProcess(rootPid: number): Map<string, number> {
  const result = new Map<string, number>()
  if (!fs.existsSync('/proc/self/stat')) return result
  const stats = fs
    .readdirSync('/proc')
    .filter(entry => /^\d+$/.test(entry))
    .map(pid => {
      try {
        const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
        const close = text.lastIndexOf(')')
        const name = text.slice(text.indexOf('(') + 1, close)
        const fields = text.slice(close + 2).split(' ')
        // After the name: state, ppid, ..., utime (14th field overall) and stime (15th), in clock ticks of 10 ms.
        return { pid: Number(pid), name, ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * 10 }
      } catch {
        return undefined
      }
    })
    .filter(stat => stat !== undefined)
  const within = new Set([rootPid])
  for (let grew = true; grew; ) {
    grew = false
    for (const stat of stats) {
      if (within.has(stat.pid) || !within.has(stat.ppid)) continue
      within.add(stat.pid)
      grew = true
    }
  }
  for (const stat of stats) {
    if (!within.has(stat.pid)) continue
    const name = stat.pid === rootPid ? 'service' : stat.name
    result.set(name, (result.get(name) ?? 0) + stat.ms)
  }
  return result
}

/** CPU per turn of a run, by process: "service 16.2 ms, ferretdb 9.1 ms". */
export function cpuPerTurn(before: Map<string, number>, after: Map<string, number>, turns: number): string {
  const parts = [...after].map(([name, ms]) => `${name} ${((ms - (before.get(name) ?? 0)) / turns).toFixed(1)} ms`)
  return `  CPU per turn: ${parts.join(', ') || 'not measured (no /proc)'}`
}
