import { featureCounts } from '../features'
import { type EmbeddedModelData, poolSentenceScores, type StoredStacker, stackerInputs } from '../model'
import { splitSentences } from '../text'
import { embeddingOf, Vectoriser } from '../vectors'
import type { StoredWordVectors } from '../wordVectors'
import { themeNames } from '../taxonomy'
import { type SafetyExamples, trainConcernModel, defaultConcernTrainingOptions, trainInHandModel, trainRiskToLifeModel } from './concernTrainer'
import type { LabelledComment } from './dataset'
import { buildVocabulary, quantise, type Vocabulary } from './vocabulary'
import { type BinaryLinear, buildRows, plattScaling, randomGenerator, rowDot, selectRows, type SparseRows, trainSquaredHingeSvm } from './linear'

export interface TrainingOptions {
  minimumDocumentFrequency: number
  /** SVM cost (C) for the theme and sentiment models. */
  themeCost: number
  sentimentCost: number
  /** Positive examples of a theme cost max(1, (negatives / positives) ^ positiveWeightPower) times more. */
  positiveWeightPower: number
  maximumIterations: number
  tolerance: number
  /** Folds of cross-validation inside the training data, for the theme threshold, calibration and the sentiment stacker. */
  folds: number
  seed: number
  /** Pretrained word vectors (see wordVectorTable.ts) and the weight of their block; none when absent or weight 0. */
  wordVectors?: StoredWordVectors
  embeddingWeight: number
  /** The weight of a theme's best sentence score beside the whole comment's (see poolSentenceScores); 0 for none. */
  sentenceWeight: number
  log: (message: string) => void
}

export const defaultTrainingOptions: TrainingOptions = {
  minimumDocumentFrequency: 2,
  themeCost: 0.3,
  sentimentCost: 0.3,
  positiveWeightPower: 0.5,
  maximumIterations: 200,
  tolerance: 0.05,
  folds: 5,
  seed: 20240601,
  embeddingWeight: 0.8,
  sentenceWeight: 0.35,
  log: () => undefined,
}

export interface FittedModels {
  vocabulary: Vocabulary
  vectoriser: Vectoriser
  themes: BinaryLinear[]
  sentiment: BinaryLinear[]
}

const sentimentValues = [1, 2, 3, 4, 5] as const

/** Rows for the theme and sentiment models: tf-idf and the word-vector block. */
function vectoriseAll(comments: readonly LabelledComment[], vectoriser: Vectoriser, counts = comments.map(comment => featureCounts(comment.text, comment))): SparseRows {
  return buildRows(counts.map(commentCounts => vectoriser.vectoriseEmbedded(commentCounts)), vectoriser.size)
}

/** One-vs-rest squared-hinge SVMs on the same rows: one per theme (rare themes weighted up) and one per sentiment value. */
export function fit(comments: LabelledComment[], options: TrainingOptions, seedOffset: number, embedding = embeddingOf(options.wordVectors, options.embeddingWeight)): FittedModels {
  const counts = comments.map(comment => featureCounts(comment.text, comment))
  const vocabulary = buildVocabulary(counts, options.minimumDocumentFrequency)
  const vectoriser = new Vectoriser(vocabulary.features, vocabulary.idf, embedding)
  const rows = vectoriseAll(comments, vectoriser, counts)
  const random = randomGenerator(options.seed + seedOffset)
  const svm = { biasFeature: 1, maximumIterations: options.maximumIterations, tolerance: options.tolerance, random }
  const themes = themeNames.map(name => {
    const labels = Int8Array.from(comments, comment => (comment.themes.includes(name) ? 1 : -1))
    const positives = labels.filter(label => label === 1).length
    const weight = Math.max(1, ((comments.length - positives) / Math.max(1, positives)) ** options.positiveWeightPower)
    return trainSquaredHingeSvm(rows, labels, { ...svm, positiveCost: options.themeCost * weight, negativeCost: options.themeCost })
  })
  const withSentiment = comments.flatMap((comment, index) => (comment.sentiment === undefined ? [] : [index]))
  const sentimentMatrix = selectRows(rows, withSentiment)
  const sentiment = sentimentValues.map(value => {
    const labels = Int8Array.from(withSentiment, index => ((comments[index] as LabelledComment).sentiment === value ? 1 : -1))
    return trainSquaredHingeSvm(sentimentMatrix, labels, { ...svm, positiveCost: options.sentimentCost, negativeCost: options.sentimentCost })
  })
  return { vocabulary, vectoriser, themes, sentiment }
}

