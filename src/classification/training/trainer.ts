import { featureCounts } from '../features'
import { type EmbeddedModelData, type StoredLinearLayer, sigmoid, softmax, tfidfVector } from '../model'
import { themeNames } from '../taxonomy'
import type { LabelledComment } from './dataset'

export interface TrainingOptions {
  minimumDocumentFrequency: number
  epochs: number
  learningRate: number
  l2: number
  sentimentEpochs: number
  sentimentLearningRate: number
  sentimentL2: number
  thresholdFolds: number
  positiveWeightCap: number
  seed: number
  log: (message: string) => void
}

export const defaultTrainingOptions: TrainingOptions = {
  minimumDocumentFrequency: 2,
  epochs: 12,
  learningRate: 0.5,
  l2: 1e-3,
  sentimentEpochs: 12,
  sentimentLearningRate: 0.3,
  sentimentL2: 3e-4,
  thresholdFolds: 5,
  positiveWeightCap: 1,
  seed: 20240601,
  log: () => undefined,
}

interface Vector {
  indices: Int32Array
  values: Float64Array
}

interface Vocabulary {
  features: string[]
  index: Map<string, number>
  idf: number[]
}

function buildVocabulary(documents: Map<string, number>[], minimumDocumentFrequency: number): Vocabulary {
  const documentFrequency = new Map<string, number>()
  for (const counts of documents) for (const feature of counts.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1)
  const features = [...documentFrequency].filter(([, frequency]) => frequency >= minimumDocumentFrequency).map(([feature]) => feature).sort()
  const total = documents.length
  const idf = features.map(feature => Math.log((total + 1) / ((documentFrequency.get(feature) as number) + 1)) + 1)
  return { features, index: new Map(features.map((feature, position) => [feature, position])), idf }
}

export function vectorise(counts: Map<string, number>, vocabulary: Vocabulary): Vector {
  const { indices, values } = tfidfVector(counts, vocabulary.index, vocabulary.idf)
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) }
}

function randomGenerator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index)
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[order[index], order[other]] = [order[other] as number, order[index] as number]
  }
  return order
}

interface DenseLayer {
  weights: Float64Array
  bias: Float64Array
  outputs: number
}

/**
 * Linear models trained with AdaGrad: independent logistic outputs (multi-label) or a softmax (one class).
 * Targets are given as a function so both kinds share the loop.
 */
function trainLinear(
  vectors: Vector[],
  featureCount: number,
  outputs: number,
  mode: 'multi-label' | 'softmax',
  target: (document: number, output: number) => number,
  positiveWeights: Float64Array,
  epochs: number,
  learningRate: number,
  l2: number,
  random: () => number,
): DenseLayer {
  const weights = new Float64Array(featureCount * outputs)
  const bias = new Float64Array(outputs)
  const squaredGradients = new Float64Array(featureCount * outputs).fill(1e-8)
  const biasSquaredGradients = new Float64Array(outputs).fill(1e-8)
  const scores = new Float64Array(outputs)
  const errors = new Float64Array(outputs)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const document of shuffled(vectors.length, random)) {
      const vector = vectors[document] as Vector
      scores.set(bias)
      for (let entry = 0; entry < vector.indices.length; entry++) {
        const offset = (vector.indices[entry] as number) * outputs
        const value = vector.values[entry] as number
        for (let output = 0; output < outputs; output++) scores[output] += value * (weights[offset + output] as number)
      }
      if (mode === 'softmax') {
        const probabilities = softmax(scores)
        for (let output = 0; output < outputs; output++) errors[output] = (probabilities[output] as number) - target(document, output)
      } else {
        for (let output = 0; output < outputs; output++) {
          const wanted = target(document, output)
          errors[output] = (sigmoid(scores[output] as number) - wanted) * (wanted === 1 ? (positiveWeights[output] as number) : 1)
        }
      }
      for (let output = 0; output < outputs; output++) {
        const gradient = errors[output] as number
        biasSquaredGradients[output] += gradient * gradient
        bias[output] -= (learningRate * gradient) / Math.sqrt(biasSquaredGradients[output] as number)
      }
      for (let entry = 0; entry < vector.indices.length; entry++) {
        const offset = (vector.indices[entry] as number) * outputs
        const value = vector.values[entry] as number
        for (let output = 0; output < outputs; output++) {
          const position = offset + output
          const gradient = (errors[output] as number) * value + l2 * (weights[position] as number)
          squaredGradients[position] += gradient * gradient
          weights[position] -= (learningRate * gradient) / Math.sqrt(squaredGradients[position] as number)
        }
      }
    }
  }
  return { weights, bias, outputs }
}

