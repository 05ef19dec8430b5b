import fs from 'node:fs'
import path from 'node:path'
import type { StoredConcernLayer, StoredThresholdedLayer } from '../concernModel'
import { featureCounts } from '../features'
import { type Embedding, embeddingOf, Vectoriser } from '../vectors'
import type { StoredWordVectors } from '../wordVectors'
import { riskCategories, type RiskCategory } from '../taxonomy'
import { buildRows, randomGenerator, rowDot, type SparseRows, trainSquaredHingeSvm } from './linear'
import { buildVocabulary, quantise, type Vocabulary } from './vocabulary'

export interface SafetyExample {
  text: string
  category?: RiskCategory
}

export interface SafetyExamples {
  urgent: SafetyExample[]
  calm: SafetyExample[]
}

/** Hand-written examples: `<set>-urgent.jsonl` and `<set>-calm.jsonl`, one {"text", "category"?} per line. */
export const safetyExamplesDirectory = path.resolve(__dirname, 'examples')

const categoryByName: Record<string, RiskCategory> = {
  'domestic abuse': 'domestic-abuse',
  'modern slavery': 'modern-slavery',
  'risk to life': 'risk-to-life',
  'unsafe care or treatment': 'unsafe-care',
  'unsafe staffing': 'unsafe-staffing',
  'restraint or seclusion': 'restraint-seclusion',
  'infection control': 'infection-control',
}

function toCategory(name: string | undefined): RiskCategory | undefined {
  if (name === undefined) return undefined
  const category = categoryByName[name] ?? name
  return (riskCategories as string[]).includes(category) ? (category as RiskCategory) : undefined
}

/** The lines of a safety example file, as written: {"text", "category"?} (other fields, such as "kind", are kept). */
export function readSafetyFile(file: string): { text: string; category?: string }[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(line => line.trim() !== '')
    .map(line => JSON.parse(line) as { text: string; category?: string })
}

/**
 * Outside-writer sets that became development data (their misses were read and fixed), and sets written as training
 * data (37 and 38), which train the concern model: their urgent lines as urgent; their calm lines and the mixed inbox's none, low and medium lines as calm. Their
 * serious-but-not-immediate lines are left out (as calm examples they teach the model to read serious matters as calm).
 * Sets kept for validation, and the blind set, are never listed here.
 */
export const outsideWriterTrainingSets = ['outside-writer', 'outside-writer-3', 'outside-writer-5', 'outside-writer-7', 'outside-writer-8', 'outside-writer-10', 'outside-writer-11', 'outside-writer-13', 'outside-writer-15', 'outside-writer-16', 'outside-writer-37', 'outside-writer-38']
/**
 * What trains the concern model: those sets, and dev sets that train it alone. General sets 18, 19 and 20 (urgent,
 * calm and mixed-inbox lines) and tricky-calm sets 47, 48, 50 and 51 (calm lines only). Their calm lines made the
 * risk-to-life model worse (session 32), so that model does not read them.
 */
export const concernTrainingSets = [
  ...outsideWriterTrainingSets,
  'outside-writer-18',
  'outside-writer-19',
  'outside-writer-20',
  'outside-writer-47',
  'outside-writer-48',
  'outside-writer-50',
  'outside-writer-51',
]
const outsideWriterDirectory = path.resolve(__dirname, '..', '..', '..', 'test', 'classification', 'fixtures')

/** A file of an outside-writer set, or nothing when the set has no such file (the dev set has no mixed inbox). */
function readSetFile(set: string, name: string): { text: string; category?: string; part?: string; expected?: string }[] {
  const file = path.join(outsideWriterDirectory, set, name)
  return fs.existsSync(file) ? readSafetyFile(file) : []
}

