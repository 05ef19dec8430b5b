/**
 * Batch classification: JSON lines {"id": "...", "text": "..."} on stdin, one JSON line per input on stdout:
 * {"id","themes","sentiment","risk":{"level","categories","reason"}}, or {"id","error"} for a line that
 * cannot be read (id null when even that is unknown). Nothing else goes to stdout; logs go to stderr.
 * Uses OpenAI alongside the embedded rules when OPENAI_API_KEY is set.
 * Usage: npm run --silent classify < comments.jsonl > results.jsonl
 */
import readline from 'node:readline'
import pino from 'pino'
import { loadConfig } from '../src/config'
import { createClassifier, type Classification } from '../src/classification'

type Outcome = Record<string, unknown>

function parseLine(line: string): { id: unknown; text?: string; error?: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    return { id: null, error: 'line is not valid JSON' }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { id: null, error: 'line is not a JSON object' }
  const record = parsed as Record<string, unknown>
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null
  if (typeof record.text !== 'string') return { id, error: 'text is missing or not a string' }
  return { id, text: record.text }
}

function describe(id: unknown, classification: Classification): Outcome {
  const { themes, sentiment, risk } = classification
  return { id, themes, sentiment, risk: { level: risk.level, categories: risk.categories, reason: risk.reason } }
}

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = pino({ level: config.LOG_LEVEL }, pino.destination(2))
  const classifier = createClassifier(config, logger)
  const output: string[] = []
  const flush = (): void => {
    if (output.length > 0) process.stdout.write(output.join(''))
    output.length = 0
  }
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  const batchSize = config.OPENAI_API_KEY ? 4 : 256
  let batch: string[] = []
  const runBatch = async (): Promise<void> => {
    const results = await Promise.all(
      batch.map(async (line): Promise<Outcome> => {
        const { id, text, error } = parseLine(line)
        if (error !== undefined || text === undefined) return { id, error: error ?? 'unreadable' }
        try {
          return describe(id, await classifier.classifyFeedback(text))
        } catch {
          return { id, error: 'classification failed' }
        }
      }),
    )
    for (const result of results) output.push(`${JSON.stringify(result)}\n`)
    batch = []
    flush()
  }
  for await (const line of lines) {
    if (line.trim() === '') continue
    batch.push(line)
    if (batch.length >= batchSize) await runBatch()
  }
  await runBatch()
}

main().catch((error: unknown) => {
  process.stderr.write(`classify failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