function scoresOf(models: BinaryLinear[], matrix: SparseRows, row: number): Float64Array {
  return Float64Array.from(models, model => rowDot(matrix, row, model.weights) + model.bias)
}

/** A comment's theme scores, pooled with its sentences' as the committed model pools them. */
function themeScoresOf(models: FittedModels, rows: SparseRows, row: number, comment: LabelledComment, sentenceWeight: number): Float64Array {
  const whole = scoresOf(models.themes, rows, row)
  const sentences = sentenceWeight === 0 ? [] : splitSentences(comment.text)
  if (sentences.length < 2) return whole
  const sentenceRows = vectoriseAll(sentences.map(text => ({ ...comment, text })), models.vectoriser)
  return poolSentenceScores(whole, sentences.map((_, index) => scoresOf(models.themes, sentenceRows, index)), sentenceWeight)
}

interface OutOfFold {
  themes: Float64Array[]
  sentiment: (Float64Array | undefined)[]
}

/** Scores for every comment from models that did not see it. */
function outOfFoldScores(comments: LabelledComment[], options: TrainingOptions): OutOfFold {
  const embedding = embeddingOf(options.wordVectors, options.embeddingWeight)
  const themes: Float64Array[] = new Array(comments.length)
  const sentiment: (Float64Array | undefined)[] = new Array(comments.length)
  for (let fold = 0; fold < options.folds; fold++) {
    const models = fit(comments.filter((_, index) => index % options.folds !== fold), options, fold + 1, embedding)
    const held = comments.flatMap((comment, index) => (index % options.folds === fold ? [index] : []))
    const rows = vectoriseAll(held.map(index => comments[index] as LabelledComment), models.vectoriser)
    held.forEach((index, row) => {
      const comment = comments[index] as LabelledComment
      themes[index] = themeScoresOf(models, rows, row, comment, options.sentenceWeight)
      sentiment[index] = comment.sentiment === undefined ? undefined : stackerInputs(scoresOf(models.sentiment, rows, row), comment.text, comment)
    })
    options.log(`  cross-validation fold ${fold + 1}/${options.folds} done`)
  }
  return { themes, sentiment }
}

/** Themes whose score reaches the threshold; the best-scoring one when none does. */
function pickByScore(scores: Float64Array, threshold: number): number[] {
  const chosen: number[] = []
  let best = 0
  for (let index = 0; index < scores.length; index++) {
    if ((scores[index] as number) >= threshold) chosen.push(index)
    if ((scores[index] as number) > (scores[best] as number)) best = index
  }
  return chosen.length > 0 ? chosen : [best]
}

/** The single score threshold that maximises micro-F1 over all themes on out-of-fold scores. */
function chooseThemeThreshold(comments: LabelledComment[], scores: Float64Array[]): { threshold: number; microF1: number } {
  const actual = comments.map(comment => new Set(comment.themes.map(theme => themeNames.indexOf(theme))))
  let best = { threshold: 0, microF1: -1 }
  for (let step = -12; step <= 12; step++) {
    const threshold = step * 0.05
    let truePositives = 0
    let predictedCount = 0
    let actualCount = 0
    scores.forEach((documentScores, index) => {
      const chosen = pickByScore(documentScores, threshold)
      const wanted = actual[index] as Set<number>
      predictedCount += chosen.length
      actualCount += wanted.size
      for (const theme of chosen) if (wanted.has(theme)) truePositives++
    })
    const microF1 = (2 * truePositives) / Math.max(1, predictedCount + actualCount)
    if (microF1 > best.microF1 + 1e-9) best = { threshold, microF1 }
  }
  return best
}

