/**
 * npm run reclassify [-- --batch 100] [--dry-run]
 * Runs the current classifier again over every received record, in batches, with progress on stderr.
 * Records whose risk rises are routed again (an urgent one gets its alerts written to the outbox, which the
 * running service delivers); a case is never moved down automatically. Prints a JSON summary on stdout.
 */
import { parseArgs } from 'node:util'
import { createClassifier, riskLevelOrder, type RiskLevel } from '../src/classification'
import { ConfigError, loadConfig } from '../src/config'
import { openDatabase } from '../src/data/database'
import { feedbackModel } from '../src/data/models/feedback'
import { createLogger } from '../src/logger'
import { createServices } from '../src/composition'
import { classificationInput } from '../src/triage/classifyAndRoute'

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { batch: { type: 'string', default: '100' }, 'dry-run': { type: 'boolean', default: false } } })
  const batchSize = Math.max(1, Math.min(1000, Number.parseInt(values.batch ?? '100', 10) || 100))
  const dryRun = values['dry-run'] ?? false
  const config = loadConfig()
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 2)
  const database = await openDatabase(config, logger)
  const services = createServices(config, logger, database.connection)
  const classifier = createClassifier(config, logger)
  const feedback = feedbackModel(database.connection)
  const total = await feedback.countDocuments({ status: { $ne: 'draft' } })
  const summary = { total, done: 0, riskRaised: 0, riskLowered: 0, unchanged: 0, failed: 0, dryRun }
  let lastId: unknown
  try {
    for (;;) {
      const query: Record<string, unknown> = { status: { $ne: 'draft' } }
      if (lastId) query._id = { $gt: lastId }
      const batch = await feedback.find(query, { reference: 1, story: 1, desiredOutcome: 1, conversation: 1, otherMessages: 1, question: 1, overall: 1, classification: 1 }).sort({ _id: 1 }).limit(batchSize).lean()
      if (batch.length === 0) break
      for (const record of batch) {
        lastId = record._id
        try {
          const before = (record.classification?.risk?.level ?? 'none') as RiskLevel
          const { text, context } = classificationInput(record)
          const after = dryRun
            ? (await classifier.classifyFeedback(text, context)).risk.level
            : await services.classifyAndRoute.process(record.reference, { reclassify: true }).then(async () => {
                const updated = await feedback.findOne({ reference: record.reference }, { classification: 1 }).lean()
                return (updated?.classification?.risk?.level ?? 'none') as RiskLevel
              })
          if (riskLevelOrder[after] > riskLevelOrder[before]) summary.riskRaised += 1
          else if (riskLevelOrder[after] < riskLevelOrder[before]) summary.riskLowered += 1
          else summary.unchanged += 1
        } catch (error) {
          summary.failed += 1
          logger.error({ err: error, reference: record.reference }, 'could not reclassify a record')
        }
        summary.done += 1
      }
      process.stderr.write(`reclassified ${summary.done} of ${total} (risk raised ${summary.riskRaised}, lowered ${summary.riskLowered}, failed ${summary.failed})\n`)
    }
    process.stdout.write(`${JSON.stringify(summary)}\n`)
  } finally {
    await database.close()
  }
}

main().catch(error => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Reclassification stopped: ${(error as Error).message}\n`)
  process.exit(1)
})