export function loadSafetyExamples(directory = safetyExamplesDirectory, outsideWriterSets = concernTrainingSets): SafetyExamples {
  const examples: SafetyExamples = { urgent: [], calm: [] }
  for (const file of fs.readdirSync(directory).sort()) {
    const kind = file.endsWith('-urgent.jsonl') ? 'urgent' : file.endsWith('-calm.jsonl') ? 'calm' : undefined
    if (kind === undefined) continue
    for (const { text, category } of readSafetyFile(path.join(directory, file))) examples[kind].push({ text, category: toCategory(category) })
  }
  for (const set of outsideWriterSets) {
    const lines = (name: string) => readSetFile(set, name)
    for (const { text, category } of lines('urgent.jsonl')) examples.urgent.push({ text, category: toCategory(category) })
    for (const { text, expected } of [...lines('calm.jsonl'), ...lines('mixed-inbox.jsonl')]) {
      if (expected === 'urgent') examples.urgent.push({ text })
      else if (expected === 'none' || expected === 'low' || expected === 'medium') examples.calm.push({ text })
    }
  }
  return examples
}

export interface ConcernTrainingOptions {
  cost: number
  /** Cost multipliers: hand-written urgent examples, hand-written calm ones (many chosen to look alarming), NHS comments. */
  urgentWeight: number
  calmWeight: number
  ordinaryWeight: number
  /** Share of urgent examples that must score at or above the urgent (and high) threshold under cross-validation. */
  urgentRecall: number
  highRecall: number
  /** Share of urgent examples that must score above the confidently-calm threshold. */
  calmRecall: number
  folds: number
  seed: number
  /** Pretrained word vectors, whose mean over a message's words is a block of features weighted this much (0: none). */
  wordVectors?: StoredWordVectors
  embeddingWeight: number
  log: (message: string) => void
}

export const defaultConcernTrainingOptions: ConcernTrainingOptions = {
  cost: 0.5,
  urgentWeight: 3,
  calmWeight: 2,
  ordinaryWeight: 1,
  urgentRecall: 0.98,
  highRecall: 0.985,
  calmRecall: 0.995,
  folds: 5,
  seed: 20251125,
  embeddingWeight: 0.3,
  log: () => undefined,
}

interface Example {
  counts: Map<string, number>
  urgent: boolean
  weight: number
  handWritten: boolean
  category?: RiskCategory
}

function vectorise(examples: readonly Example[], vectoriser: Vectoriser): SparseRows {
  return buildRows(examples.map(example => vectoriser.vectoriseEmbedded(example.counts)), vectoriser.size)
}

function fitUrgent(examples: readonly Example[], options: ConcernTrainingOptions, seed: number, embedding: Embedding | undefined): { vocabulary: Vocabulary; vectoriser: Vectoriser; weights: Float64Array; bias: number; matrix: SparseRows } {
  const vocabulary = buildVocabulary(examples.map(example => example.counts), 2)
  const vectoriser = new Vectoriser(vocabulary.features, vocabulary.idf, embedding)
  const matrix = vectorise(examples, vectoriser)
  const model = trainSquaredHingeSvm(matrix, Int8Array.from(examples, example => (example.urgent ? 1 : -1)), {
    positiveCost: options.cost,
    negativeCost: options.cost,
    exampleCosts: Float64Array.from(examples, example => example.weight),
    biasFeature: 1,
    maximumIterations: 300,
    tolerance: 0.05,
    random: randomGenerator(seed),
  })
  return { vocabulary, vectoriser, ...model, matrix }
}

/** The score that the given share of scores reaches. */
function scoreReachedBy(scores: number[], share: number): number {
  const sorted = [...scores].sort((first, second) => first - second)
  return sorted[Math.min(sorted.length - 1, Math.floor((1 - share) * sorted.length))] as number
}

/**
 * Trains the concern model: urgent hand-written examples against calm hand-written ones and ordinary NHS comments.
 * Thresholds come from cross-validated scores, so they hold for messages the model has not seen.
 */
export function trainConcernModel(safety: SafetyExamples, ordinaryComments: readonly string[], options: ConcernTrainingOptions = defaultConcernTrainingOptions): StoredConcernLayer {
  return trainConcernModelWithScores(safety, ordinaryComments, options).model
}