/** Micro- and macro-F1 (over themes with at least 10 examples) of per-theme thresholds on out-of-fold scores. */
function themeF1(comments: LabelledComment[], scores: Float64Array[], thresholds: readonly number[]): { microF1: number; macroF1: number } {
  const counts = themeNames.map(() => ({ truePositives: 0, predicted: 0, actual: 0 }))
  scores.forEach((documentScores, index) => {
    const wanted = new Set((comments[index] as LabelledComment).themes.map(theme => themeNames.indexOf(theme)))
    const chosen: number[] = []
    let best = 0
    for (let theme = 0; theme < documentScores.length; theme++) {
      if ((documentScores[theme] as number) >= (thresholds[theme] as number)) chosen.push(theme)
      if ((documentScores[theme] as number) > (documentScores[best] as number)) best = theme
    }
    if (chosen.length === 0) chosen.push(best)
    for (const theme of chosen) {
      const count = counts[theme] as { truePositives: number; predicted: number; actual: number }
      count.predicted++
      if (wanted.has(theme)) count.truePositives++
    }
    for (const theme of wanted) if (theme >= 0) (counts[theme] as { actual: number }).actual++
  })
  const total = counts.reduce((sum, count) => ({ truePositives: sum.truePositives + count.truePositives, predicted: sum.predicted + count.predicted, actual: sum.actual + count.actual }), { truePositives: 0, predicted: 0, actual: 0 })
  const counted = counts.filter(count => count.actual >= 10)
  const macroF1 = counted.reduce((sum, count) => sum + (2 * count.truePositives) / Math.max(1, count.predicted + count.actual), 0) / Math.max(1, counted.length)
  return { microF1: (2 * total.truePositives) / Math.max(1, total.predicted + total.actual), macroF1 }
}

/**
 * A threshold per theme: for each theme with enough examples, the one that maximises that theme's F1 on out-of-fold
 * scores, pulled halfway back towards the shared threshold (a rare theme's best point is noisy); the shared one for the rest.
 */
function chooseThemeThresholds(comments: LabelledComment[], scores: Float64Array[], shared: number): number[] {
  return themeNames.map((name, theme) => {
    const positives = comments.map(comment => comment.themes.includes(name))
    const positiveCount = positives.filter(Boolean).length
    if (positiveCount < 20) return shared
    let best = { threshold: shared, f1: -1 }
    for (let step = -24; step <= 24; step++) {
      const threshold = step * 0.05
      let truePositives = 0
      let predicted = 0
      scores.forEach((documentScores, index) => {
        if ((documentScores[theme] as number) < threshold) return
        predicted++
        if (positives[index]) truePositives++
      })
      const f1 = (2 * truePositives) / Math.max(1, predicted + positiveCount)
      if (f1 > best.f1 + 1e-9) best = { threshold, f1 }
    }
    return (best.threshold + shared) / 2
  })
}

/** Platt scaling per theme on out-of-fold scores; themes with too few examples share one fitted on all themes pooled. */
function calibrateThemes(comments: LabelledComment[], scores: Float64Array[]): { slope: number; intercept: number }[] {
  const pooledScores: number[] = []
  const pooledPositives: boolean[] = []
  const perTheme = themeNames.map((name, theme) => {
    const themeScores = scores.map(documentScores => documentScores[theme] as number)
    const positives = comments.map(comment => comment.themes.includes(name))
    pooledScores.push(...themeScores)
    pooledPositives.push(...positives)
    return { themeScores, positives, count: positives.filter(Boolean).length }
  })
  const pooled = plattScaling(pooledScores, pooledPositives)
  return perTheme.map(({ themeScores, positives, count }) => {
    if (count < 10) return pooled
    const fitted = plattScaling(themeScores, positives)
    return fitted.slope > 0 ? fitted : pooled
  })
}

