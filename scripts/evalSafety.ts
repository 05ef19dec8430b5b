/**
 * Risk figures for the safety sets, through the committed embedded classifier (createEmbeddedClassifier().classifyFeedback).
 * Every item has an expected level: "urgent" (page someone now), "high" (an inspector within a working day, no page)
 * or calm (anything below high). Per set it reports urgent recall, urgent-or-high recall, how many calm items were
 * marked urgent and urgent-or-high, how many serious-not-immediate items became high rather than urgent, and the
 * paging rate (share of the whole set marked urgent), which matters most on the mixed inbox, and how many urgent and
 * calm items the person is shown help lines for (999, NHS 111, Samaritans) at once.
 *  - test/classification/fixtures: written apart from the rules and the concern model and never trained on.
 *    "unseen" predates this work; "tricky calm", "serious not immediate" and "mixed inbox" were written before the
 *    rules were last tuned, and their figures then are kept in test/classification/fixtures/README.md.
 *  - src/classification/training/examples: the concern model learnt from these (in-sample figures).
 * Usage: node --import tsx scripts/evalSafety.ts [--verbose]   (also run by npm run eval)
 */
import fs from 'node:fs'
import path from 'node:path'
import { createEmbeddedClassifier, detectSignposting } from '../src/classification'
import { readSafetyFile, safetyExamplesDirectory } from '../src/classification/training/concernTrainer'
import type { RiskLevel } from '../src/classification/taxonomy'
import type { Classification } from '../src/classification/types'

export type ExpectedLevel = 'urgent' | 'high' | 'calm'

export interface SafetyFile {
  file: string
  /** The level every line expects; when absent each line says so in its own "expected" field. */
  expected?: ExpectedLevel
}

export interface SafetySet {
  name: string
  files: SafetyFile[]
}

export interface JudgedItem {
  text: string
  expected: ExpectedLevel
  level: RiskLevel
  reason: string
}

export interface SafetySetResult {
  name: string
  total: number
  urgentTotal: number
  urgentCaught: number
  urgentCaughtAsHighOrAbove: number
  seriousTotal: number
  seriousAsHighOrAbove: number
  seriousAsUrgent: number
  calmTotal: number
  calmFalseUrgent: number
  calmFalseHighOrAbove: number
  paged: number
  /** Items for which the person is shown help lines at once (signposting). */
  urgentSignposted: number
  calmSignposted: number
  /** Urgent items not marked urgent. */
  missed: JudgedItem[]
  /** Calm or serious-not-immediate items marked urgent. */
  falseUrgent: JudgedItem[]
  /** Serious-not-immediate items below high, and calm items at high. */
  misjudged: JudgedItem[]
}

const fixturesDirectory = path.resolve(__dirname, '..', 'test', 'classification', 'fixtures')
const fixture = (name: string): string => path.join(fixturesDirectory, name)

export const unseenSafetySet: SafetySet = {
  name: 'unseen (independent, never trained or tuned on)',
  files: [{ file: fixture('unseen-urgent.jsonl'), expected: 'urgent' }, { file: fixture('unseen-calm.jsonl'), expected: 'calm' }],
}
export const trickyCalmSet: SafetySet = { name: 'tricky calm (never trained on)', files: [{ file: fixture('tricky-calm.jsonl'), expected: 'calm' }] }
export const seriousNotImmediateSet: SafetySet = {
  name: 'serious not immediate (never trained on)',
  files: [{ file: fixture('serious-not-immediate.jsonl'), expected: 'high' }],
}
/** Written by four outside writers with the session-25 training examples, kept out of training: serious, not immediate. */
export const seriousNotImmediateSecondSet: SafetySet = {
  name: 'serious not immediate, second round (outside writers, never trained on)',
  files: [{ file: fixture('serious-not-immediate-2.jsonl'), expected: 'high' }],
}
export const mixedInboxSet: SafetySet = { name: 'mixed inbox (never trained on)', files: [{ file: fixture('mixed-inbox.jsonl') }] }

/** A training set; some (serious-not-urgent) have calm examples only. */
export function trainingSafetySet(name: string): SafetySet {
  const urgent = path.join(safetyExamplesDirectory, `${name}-urgent.jsonl`)
  const files: SafetyFile[] = [{ file: path.join(safetyExamplesDirectory, `${name}-calm.jsonl`), expected: 'calm' }]
  if (fs.existsSync(urgent)) files.unshift({ file: urgent, expected: 'urgent' })
  return { name: `${name} (in training)`, files }
}

export const precisionDevSet: SafetySet = { name: 'precision dev (second round, written before the level rework)', files: [{ file: fixture('precision-dev.jsonl') }] }

const regulatorInboxDev = (file: string): string => fixture(path.join('regulator-inbox-dev', file))
export const regulatorInboxDevSet: SafetySet = {
  name: 'regulator inbox dev (fourth round, written before its changes, tuned on since)',
  files: [{ file: regulatorInboxDev('urgent.jsonl'), expected: 'urgent' }, { file: regulatorInboxDev('calm.jsonl'), expected: 'calm' }, { file: regulatorInboxDev('high.jsonl'), expected: 'high' }],
}

