/**
 * Risk figures for the safety sets, through the committed embedded classifier (createEmbeddedClassifier().classifyFeedback).
 *  - "unseen": test/classification/fixtures/unseen-*.jsonl, written independently of the rules and the concern model
 *    and never trained or tuned on. Its figure is the honest one.
 *  - the training sets in src/classification/training/examples, which the concern model learnt from (in-sample).
 * Usage: node --import tsx scripts/evalSafety.ts [--verbose]   (also run by npm run eval)
 */
import fs from 'node:fs'
import path from 'node:path'
import { createEmbeddedClassifier } from '../src/classification'
import { readSafetyFile, safetyExamplesDirectory } from '../src/classification/training/concernTrainer'
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

const fixturesDirectory = path.resolve(__dirname, '..', 'test', 'classification', 'fixtures')

export interface SafetySet {
  name: string
  urgent: string
  calm: string
}

export const unseenSafetySet: SafetySet = {
  name: 'unseen (independent, never trained or tuned on)',
  urgent: path.join(fixturesDirectory, 'unseen-urgent.jsonl'),
  calm: path.join(fixturesDirectory, 'unseen-calm.jsonl'),
}

/** A training set; some (serious-not-urgent) have calm examples only. */
export function trainingSafetySet(name: string): SafetySet {
  const urgent = path.join(safetyExamplesDirectory, `${name}-urgent.jsonl`)
  return { name: `${name} (in training)`, urgent: fs.existsSync(urgent) ? urgent : '', calm: path.join(safetyExamplesDirectory, `${name}-calm.jsonl`) }
}

export const safetySets: SafetySet[] = [unseenSafetySet, ...['authored', 'serious-not-urgent', 'team-blind', 'independent', 'relatives', 'patients-and-staff'].map(trainingSafetySet)]


export async function evaluateSafetySet({ name, urgent: urgentFile, calm: calmFile }: SafetySet): Promise<SafetySetResult> {
  const classifier = createEmbeddedClassifier()
  const urgentCases = urgentFile === '' ? [] : readSafetyFile(urgentFile)
  const calmCases = readSafetyFile(calmFile)
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
  console.log('Risk by safety set (committed model + safety rules)')
  for (const set of safetySets) {
    const result = await evaluateSafetySet(set)
    results.push(result)
    console.log(
      `  ${result.name}: urgent recall ${result.urgentTotal === 0 ? 'none written' : percent(result.urgentCaught / result.urgentTotal)} (${result.urgentCaught}/${result.urgentTotal})   ` +
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