/**
 * Stacking: a multinomial logistic regression from the five out-of-fold sentiment SVM scores and the lexicon features
 * (plus a bias) to the five sentiment values, fitted by full-batch gradient descent with L2 on the weights (not the bias).
 */
export function fitSentimentStacker(
  comments: LabelledComment[],
  scores: (Float64Array | undefined)[],
  settings: { steps: number; learningRate: number; l2: number } = { steps: 800, learningRate: 1, l2: 1e-3 },
): { stacker: StoredStacker; accuracy: number; argmaxAccuracy: number } {
  const labelled = comments.flatMap((comment, index) => (comment.sentiment === undefined ? [] : [{ actual: comment.sentiment - 1, scores: scores[index] as Float64Array }]))
  const classes = sentimentValues.length
  const inputs = (labelled[0]?.scores.length ?? classes)
  const count = Math.max(1, labelled.length)
  // Start from the plain argmax of the SVM scores (identity weights), so the first step is already a sensible model.
  const weights = new Float64Array(classes * inputs)
  for (let value = 0; value < classes; value++) weights[value * inputs + value] = 1
  const bias = new Float64Array(classes)
  const logits = new Float64Array(classes)
  const weightGradient = new Float64Array(classes * inputs)
  const biasGradient = new Float64Array(classes)
  const forward = (input: Float64Array): void => {
    let highest = -Infinity
    for (let value = 0; value < classes; value++) {
      let total = bias[value] as number
      for (let feature = 0; feature < inputs; feature++) total += (weights[value * inputs + feature] as number) * (input[feature] as number)
      logits[value] = total
      highest = Math.max(highest, total)
    }
    let sum = 0
    for (let value = 0; value < classes; value++) {
      logits[value] = Math.exp((logits[value] as number) - highest)
      sum += logits[value] as number
    }
    for (let value = 0; value < classes; value++) logits[value] = (logits[value] as number) / sum
  }
  for (let step = 0; step < settings.steps; step++) {
    weightGradient.fill(0)
    biasGradient.fill(0)
    for (const { actual, scores: input } of labelled) {
      forward(input)
      for (let value = 0; value < classes; value++) {
        const error = ((logits[value] as number) - (value === actual ? 1 : 0)) / count
        biasGradient[value] += error
        for (let feature = 0; feature < inputs; feature++) weightGradient[value * inputs + feature] += error * (input[feature] as number)
      }
    }
    for (let index = 0; index < weights.length; index++) {
      weights[index] = (weights[index] as number) - settings.learningRate * ((weightGradient[index] as number) + settings.l2 * (weights[index] as number))
    }
    for (let value = 0; value < classes; value++) bias[value] = (bias[value] as number) - settings.learningRate * (biasGradient[value] as number)
  }
  let correct = 0
  let argmaxCorrect = 0
  for (const { actual, scores: input } of labelled) {
    forward(input)
    if (argmaxOf(logits) === actual) correct++
    if (argmaxOf(input.subarray(0, classes)) === actual) argmaxCorrect++
  }
  return {
    stacker: { weights: Array.from(weights, weight => Number(weight.toFixed(5))), bias: Array.from(bias, value => Number(value.toFixed(5))) },
    accuracy: correct / count,
    argmaxAccuracy: argmaxCorrect / count,
  }
}

function argmaxOf(values: Float64Array): number {
  let best = 0
  for (let index = 1; index < values.length; index++) if ((values[index] as number) > (values[best] as number)) best = index
  return best
}