export function layerScores(layer: DenseLayer, vector: Vector): Float64Array {
  const scores = Float64Array.from(layer.bias)
  for (let entry = 0; entry < vector.indices.length; entry++) {
    const offset = (vector.indices[entry] as number) * layer.outputs
    const value = vector.values[entry] as number
    for (let output = 0; output < layer.outputs; output++) scores[output] += value * (layer.weights[offset + output] as number)
  }
  return scores
}

function quantise(layer: DenseLayer, names: string[], keptFeatures: number[]): StoredLinearLayer {
  const scales: number[] = []
  for (let output = 0; output < layer.outputs; output++) {
    let largest = 0
    for (const feature of keptFeatures) largest = Math.max(largest, Math.abs(layer.weights[feature * layer.outputs + output] as number))
    scales.push(largest / 127 || 1)
  }
  const bytes = new Int8Array(keptFeatures.length * layer.outputs)
  keptFeatures.forEach((feature, row) => {
    for (let output = 0; output < layer.outputs; output++) {
      bytes[row * layer.outputs + output] = Math.round((layer.weights[feature * layer.outputs + output] as number) / (scales[output] as number))
    }
  })
  return {
    outputs: names,
    bias: Array.from(layer.bias, value => Number(value.toFixed(5))),
    scales: scales.map(scale => Number(scale.toPrecision(6))),
    weights: Buffer.from(bytes.buffer).toString('base64'),
  }
}

export interface FittedModels {
  vocabulary: Vocabulary
  themeLayer: DenseLayer
  sentimentLayer: DenseLayer
}

export function fit(comments: LabelledComment[], options: TrainingOptions, seedOffset: number): FittedModels {
  const counts = comments.map(comment => featureCounts(comment.text))
  const vocabulary = buildVocabulary(counts, options.minimumDocumentFrequency)
  const vectors = counts.map(documentCounts => vectorise(documentCounts, vocabulary))
  const random = randomGenerator(options.seed + seedOffset)
  const themeTargets = comments.map(comment => new Set(comment.themes.map(theme => themeNames.indexOf(theme))))
  const positiveWeights = Float64Array.from(themeNames, (_, theme) => {
    const positives = themeTargets.filter(targets => targets.has(theme)).length
    return Math.min(options.positiveWeightCap, Math.max(1, Math.sqrt((comments.length - positives) / Math.max(1, positives)) / 3))
  })
  const themeLayer = trainLinear(vectors, vocabulary.features.length, themeNames.length, 'multi-label',
    (document, output) => ((themeTargets[document] as Set<number>).has(output) ? 1 : 0), positiveWeights,
    options.epochs, options.learningRate, options.l2, random)
  const withSentiment = comments.map((comment, index) => ({ comment, index })).filter(({ comment }) => comment.sentiment !== undefined)
  const sentimentLayer = trainLinear(withSentiment.map(({ index }) => vectors[index] as Vector), vocabulary.features.length, 5, 'softmax',
    (document, output) => ((withSentiment[document] as { comment: LabelledComment }).comment.sentiment === output + 1 ? 1 : 0), new Float64Array(5).fill(1),
    options.sentimentEpochs, options.sentimentLearningRate, options.sentimentL2, random)
  return { vocabulary, themeLayer, sentimentLayer }
}