function toExamples(safety: SafetyExamples, ordinaryComments: readonly string[], options: ConcernTrainingOptions): Example[] {
  return [
    ...safety.urgent.map(example => ({ counts: featureCounts(example.text), urgent: true, weight: options.urgentWeight, handWritten: true, category: example.category })),
    ...safety.calm.map(example => ({ counts: featureCounts(example.text), urgent: false, weight: options.calmWeight, handWritten: true })),
    ...ordinaryComments.map(text => ({ counts: featureCounts(text), urgent: false, weight: options.ordinaryWeight, handWritten: false })),
  ]
}

/** Each example's score from the cross-validation model that did not see it. */
function outOfFoldScores(examples: readonly Example[], options: ConcernTrainingOptions, embedding: Embedding | undefined): Float64Array {
  const outOfFold = new Float64Array(examples.length)
  for (let fold = 0; fold < options.folds; fold++) {
    const fitted = fitUrgent(examples.filter((_, index) => index % options.folds !== fold), options, options.seed + fold + 1, embedding)
    const held = examples.flatMap((example, index) => (index % options.folds === fold ? [index] : []))
    const matrix = vectorise(held.map(index => examples[index] as Example), fitted.vectoriser)
    held.forEach((index, row) => {
      outOfFold[index] = rowDot(matrix, row, fitted.weights) + fitted.bias
    })
  }
  return outOfFold
}

/** The share of the out-of-fold scores of urgent, hand-written calm or ordinary examples at or above a threshold. */
function shareAtOrAbove(examples: readonly Example[], outOfFold: Float64Array, threshold: number, kind: 'urgent' | 'hand-written calm' | 'ordinary'): string {
  const scores = examples.flatMap((example, index) =>
    (kind === 'urgent' ? example.urgent : !example.urgent && example.handWritten === (kind === 'hand-written calm')) ? [outOfFold[index] as number] : [],
  )
  return `${((scores.filter(score => score >= threshold).length / Math.max(1, scores.length)) * 100).toFixed(2)}%`
}

/** The model, and each hand-written example's score from the cross-validation model that did not see it. */
export function trainConcernModelWithScores(
  safety: SafetyExamples,
  ordinaryComments: readonly string[],
  options: ConcernTrainingOptions = defaultConcernTrainingOptions,
): { model: StoredConcernLayer; urgentScores: number[]; calmScores: number[] } {
  const examples = toExamples(safety, ordinaryComments, options)
  const embedding = embeddingOf(options.wordVectors, options.embeddingWeight)
  const outOfFold = outOfFoldScores(examples, options, embedding)
  const urgentScores = examples.flatMap((example, index) => (example.urgent ? [outOfFold[index] as number] : []))
  const urgentThreshold = scoreReachedBy(urgentScores, options.urgentRecall)
  const highThreshold = Math.min(urgentThreshold, scoreReachedBy(urgentScores, options.highRecall))
  const calmThreshold = Math.min(highThreshold, scoreReachedBy(urgentScores, options.calmRecall))
  const share = (handWritten: boolean, threshold: number): string => shareAtOrAbove(examples, outOfFold, threshold, handWritten ? 'hand-written calm' : 'ordinary')
  options.log(
    `  concern model, ${options.folds}-fold cross-validation on ${safety.urgent.length} urgent, ${safety.calm.length} calm and ${ordinaryComments.length} NHS comments: ` +
      `urgent at ${urgentThreshold.toFixed(3)} (recall ${options.urgentRecall}) marks ${share(true, urgentThreshold)} of calm examples and ${share(false, urgentThreshold)} of NHS comments; ` +
      `high at ${highThreshold.toFixed(3)} (recall ${options.highRecall}) marks ${share(true, highThreshold)} and ${share(false, highThreshold)}; confidently calm below ${calmThreshold.toFixed(3)}`,
  )

  const final = fitUrgent(examples, options, options.seed, embedding)
  const categorised = examples.flatMap((example, index) => (example.category === undefined ? [] : [index]))
  const categoryMatrix = buildRows(categorised.map(index => ({
    indices: final.matrix.indices.subarray(final.matrix.offsets[index] as number, final.matrix.offsets[index + 1] as number),
    values: final.matrix.values.subarray(final.matrix.offsets[index] as number, final.matrix.offsets[index + 1] as number),
  })), final.matrix.columns)
  const categoryModels = riskCategories.map(category =>
    trainSquaredHingeSvm(categoryMatrix, Int8Array.from(categorised, index => ((examples[index] as Example).category === category ? 1 : -1)), {
      positiveCost: options.cost,
      negativeCost: options.cost,
      biasFeature: 1,
      maximumIterations: 300,
      tolerance: 0.05,
      random: randomGenerator(options.seed),
    }),
  )
  const model: StoredConcernLayer = {
    features: final.vocabulary.features,
    idf: final.vocabulary.idf,
    urgent: quantise([{ weights: final.weights, bias: final.bias }], ['urgent']),
    categories: quantise(categoryModels, [...riskCategories]),
    urgentThreshold: Number(urgentThreshold.toFixed(4)),
    highThreshold: Number(highThreshold.toFixed(4)),
    calmThreshold: Number(calmThreshold.toFixed(4)),
    ...(embedding ? { embeddingWeight: embedding.weight } : {}),
  }
  const handWrittenCalm = examples.flatMap((example, index) => (!example.urgent && example.handWritten ? [outOfFold[index] as number] : []))
  return { model, urgentScores, calmScores: handWrittenCalm }
}