/** Out-of-fold scores, and the theme thresholds and sentiment stacker chosen on them, with the figures they reach. */
export function crossValidate(comments: LabelledComment[], options: TrainingOptions): {
  outOfFold: OutOfFold
  thresholds: number[]
  microF1: number
  macroF1: number
  sentimentAccuracy: number
  stacker: StoredStacker
} {
  options.log(`Choosing the theme threshold and calibration, and fitting the sentiment stacker, by ${options.folds}-fold cross-validation on ${comments.length} comments`)
  const outOfFold = outOfFoldScores(comments, options)
  const { threshold, microF1 } = chooseThemeThreshold(comments, outOfFold.themes)
  const perTheme = chooseThemeThresholds(comments, outOfFold.themes, threshold)
  const shared = themeF1(comments, outOfFold.themes, themeNames.map(() => threshold))
  const separate = themeF1(comments, outOfFold.themes, perTheme)
  // Per-theme thresholds only when they help both figures on data the models did not see.
  const usePerTheme = separate.microF1 >= shared.microF1 - 0.002 && separate.macroF1 > shared.macroF1
  const thresholds = usePerTheme ? perTheme : themeNames.map(() => threshold)
  options.log(`  themes out of fold: one threshold micro-F1 ${shared.microF1.toFixed(3)} macro-F1 ${shared.macroF1.toFixed(3)}; per theme ${separate.microF1.toFixed(3)} / ${separate.macroF1.toFixed(3)}`)
  const { stacker, accuracy, argmaxAccuracy } = fitSentimentStacker(comments, outOfFold.sentiment)
  options.log(`  cross-validated themes micro-F1 ${microF1.toFixed(3)} at score ${threshold.toFixed(2)}; sentiment accuracy ${argmaxAccuracy.toFixed(3)} by highest SVM score, ${accuracy.toFixed(3)} stacked (on the scores it was fitted to)`)
  const chosen = usePerTheme ? separate : shared
  return { outOfFold, thresholds, microF1: chosen.microF1, macroF1: chosen.macroF1, sentimentAccuracy: accuracy, stacker }
}

/** The hand-written and outside-written examples each risk model trains on. */
export interface RiskExamples {
  safety: SafetyExamples
  riskToLife: SafetyExamples
  inHand: SafetyExamples
}

export function trainEmbeddedModel(comments: LabelledComment[], examples: RiskExamples, version: string, options: TrainingOptions = defaultTrainingOptions): EmbeddedModelData {
  const { outOfFold, thresholds, stacker } = crossValidate(comments, options)
  const calibration = calibrateThemes(comments, outOfFold.themes)
  options.log('Training the final model on all of them')
  const models = fit(comments, options, 0)
  options.log('Training the concern model')
  const ordinary = comments.filter(comment => !comment.themes.includes('Safeguarding concerns?')).map(comment => comment.text)
  const concernOptions = { ...defaultConcernTrainingOptions, wordVectors: options.wordVectors, log: options.log }
  const concern = trainConcernModel(examples.safety, ordinary, concernOptions)
  options.log('Training the risk-to-life model')
  const riskToLife = trainRiskToLifeModel(examples.riskToLife, ordinary, concernOptions)
  options.log('Training the in-hand model')
  const inHand = trainInHandModel(examples.inHand, concernOptions)
  return {
    format: 8,
    version,
    trainedOn: 'NHS England FFT qualitative framework v6 labelled comments (pxtextmining, NEAS and NHFT)',
    licence: 'MIT',
    features: models.vocabulary.features,
    idf: models.vocabulary.idf,
    ...(options.wordVectors !== undefined && options.embeddingWeight > 0 ? { wordVectors: options.wordVectors, embeddingWeight: options.embeddingWeight } : {}),
    themes: {
      ...quantise(models.themes, [...themeNames]),
      calibration: { slopes: calibration.map(item => Number(item.slope.toPrecision(6))), intercepts: calibration.map(item => Number(item.intercept.toPrecision(6))) },
      thresholds: thresholds.map(value => Number(value.toFixed(4))),
      ...(options.sentenceWeight > 0 ? { sentenceWeight: options.sentenceWeight } : {}),
    },
    sentiment: { ...quantise(models.sentiment, sentimentValues.map(String)), stacker },
    concern,
    riskToLife,
    inHand,
  }
}
