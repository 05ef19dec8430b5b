/**
 * Turn rate over the Bot Framework channel contract: a bare botbuilder echo bot and this service, one after the
 * other in one run, each as its own process, driven over POST /api/messages with replies going to a local
 * connector. Then the same again with 100,000 feedback records and 100,000 stored conversations loaded.
 * Usage: npm run bench:turns [-- --conversations 200 --turns 10 --preload 100000 --profile DIR]
 * With --profile, the service writes a V8 CPU profile (.cpuprofile) into DIR when it stops.
 * Targets: the service's rate at least 0.5 x the echo bot's, its p99 at most 2 x; loaded within 20% of empty.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import mongoose from 'mongoose'
import { findFreePort } from '../src/data/embeddedDatabase'
import { commandsPerTurn, cpuMsByProcess, cpuPerTurn, databaseCommands, driveConversations, percentile, startChild, startConnector, summarise, type TurnRun } from './benchLoad'

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}

const conversations = option('conversations', 200)
const turns = option('turns', 10)
const preload = option('preload', 100_000)
const profileAt = process.argv.indexOf('--profile')
const profileDir = profileAt > 0 ? path.resolve(process.argv[profileAt + 1] ?? 'profiles') : undefined

/** Fills the database as a regulator's would be after a few years: feedback records and finished conversations. */
async function preloadDatabase(uri: string, count: number): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise()
  try {
    const db = connection.db!
    const story = 'The staff were kind and the room was clean, but lunch was often late and sometimes cold. '.repeat(6)
    const batch = 1000
    for (let start = 0; start < count; start += batch) {
      const feedback = []
      const states = []
      for (let index = start; index < Math.min(count, start + batch); index++) {
        const reference = `PRE${String(index).padStart(7, '0')}`
        const at = new Date(Date.now() - index * 60_000)
        feedback.push({
          _id: reference,
          reference,
          status: 'received',
          channel: index % 3 ? 'webchat' : 'api',
          service: { name: `Preloaded Care Home ${index % 5000}`, key: `preloaded care home ${index % 5000}` },
          story,
          statusHistory: [{ status: 'received', at, by: 'system' }],
          classification: { themes: ['food-and-drink'], sentiment: 3, risk: { level: 'low', categories: [] } },
          triage: { queue: 'themed', priority: 4, team: 'national-triage', routedAt: at },
          submittedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        states.push({
          _id: crypto.createHash('sha256').update(`emulator/conversations/preloaded-${index}/`).digest('hex'),
          state: JSON.stringify({ journey: { reference, submitted: true, answers: { storyParts: [story] } }, dialogState: { dialogStack: [] } }),
          eTag: crypto.randomUUID(),
          updatedAt: at,
        })
      }
      await db.collection('feedbacks').insertMany(feedback as never[], { ordered: false })
      await db.collection('botstate').insertMany(states as never[], { ordered: false })
      if ((start / batch) % 10 === 0) process.stdout.write(`  preloaded ${start + feedback.length} of ${count}\n`)
    }
  } finally {
    await connection.close()
  }
}

async function main(): Promise<void> {
  process.stdout.write(`bench:turns: ${conversations} conversations x ${turns} turns over POST /api/messages, local connector; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}\n`)
  const connector = await startConnector()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-turns-'))
  const results: { label: string; run: TurnRun }[] = []
  const metricsToken = crypto.randomBytes(16).toString('hex')
  const notes: string[] = []
  try {
    const echoPort = await findFreePort()
    const echo = await startChild(['--import', 'tsx', 'scripts/benchEchoBot.ts', String(echoPort)], {}, echoPort)
    try {
      await driveConversations(echo.url, connector.url, 20, turns, 'warm-echo')
      const cpuBefore = cpuMsByProcess(echo.child.pid!)
      const run = await driveConversations(echo.url, connector.url, conversations, turns, 'echo')
      results.push({ label: 'bare botbuilder echo bot', run })
      notes.push('bare botbuilder echo bot:', cpuPerTurn(cpuBefore, cpuMsByProcess(echo.child.pid!), run.turns))
    } finally {
      await echo.stop()
    }

    const port = await findFreePort()
    const dbPort = await findFreePort()
    const service = await startChild(
      [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), '--import', 'tsx', 'src/server.ts'],
      { NODE_ENV: 'test', LOG_LEVEL: 'error', PORT: String(port), DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(dbPort), RATE_LIMIT_PER_MINUTE: '1000000', METRICS_TOKEN: metricsToken, ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}) },
      port,
    )
    try {
      // Whole conversations, so every step's code is warm (compiled) before the measured run, as the echo bot's one step is.
      await driveConversations(service.url, connector.url, 20, turns, 'warm-service')
      const measured = async (label: string, prefix: string) => {
        const before = await databaseCommands(service.url, metricsToken)
        const cpuBefore = cpuMsByProcess(service.child.pid!)
        const repliesBefore = connector.replies()
        const run = await driveConversations(service.url, connector.url, conversations, turns, prefix)
        const cpuAfter = cpuMsByProcess(service.child.pid!)
        results.push({ label, run })
        notes.push(
          `${label}:`,
          commandsPerTurn(before, await databaseCommands(service.url, metricsToken), run.turns),
          `${cpuPerTurn(cpuBefore, cpuAfter, run.turns)}; replies per turn ${((connector.replies() - repliesBefore) / run.turns).toFixed(2)} (the echo bot sends 1)`,
        )
      }
      await measured('this service, empty database', 'empty')
      if (preload > 0) {
        const uri = process.env.MONGODB_URI ?? `mongodb://127.0.0.1:${dbPort}/public-feedback?directConnection=true`
        const loadStarted = Date.now()
        await preloadDatabase(uri, preload)
        process.stdout.write(`  preloaded ${preload} feedback records and ${preload} conversations in ${((Date.now() - loadStarted) / 1000).toFixed(0)} s\n`)
        await measured(`this service, ${preload.toLocaleString('en-GB')} + ${preload.toLocaleString('en-GB')} loaded`, 'loaded')
      }
    } finally {
      await service.stop()
    }
  } finally {
    await connector.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }

  const [echo, empty, loaded] = results.map(result => result.run)
  const rate = (run: TurnRun) => run.turns / run.seconds
  const lines = [...notes, ...results.map(result => summarise(result.label, result.run))]
  lines.push(
    `rate ratio service/echo: ${(rate(empty) / rate(echo)).toFixed(2)} (target >= 0.5)`,
    `p99 ratio service/echo: ${(percentile(empty.latenciesMs, 99) / percentile(echo.latenciesMs, 99)).toFixed(2)} (target <= 2)`,
  )
  if (loaded) lines.push(`loaded rate / empty rate: ${(rate(loaded) / rate(empty)).toFixed(2)} (target >= 0.8)`)
  lines.push(`load average after: ${os.loadavg().map(value => value.toFixed(2)).join(' ')} (other work on this machine skews every figure)`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch(error => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