/**
 * Sets whose lines about a risk to life train the risk-to-life model. Beyond the concern model's sets, it reads the
 * dev sets written about risk to life (24, 31, and 27 of hints with no word of suicide) and 18 to 20, whose words in the
 * concern model moved other categories' readings (here they teach only this one), and 34 and 35, written as its
 * training data.
 */
export const riskToLifeTrainingSets = [...outsideWriterTrainingSets, 'outside-writer-18', 'outside-writer-19', 'outside-writer-20', 'outside-writer-24', 'outside-writer-27', 'outside-writer-31', 'outside-writer-34', 'outside-writer-35']

/** Writers named categories in their own words; a part of a set written about risk to life starts "rtl" or "ind". */
const namesACrisis = /suicid|self.?harm|overdos|ligature|jump|hang|farewell|goodbye|crisis/i

/**
 * The risk-to-life model's examples: the hand-written risk-to-life examples and the dev sets' lines about a risk to life
 * as urgent, against every hand-written and dev-set calm line (many share the surface signs: a move, a will, a pet
 * rehomed). Other urgent lines are left out: they are not calm, nor about this.
 */
export function loadRiskToLifeExamples(directory = safetyExamplesDirectory, sets = riskToLifeTrainingSets): SafetyExamples {
  const handWritten = loadSafetyExamples(directory, [])
  const examples: SafetyExamples = { urgent: handWritten.urgent.filter(example => example.category === 'risk-to-life'), calm: handWritten.calm }
  for (const set of sets) {
    const lines = (name: string) => readSetFile(set, name)
    for (const { text, category, part } of lines('urgent.jsonl')) {
      if (/^(?:rtl|ind)/.test(part ?? '') || namesACrisis.test(category ?? '')) examples.urgent.push({ text, category: 'risk-to-life' })
    }
    for (const { text, expected } of [...lines('calm.jsonl'), ...lines('mixed-inbox.jsonl')]) {
      if (expected === 'none' || expected === 'low' || expected === 'medium') examples.calm.push({ text })
    }
  }
  return examples
}

/**
 * Trains a thresholded model (see ThresholdedModel): `examples.urgent` are its class, `examples.calm` and the NHS
 * comments the rest. Its threshold is the out-of-fold score that only `otherShare` of the hand-written others reach.
 */