export const unseenSafetySets: SafetySet[] = [unseenSafetySet, trickyCalmSet, seriousNotImmediateSet, seriousNotImmediateSecondSet, mixedInboxSet, precisionDevSet, regulatorInboxDevSet]
export const trainingSafetySets: SafetySet[] = ['authored', 'serious-not-urgent', 'team-blind', 'independent', 'relatives', 'patients-and-staff'].map(trainingSafetySet)
export const safetySets: SafetySet[] = [...unseenSafetySets, ...trainingSafetySets]

function toExpected(value: string | undefined): ExpectedLevel {
  if (value === 'urgent' || value === 'high') return value
  return 'calm'
}

export function readSafetySet(set: SafetySet): { text: string; expected: ExpectedLevel }[] {
  return set.files.flatMap(({ file, expected }) =>
    (readSafetyFile(file) as { text: string; expected?: string }[]).map(line => ({ text: line.text, expected: expected ?? toExpected(line.expected) })),
  )
}

export async function evaluateSafetySet(set: SafetySet): Promise<SafetySetResult> {
  const classifier = createEmbeddedClassifier()
  const judged: JudgedItem[] = await Promise.all(
    readSafetySet(set).map(async item => {
      const { risk }: Classification = await classifier.classifyFeedback(item.text)
      return { ...item, level: risk.level, reason: risk.reason }
    }),
  )
  const highOrAbove = (item: JudgedItem): boolean => item.level === 'urgent' || item.level === 'high'
  const urgent = judged.filter(item => item.expected === 'urgent')
  const serious = judged.filter(item => item.expected === 'high')
  const calm = judged.filter(item => item.expected === 'calm')
  return {
    name: set.name,
    total: judged.length,
    urgentTotal: urgent.length,
    urgentCaught: urgent.filter(item => item.level === 'urgent').length,
    urgentCaughtAsHighOrAbove: urgent.filter(highOrAbove).length,
    seriousTotal: serious.length,
    seriousAsHighOrAbove: serious.filter(highOrAbove).length,
    seriousAsUrgent: serious.filter(item => item.level === 'urgent').length,
    calmTotal: calm.length,
    calmFalseUrgent: calm.filter(item => item.level === 'urgent').length,
    calmFalseHighOrAbove: calm.filter(highOrAbove).length,
    paged: judged.filter(item => item.level === 'urgent').length,
    urgentSignposted: urgent.filter(item => detectSignposting(item.text).length > 0).length,
    calmSignposted: calm.filter(item => detectSignposting(item.text).length > 0).length,
    missed: urgent.filter(item => item.level !== 'urgent'),
    falseUrgent: [...calm, ...serious].filter(item => item.level === 'urgent'),
    misjudged: [...serious.filter(item => !highOrAbove(item)), ...calm.filter(item => item.level === 'high')],
  }
}

const share = (count: number, total: number): string => (total === 0 ? '—' : `${((count / total) * 100).toFixed(1)}% (${count}/${total})`)

export function describeSafetySetResult(result: SafetySetResult): string[] {
  const lines = [`  ${result.name}: ${result.total} items, paging rate ${share(result.paged, result.total)}`]
  if (result.urgentTotal > 0) lines.push(`    urgent recall ${share(result.urgentCaught, result.urgentTotal)}   urgent-or-high recall ${share(result.urgentCaughtAsHighOrAbove, result.urgentTotal)}`)
  if (result.seriousTotal > 0) lines.push(`    serious-not-immediate as high or urgent ${share(result.seriousAsHighOrAbove, result.seriousTotal)}   of them urgent (paged) ${share(result.seriousAsUrgent, result.seriousTotal)}`)
  if (result.calmTotal > 0) lines.push(`    calm marked urgent ${share(result.calmFalseUrgent, result.calmTotal)}   calm marked urgent-or-high ${share(result.calmFalseHighOrAbove, result.calmTotal)}`)
  if (result.urgentTotal + result.calmTotal > 0) lines.push(`    help lines shown at once: urgent ${share(result.urgentSignposted, result.urgentTotal)}   calm ${share(result.calmSignposted, result.calmTotal)}`)
  return lines
}

export async function reportSafetySets(verbose: boolean): Promise<SafetySetResult[]> {
  const results: SafetySetResult[] = []
  console.log('Risk by safety set (committed model + safety rules)')
  for (const set of safetySets) {
    const result = await evaluateSafetySet(set)
    results.push(result)
    for (const line of describeSafetySetResult(result)) console.log(line)
    if (verbose) {
      for (const item of result.missed) console.log(`      missed [${item.level}] ${item.text} -- ${item.reason}`)
      for (const item of result.falseUrgent) console.log(`      false urgent [expected ${item.expected}] ${item.text} -- ${item.reason}`)
      for (const item of result.misjudged) console.log(`      [${item.level}, expected ${item.expected}] ${item.text} -- ${item.reason}`)
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