export function themeProbabilities(models: FittedModels, text: string): Float64Array {
  return layerScores(models.themeLayer, vectorise(featureCounts(text), models.vocabulary)).map(sigmoid)
}

/** Per-theme decision thresholds chosen on out-of-fold predictions, so they are not fitted to the data they judge. */
function chooseThresholds(comments: LabelledComment[], options: TrainingOptions): number[] {
  const folds = options.thresholdFolds
  const outOfFold: Float64Array[] = new Array(comments.length)
  for (let fold = 0; fold < folds; fold++) {
    const training = comments.filter((_, index) => index % folds !== fold)
    const models = fit(training, options, fold + 1)
    comments.forEach((comment, index) => {
      if (index % folds === fold) outOfFold[index] = themeProbabilities(models, comment.text)
    })
    options.log(`  threshold fold ${fold + 1}/${folds} done`)
  }
  const candidates = Array.from({ length: 90 }, (_, step) => 0.05 + step * 0.01)
  const f1At = (theme: number, threshold: number): { f1: number; positives: number } => {
    let truePositives = 0
    let falsePositives = 0
    let falseNegatives = 0
    comments.forEach((comment, index) => {
      const predicted = ((outOfFold[index] as Float64Array)[theme] as number) >= threshold
      const actual = comment.themes.includes(themeNames[theme] as string)
      if (predicted && actual) truePositives++
      else if (predicted) falsePositives++
      else if (actual) falseNegatives++
    })
    const f1 = truePositives === 0 ? 0 : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives)
    return { f1, positives: truePositives + falseNegatives }
  }
  const sharedThreshold = 0.3
  return themeNames.map((_, theme) => {
    const positives = f1At(theme, 0.5).positives
    if (positives < 8) return sharedThreshold
    let best = sharedThreshold
    let bestF1 = -1
    for (const candidate of candidates) {
      const { f1 } = f1At(theme, candidate)
      if (f1 > bestF1 + 1e-9) {
        bestF1 = f1
        best = candidate
      }
    }
    const confidence = Math.min(1, positives / 60)
    return Number((confidence * best + (1 - confidence) * sharedThreshold).toFixed(3))
  })
}

export function trainEmbeddedModel(comments: LabelledComment[], version: string, options: TrainingOptions = defaultTrainingOptions): EmbeddedModelData {
  options.log(`Choosing theme thresholds by ${options.thresholdFolds}-fold cross-validation on ${comments.length} comments`)
  const thresholds = chooseThresholds(comments, options)
  options.log('Training the final model on all of them')
  const models = fit(comments, options, 0)
  const keptFeatures: number[] = []
  const outputs = models.themeLayer.outputs
  models.vocabulary.features.forEach((_, feature) => {
    let largest = 0
    for (let output = 0; output < outputs; output++) largest = Math.max(largest, Math.abs(models.themeLayer.weights[feature * outputs + output] as number))
    for (let output = 0; output < 5; output++) largest = Math.max(largest, Math.abs(models.sentimentLayer.weights[feature * 5 + output] as number))
    if (largest >= 0.02) keptFeatures.push(feature)
  })
  options.log(`Keeping ${keptFeatures.length} of ${models.vocabulary.features.length} features`)
  return {
    format: 1,
    version,
    trainedOn: 'NHS England FFT qualitative framework v6 labelled comments (pxtextmining, NEAS and NHFT)',
    licence: 'MIT',
    features: keptFeatures.map(feature => models.vocabulary.features[feature] as string),
    idf: keptFeatures.map(feature => Number((models.vocabulary.idf[feature] as number).toFixed(4))),
    themes: { ...quantise(models.themeLayer, [...themeNames], keptFeatures), thresholds },
    sentiment: quantise(models.sentimentLayer, ['1', '2', '3', '4', '5'], keptFeatures),
  }
}
