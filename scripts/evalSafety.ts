/**
 * Risk figures for the safety fixture sets, through the committed embedded classifier
 * (createEmbeddedClassifier().classifyFeedback). Two sets are reported separately:
 *  - "authored": urgent-concerns.jsonl / calm-comments.jsonl, written by the author of the safety rules;
 *  - "blind": blind-urgent.jsonl / blind-calm.jsonl, written by the same team before reading the rules.
 * Usage: node --import tsx scripts/evalSafety.ts [--verbose]   (also run by npm run eval)
 */
import fs from 'node:fs'
import path from 'node:path'
import { createEmbeddedClassifier } from '../src/classification'
import type { Classification } from '../src/classification/types'

export interface SafetyCase {
  text: string
  note?: string
}

export interface SafetySetResult {
  name: string
  urgentTotal: number
  urgentCaught: number
  calmTotal: number
  calmFalseUrgent: number
  missed: { text: string; level: string }[]
  falseUrgent: { text: string; reason: string }[]
}

export const fixturesDirectory = path.resolve(__dirname, '..', 'test', 'classification', 'fixtures')

export const safetySets = [
  { name: 'authored (rules author)', urgent: 'urgent-concerns.jsonl', calm: 'calm-comments.jsonl' },
  { name: 'blind (written before reading rules)', urgent: 'blind-urgent.jsonl', calm: 'blind-calm.jsonl' },
] as const

export function readCases(file: string): SafetyCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => JSON.parse(line) as SafetyCase)
}

export async function evaluateSafetySet(name: string, urgentFile: string, calmFile: string): Promise<SafetySetResult> {
  const classifier = createEmbeddedClassifier()
  const urgentCases = readCases(path.join(fixturesDirectory, urgentFile))
  const calmCases = readCases(path.join(fixturesDirectory, calmFile))
  const classify = async (items: SafetyCase[]): Promise<{ item: SafetyCase; result: Classification }[]> =>
    Promise.all(items.map(async item => ({ item, result: await classifier.classifyFeedback(item.text) })))
  const urgent = await classify(urgentCases)
  const calm = await classify(calmCases)
  const missed = urgent.filter(({ result }) => result.risk.level !== 'urgent')
  const falseUrgent = calm.filter(({ result }) => result.risk.level === 'urgent')
  return {
    name,
    urgentTotal: urgentCases.length,
    urgentCaught: urgentCases.length - missed.length,
    calmTotal: calmCases.length,
    calmFalseUrgent: falseUrgent.length,
    missed: missed.map(({ item, result }) => ({ text: item.text, level: result.risk.level })),
    falseUrgent: falseUrgent.map(({ item, result }) => ({ text: item.text, reason: result.risk.reason })),
  }
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`

export async function reportSafetySets(verbose: boolean): Promise<SafetySetResult[]> {
  const results: SafetySetResult[] = []
  console.log('Risk by safety fixture set (committed model + safety rules, test/classification/fixtures)')
  for (const set of safetySets) {
    const result = await evaluateSafetySet(set.name, set.urgent, set.calm)
    results.push(result)
    console.log(
      `  ${result.name}: urgent recall ${percent(result.urgentCaught / result.urgentTotal)} (${result.urgentCaught}/${result.urgentTotal})   ` +
        `calm marked urgent ${percent(result.calmFalseUrgent / result.calmTotal)} (${result.calmFalseUrgent}/${result.calmTotal})`,
    )
    if (verbose) {
      for (const item of result.missed) console.log(`    missed [${item.level}] ${item.text}`)
      for (const item of result.falseUrgent) console.log(`    false urgent: ${item.text} -- ${item.reason}`)
    }
  }
  return results
}

if (require.main === module) {
  reportSafetySets(process.argv.includes('--verbose')).catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
}
