/**
 * How long an urgent concern takes to reach the inspectors' webhook under load: from POST /api/feedback to the
 * signed alert arriving at a local receiver, while 200 web conversations run over /api/messages and 10 partners
 * post feedback at once. The service runs as its own process on a fresh embedded FerretDB (or MONGODB_URI).
 * Usage: npm run bench:alerts [-- --urgent 40 --conversations 200 --intake 10]
 * Target: p99 at most 5 s.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findFreePort } from '../src/data/embeddedDatabase'
import { FakeAlertReceiver } from '../test/fakes/alertReceiver'
import { driveConversations, percentile, startChild, startConnector, summarise } from './benchLoad'

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}

const urgentWanted = option('urgent', 40)
const conversations = option('conversations', 200)
const intakeClients = option('intake', 10)

const urgentConcerns = [
  'My mum told me a carer slapped her last night and she is scared to go to sleep',
  'the night staff lock my dad in his room and he hasnt had water all day',
  'I work there and residents are left in soiled beds for hours, one has pressure sores to the bone',
  'my brother on the ward says he wants to end it all and nobody is watching him',
]
const calmComments = ['The staff were lovely and the food was good', 'Parking was hard to find but the nurse was kind', 'Waited 40 minutes for my appointment, a bit annoying']

async function main(): Promise<void> {
  const secret = 'bench-secret'
  const receiver = await new FakeAlertReceiver(secret).start()
  const connector = await startConnector()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-alerts-'))
  const port = await findFreePort()
  const service = await startChild(
    ['--import', 'tsx', 'src/server.ts'],
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await findFreePort()),
      ALERT_WEBHOOK_URL: receiver.url,
      ALERT_WEBHOOK_SECRET: secret,
      RATE_LIMIT_PER_MINUTE: '100000',
      ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}),
    },
    port,
  )
  process.stdout.write(`bench:alerts: ${urgentWanted} urgent concerns among calm ones from ${intakeClients} concurrent clients, while ${conversations} conversations run; ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(2)}\n`)

  const postedAt = new Map<string, number>()
  const arrivedAt = new Map<string, number>()
  let seen = 0
  const watcher = setInterval(() => {
    for (; seen < receiver.received.length; seen++) {
      const alert = receiver.received[seen]!
      const reference = String(alert.body.reference)
      if (alert.signatureValid && alert.body.escalation === 'inspector' && !arrivedAt.has(reference)) arrivedAt.set(reference, Date.now())
    }
  }, 5)

  let urgentPosted = 0
  let intakeDone = false
  const statuses = new Map<number, number>()
  try {
    const chats = driveConversations(service.url, connector.url, conversations, 1000, 'load', () => intakeDone)
    const clients = Array.from({ length: intakeClients }, async (_, client) => {
      for (let round = 0; urgentPosted < urgentWanted; round++) {
        const urgent = (round + client) % 3 === 0
        if (urgent) urgentPosted++
        const text = urgent ? urgentConcerns[(round + client) % urgentConcerns.length]! : calmComments[(round + client) % calmComments.length]!
        const started = Date.now()
        const response = await fetch(`${service.url}/api/feedback`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ service: { name: `Benchmark Care Home ${client}` }, text }),
        }).catch(() => undefined)
        const status = response?.status ?? 0
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
        if (response?.ok && urgent) postedAt.set(((await response.json()) as { reference: string }).reference, started)
        else await response?.body?.cancel()
      }
    })
    await Promise.all(clients)
    // Keep the conversations going while the last alerts are delivered.
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline && [...postedAt.keys()].some(reference => !arrivedAt.has(reference))) await new Promise(resolve => setTimeout(resolve, 50))
    intakeDone = true
    const turns = await chats

    const latencies = [...postedAt].filter(([reference]) => arrivedAt.has(reference)).map(([reference, at]) => arrivedAt.get(reference)! - at).sort((a, b) => a - b)
    const missed = postedAt.size - latencies.length
    const order = [...postedAt].sort((a, b) => a[1] - b[1]).map(([reference]) => reference)
    const slowest = [...postedAt]
      .filter(([reference]) => arrivedAt.has(reference))
      .map(([reference, at]) => ({ latency: arrivedAt.get(reference)! - at, position: order.indexOf(reference) + 1 }))
      .sort((a, b) => b.latency - a.latency)
      .slice(0, 3)
    process.stdout.write(
      [
        `intake responses by status: ${[...statuses].map(([status, count]) => `${status}: ${count}`).join(', ')}`,
        `urgent concerns saved: ${postedAt.size}, alerts arrived: ${latencies.length}, missed within 60 s: ${missed}`,
        `POST to signed webhook alert, ms: p50 ${percentile(latencies, 50)}, p99 ${percentile(latencies, 99)}, max ${latencies.at(-1)} (target p99 <= 5000)`,
        `slowest: ${slowest.map(({ latency, position }) => `${latency} ms (posted ${position} of ${order.length})`).join(', ')}`,
        summarise('conversation turns meanwhile', turns),
        `load average after: ${os.loadavg().map(value => value.toFixed(2)).join(' ')} (other work on this machine skews every figure)`,
      ].join('\n') + '\n',
    )
  } finally {
    clearInterval(watcher)
    intakeDone = true
    await service.stop()
    await receiver.stop()
    await connector.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch(error => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
