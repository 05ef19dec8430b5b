import type { Connection } from 'mongoose'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { alertModel } from '../../src/data/models/alert'
import { feedbackModel } from '../../src/data/models/feedback'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { testDatabaseUri } from '../helpers/database'
import { scratchFolder } from '../helpers/scratchFolder'
import { runTool, sourceTool } from '../helpers/tools'

let connection: Connection

afterAll(async () => {
  await connection?.close()
})

it('npm run reclassify re-runs the classifier over stored records, routes a newly urgent one, and reports progress', async () => {
  const uri = testDatabaseUri()
  connection = await connectToDatabase(uri, pino({ level: 'silent' }))
  const feedback = feedbackModel(connection)
  const missed = newFeedbackReference()
  const calm = newFeedbackReference()
  const old = { themes: [], sentiment: 3, risk: { level: 'none' as const, categories: [], reason: 'old model' }, classifier: { name: 'old', version: '0' }, classifiedAt: new Date('2026-01-01') }
  for (const [reference, story] of [
    [missed, 'A carer hit my mum and she has bruises. She is scared to tell anyone.'],
    [calm, 'The staff were lovely and the food was good.'],
  ]) {
    await feedback.create({ reference, status: 'received', channel: 'api', story, service: { name: 'Reclass Home', key: 'reclass home' }, submittedAt: new Date(), classification: old, triage: { queue: 'themed', priority: 5, team: 'national-triage', routedAt: new Date() } })
  }
  await feedback.create({ reference: newFeedbackReference(), status: 'draft', channel: 'api', story: 'still typing' })

  const { code, stdout, stderr } = await runTool(sourceTool('reclassify', '--batch', '1'), { LOG_LEVEL: 'silent', MONGODB_URI: uri, DATA_DIR: scratchFolder('reclassify'), ALERT_WEBHOOK_URL: 'http://127.0.0.1:9/hook' })
  expect(code).toBe(0)
  expect(stderr).toContain('reclassified 1 of 2')
  expect(stderr).toContain('reclassified 2 of 2')
  expect(JSON.parse(stdout.trim())).toMatchObject({ total: 2, done: 2, riskRaised: 1, failed: 0 })

  const updated = await feedback.findOne({ reference: missed }).lean()
  expect(updated?.classification).toMatchObject({ risk: { level: 'urgent' }, classifier: { name: 'embedded' } })
  expect(updated?.triage).toMatchObject({ queue: 'alert', priority: 1 })
  expect(await alertModel(connection).countDocuments({ reference: missed, status: 'pending' })).toBe(1)
  expect((await feedback.findOne({ reference: calm }).lean())?.triage?.queue).toBe('themed')
})