function trainThresholdedModel(name: string, examples: SafetyExamples, ordinaryComments: readonly string[], options: ConcernTrainingOptions, otherShare: number): StoredThresholdedLayer {
  const all = toExamples(examples, ordinaryComments, options)
  const embedding = embeddingOf(options.wordVectors, options.embeddingWeight)
  const outOfFold = outOfFoldScores(all, options, embedding)
  const otherScores = all.flatMap((example, index) => (!example.urgent && example.handWritten ? [outOfFold[index] as number] : [])).sort((first, second) => second - first)
  const threshold = otherScores[Math.floor(otherShare * otherScores.length)] as number
  options.log(
    `  ${name}, ${options.folds}-fold cross-validation on ${examples.urgent.length} of its class, ${examples.calm.length} others and ${ordinaryComments.length} NHS comments: ` +
      `at ${threshold.toFixed(3)} it reads ${shareAtOrAbove(all, outOfFold, threshold, 'urgent')} of its class, ` +
      `${shareAtOrAbove(all, outOfFold, threshold, 'hand-written calm')} of the others and ${shareAtOrAbove(all, outOfFold, threshold, 'ordinary')} of NHS comments`,
  )
  const final = fitUrgent(all, options, options.seed, embedding)
  return {
    features: final.vocabulary.features,
    idf: final.vocabulary.idf,
    layer: quantise([{ weights: final.weights, bias: final.bias }], [name]),
    threshold: Number(threshold.toFixed(4)),
    ...(embedding ? { embeddingWeight: embedding.weight } : {}),
  }
}

/**
 * Trains the risk-to-life model: how much a message reads like someone who may mean to end their life, from hints as
 * much as words, against hand-written calm lines (1% of which reach its line) and NHS comments.
 */
export function trainRiskToLifeModel(examples: SafetyExamples, ordinaryComments: readonly string[], options: ConcernTrainingOptions = defaultConcernTrainingOptions, calmShare = 0.01): StoredThresholdedLayer {
  return trainThresholdedModel('risk-to-life', examples, ordinaryComments, options, calmShare)
}

/**
 * Sets whose serious-but-not-immediate lines (and mixed-inbox `high` lines) teach the in-hand model, against their
 * urgent lines: the dev sets with such lines, 42 (serious-not-immediate lines only) and 46 (the urgent/in-hand
 * boundary, written as its training data), which train nothing else. Validation and blind sets are never listed.
 */
export const inHandTrainingSets = [
  ...outsideWriterTrainingSets,
  'outside-writer-18',
  'outside-writer-19',
  'outside-writer-20',
  'outside-writer-42',
  'outside-writer-46',
]

/** The in-hand model's examples: serious matters that are over or in hand as its class, urgent ones as the others. */
export function loadInHandExamples(sets = inHandTrainingSets): SafetyExamples {
  const examples: SafetyExamples = { urgent: [], calm: [] }
  for (const set of sets) {
    for (const { text } of readSetFile(set, 'high.jsonl')) examples.urgent.push({ text })
    for (const { text } of readSetFile(set, 'urgent.jsonl')) examples.calm.push({ text })
    for (const { text, expected } of readSetFile(set, 'mixed-inbox.jsonl')) {
      if (expected === 'high') examples.urgent.push({ text })
      else if (expected === 'urgent') examples.calm.push({ text })
    }
  }
  return examples
}

/**
 * Trains the in-hand model: how much an alarming message reads as serious but not immediate (dealt with, reported,
 * checked, past, no one at risk now), against urgent ones, with no NHS comments. Only 0.5% of the urgent lines reach
 * its line under cross-validation: it may hold a page back, so it must rarely read danger as in hand.
 */
export function trainInHandModel(examples: SafetyExamples, options: ConcernTrainingOptions = defaultConcernTrainingOptions, urgentShare = 0.005): StoredThresholdedLayer {
  return trainThresholdedModel('in-hand', examples, [], options, urgentShare)
}
