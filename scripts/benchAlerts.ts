/**
 * How long an urgent concern takes to reach the inspectors' webhook: from POST /api/feedback to the signed
 * alert arriving at a local receiver. Runs the whole service on a fresh embedded FerretDB (or MONGODB_URI).
 * Usage: npm run bench:alerts [-- <number of concerns>]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { loadConfig } from '../src/config'
import { EmbeddedDatabase, findFreePort } from '../src/data/embeddedDatabase'
import { createLogger } from '../src/logger'
import { startService } from '../src/service'
import { FakeAlertReceiver } from '../test/fakes/alertReceiver'

const urgentConcerns = [
  'My mum told me a carer slapped her last night and she is scared to go to sleep',
  'the night staff lock my dad in his room and he hasnt had water all day',
  'I work there and residents are left in soiled beds for hours, one has pressure sores to the bone',
  'my brother on the ward says he wants to end it all and nobody is watching him',
]
const calmComments = ['The staff were lovely and the food was good', 'Parking was hard to find but the nurse was kind', 'Waited 40 minutes for my appointment, a bit annoying']

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 20)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-alerts-'))
  let embedded: EmbeddedDatabase | undefined
  let uri = process.env.MONGODB_URI
  if (!uri) {
    embedded = new EmbeddedDatabase({ dataDir, port: await findFreePort(), logger: pino({ level: 'silent' }) })
    await embedded.start()
    uri = embedded.uri('bench-alerts')
  }
  const receiver = await new FakeAlertReceiver('bench-secret').start()
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: String(await findFreePort()),
    DATA_DIR: dataDir,
    MONGODB_URI: uri,
    ALERT_WEBHOOK_URL: receiver.url,
    ALERT_WEBHOOK_SECRET: 'bench-secret',
    RATE_LIMIT_PER_MINUTE: '100000',
  })
  const service = await startService(config, createLogger('silent'))
  const post = async (text: string) => {
    const response = await fetch(`${service.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: { name: 'Benchmark Example Care Home' }, text }),
    })
    return ((await response.json()) as { reference: string }).reference
  }
  const arrivalOf = async (reference: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (receiver.received.some(alert => alert.body.reference === reference && alert.signatureValid)) return Date.now()
      await new Promise(resolve => setTimeout(resolve, 5))
    }
    return undefined
  }

  try {
    const latencies: number[] = []
    let missed = 0
    for (let index = 0; index < count; index += 1) {
      const startedAt = Date.now()
      const reference = await post(urgentConcerns[index % urgentConcerns.length])
      const arrivedAt = await arrivalOf(reference, 10_000)
      if (arrivedAt === undefined) missed += 1
      else latencies.push(arrivedAt - startedAt)
    }
    const calmReferences = await Promise.all(calmComments.map(post))
    await new Promise(resolve => setTimeout(resolve, 3000))
    const calmAlerts = receiver.received.filter(alert => calmReferences.includes(String(alert.body.reference))).length

    latencies.sort((a, b) => a - b)
    process.stdout.write(
      [
        `urgent concerns posted: ${count}, alerts arrived: ${latencies.length}, missed within 10 s: ${missed}`,
        `POST to signed webhook alert, ms: min ${latencies[0]}, median ${percentile(latencies, 50)}, p95 ${percentile(latencies, 95)}, max ${latencies.at(-1)}`,
        `calm comments posted: ${calmComments.length}, alerts for them: ${calmAlerts}`,
      ].join('\n') + '\n',
    )
  } finally {
    await service.stop()
    await receiver.stop()
    await embedded?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch(error => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
