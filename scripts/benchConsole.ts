/**
 * How fast the inspector console answers with a realistic number of cases: the queue page, a search by
 * reference, a text search, a service search and a filtered view, each through HTTP as a signed-in inspector
 * (so it includes reading, filtering, sorting, audit-logging and rendering). Runs the whole service on a fresh
 * embedded FerretDB (or MONGODB_URI).
 * Usage: npm run bench:console [-- <number of cases> <requests per measure>]
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { loadConfig } from '../src/config'
import { deliveryModel } from '../src/data/models/delivery'
import { feedbackModel } from '../src/data/models/feedback'
import { EmbeddedDatabase, findFreePort } from '../src/data/embeddedDatabase'
import { createLogger } from '../src/logger'
import { startService } from '../src/service'
import { newFeedbackReference } from '../src/feedback/feedbackReference'
import { ConsoleClient } from '../test/triage/consoleClient'

const stories = [
  'My mum told me a carer slapped her last night and she is scared to go to sleep. The night staff do not check on her and she has bruises on her arms that nobody can explain.',
  'The staff were lovely and the food was good. My dad has settled in well and the activities coordinator takes him to the garden every afternoon when it is dry.',
  'Waited 40 minutes for my appointment, a bit annoying. The receptionist was polite but nobody told us why there was a delay and the waiting room was very cold.',
  'I work there and residents are left in soiled beds for hours. One has pressure sores and the manager told us not to write it down because of the inspection.',
  'Medication is often late in the evening and my aunt has missed her insulin twice this month. The nurses are rushed and there are only two on for thirty people.',
]
const serviceNames = ['Meadowbank Care Home', 'Riverside Surgery', 'Oak Lodge Nursing Home', 'St Anne’s Hospital Ward 4', 'Sunrise Homecare', 'Hill View Dental', 'Cedar House', 'Willow Court']
const levels = ['urgent', 'high', 'medium', 'low', 'none'] as const

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 2000)
  const requests = Number(process.argv[3] ?? 30)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-console-'))
  let embedded: EmbeddedDatabase | undefined
  let uri = process.env.MONGODB_URI
  if (!uri) {
    embedded = new EmbeddedDatabase({ dataDir, port: await findFreePort(), logger: pino({ level: 'silent' }) })
    await embedded.start()
    uri = embedded.uri('bench-console')
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: String(await findFreePort()), DATA_DIR: dataDir, MONGODB_URI: uri })
  const service = await startService(config, createLogger('silent'))
  try {
    const feedback = feedbackModel(service.services.connection)
    const now = Date.now()
    const references: string[] = []
    const documents = Array.from({ length: count }, (_, index) => {
      const reference = newFeedbackReference()
      references.push(reference)
      const level = levels[index % levels.length]
      const submittedAt = new Date(now - (index % 90) * 86_400_000 - index * 1000)
      const name = serviceNames[index % serviceNames.length]
      return {
        reference,
        status: index % 7 === 0 ? 'closed' : index % 3 === 0 ? 'under_review' : 'received',
        statusHistory: [{ status: 'received', at: submittedAt, by: 'system' }],
        channel: index % 2 ? 'webchat' : 'sms',
        role: 'family_friend_carer',
        service: { name, key: name.toLowerCase(), locationId: `1-${100000 + (index % serviceNames.length)}`, region: 'London', localAuthority: 'Camden', serviceTypes: ['Care home service with nursing'] },
        when: { text: 'last week' },
        story: `${stories[index % stories.length]} (${index})`,
        overall: 'bad',
        desiredOutcome: 'I want someone to check on the residents and make sure this does not happen again.',
        contact: { method: 'sms', format: 'standard', sealedDetails: crypto.randomBytes(120).toString('base64') },
        classification: {
          themes: ['Staff manner & personal attributes', 'Number & deployment of staff'],
          sentiment: 4,
          risk: { level, categories: level === 'urgent' ? ['physical'] : [], reason: level === 'none' ? undefined : 'Describes someone being hit and bruises nobody can explain.' },
          classifier: { name: 'embedded', version: 'bench' },
          classifiedAt: submittedAt,
          textHash: crypto.createHash('sha256').update(String(index)).digest('hex'),
        },
        triage: {
          queue: level === 'urgent' ? 'alert' : level === 'high' ? 'inspector' : 'themed',
          priority: levels.indexOf(level) + 1,
          team: 'national-triage',
          targetAt: new Date(submittedAt.getTime() + 86_400_000),
          assignee: index % 4 === 0 ? 'inspector@example.gov.uk' : undefined,
          routedAt: submittedAt,
          escalationLevel: level === 'urgent' ? index % 3 : undefined,
        },
        updates: [],
        notes: [{ at: submittedAt, by: 'inspector@example.gov.uk', text: 'Called the provider and asked for their safeguarding log.' }],
        submittedAt,
      }
    })
    const seedStart = Date.now()
    for (let start = 0; start < documents.length; start += 200) await feedback.insertMany(documents.slice(start, start + 200), { ordered: false })
    await deliveryModel(service.services.connection).insertMany(
      references.slice(0, 40).map((reference, index) => ({ deliveryId: crypto.randomUUID(), feedbackReference: reference, method: 'sms', route: 'twilio', text: 'Thank you', status: index % 2 ? 'failed' : 'needs_phone_call', attemptCount: 1 })),
    )
    process.stdout.write(`Seeded ${count} cases in ${Date.now() - seedStart} ms.\n`)

    const inspector = await service.services.users.create('inspector@example.gov.uk', 'inspector')
    const client = new ConsoleClient(service.url)
    await client.signIn(inspector.email, inspector.password)

    const measures: [string, () => string][] = [
      ['queue (open cases, first page)', () => '/console'],
      ['search by reference', () => `/console?q=${references[Math.floor(Math.random() * references.length)].toLowerCase().replace('-', '')}`],
      ['search by words', () => '/console?q=pressure+sores'],
      ['search by service name', () => '/console?q=oak+lodge&status=all'],
      ['filtered: urgent, my cases, needs action', () => '/console?risk=urgent&assignee=me&needs=any'],
      ['case page', () => `/console/cases/${references[Math.floor(Math.random() * references.length)]}`],
    ]
    process.stdout.write(`${requests} requests each, one at a time, after 3 warm-up requests. Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}.\n`)
    for (const [name, pathOf] of measures) {
      for (let warm = 0; warm < 3; warm += 1) await client.get(pathOf())
      const times: number[] = []
      for (let index = 0; index < requests; index += 1) {
        const started = performance.now()
        const page = await client.get(pathOf())
        times.push(performance.now() - started)
        if (page.status !== 200) throw new Error(`${name}: HTTP ${page.status}`)
      }
      times.sort((a, b) => a - b)
      process.stdout.write(`${name.padEnd(44)} median ${percentile(times, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 95).toFixed(0).padStart(5)} ms\n`)
    }
  } finally {
    await service.stop()
    await embedded?.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
