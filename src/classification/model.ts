import fs from 'node:fs'
import path from 'node:path'
import { ConcernModel, type ConcernAssessment, ThresholdedModel, type StoredConcernLayer, type StoredThresholdedLayer } from './concernModel'
import type { EncodedFeatures } from './features'
import { FeatureSpace, LinearLayer, type StoredLinearLayer, Vectoriser } from './vectors'
import type { FeedbackContext } from './types'
import { type StoredWordVectors, WordVectors } from './wordVectors'
import { splitSentences } from './text'
import { isShortComplaintInPositiveWords, isShortPraiseInNegativeWords, lexiconFeatures } from './sentimentLexicon'

export { LinearLayer, type SparseVector, type StoredLinearLayer, Vectoriser } from './vectors'

/** Theme scores are linear; a theme is given when its score reaches its threshold (the best one if none does). */
export interface StoredThemeLayer extends StoredLinearLayer {
  thresholds: number[]
  /** Platt scaling: probability = sigmoid(slope * score + intercept), fitted on cross-validated scores. */
  calibration: { slopes: number[]; intercepts: number[] }
  /** The weight of a theme's best sentence score beside the whole comment's (see poolSentenceScores); none when absent. */
  sentenceWeight?: number
}

/**
 * Sentiment stacking: logits = weights x (the five SVM scores, then the lexicon features) + bias, weights row-major
 * (one row per value), fitted on out-of-fold SVM scores; the value with the highest logit wins.
 */
export interface StoredStacker {
  weights: number[]
  bias: number[]
}

export interface StoredSentimentLayer extends StoredLinearLayer {
  stacker: StoredStacker
}

export interface EmbeddedModelData {
  format: 8
  version: string
  trainedOn: string
  licence: string
  features: string[]
  idf: number[]
  /** Pretrained word vectors whose mean over a comment's words is a block of features, and that block's weight. */
  wordVectors?: StoredWordVectors
  embeddingWeight?: number
  themes: StoredThemeLayer
  sentiment: StoredSentimentLayer
  concern: StoredConcernLayer
  riskToLife: StoredThresholdedLayer
  /** Reads a serious message as over or in hand (see ThresholdedModel). */
  inHand: StoredThresholdedLayer
}


export interface ModelPrediction {
  themeProbabilities: Float64Array
  themes: string[]
  sentimentProbabilities: Float64Array
  sentiment: 1 | 2 | 3 | 4 | 5
  concern: ConcernAssessment
  /** How far the risk-to-life model's score is above its threshold (negative below it). */
  riskToLifeMargin: number
}

export class EmbeddedModel {
  readonly version: string
  /** Every model's features, so a text's are looked up once for all of them. */
  private readonly space = new FeatureSpace()
  private readonly vectoriser: Vectoriser
  private readonly themeLayer: LinearLayer
  private readonly themeThresholds: number[]
  private readonly sentenceWeight: number
  private readonly slopes: number[]
  private readonly intercepts: number[]
  private readonly sentimentLayer: LinearLayer
  private readonly stackerWeights: Float64Array
  private readonly stackerBias: Float64Array
  private readonly concernModel: ConcernModel
  private readonly riskToLifeModel: ThresholdedModel
  private readonly inHandModel: ThresholdedModel

  constructor(data: EmbeddedModelData) {
    if (data.format !== 8) throw new Error(`Embedded model format ${String(data.format)} is not supported: run npm run train`)
    this.version = data.version
    const wordVectors = data.wordVectors === undefined ? undefined : new WordVectors(data.wordVectors)
    const embedding = wordVectors === undefined || !data.embeddingWeight ? undefined : { vectors: wordVectors, weight: data.embeddingWeight }
    this.vectoriser = new Vectoriser(data.features, data.idf, embedding, this.space)
    this.themeLayer = new LinearLayer(data.themes)
    this.themeThresholds = data.themes.thresholds
    this.sentenceWeight = data.themes.sentenceWeight ?? 0
    this.slopes = data.themes.calibration.slopes
    this.intercepts = data.themes.calibration.intercepts
    this.sentimentLayer = new LinearLayer(data.sentiment)
    this.stackerWeights = Float64Array.from(data.sentiment.stacker.weights)
    this.stackerBias = Float64Array.from(data.sentiment.stacker.bias)
    this.concernModel = new ConcernModel(data.concern, this.space, wordVectors)
    this.riskToLifeModel = new ThresholdedModel(data.riskToLife, this.space, wordVectors)
    this.inHandModel = new ThresholdedModel(data.inHand, this.space, wordVectors)
  }

  get themeNames(): string[] {
    return this.themeLayer.outputs
  }

  /** The concern model alone, for checks that need nothing else (signposting on every chat message). */
  assessConcern(text: string): ConcernAssessment {
    return this.concernModel.assess(this.encode(text))
  }

  /** Both risk models on one reading of the text's features (signposting, on every chat message, needs both). */
  readRisk(text: string): { concern: ConcernAssessment; riskToLifeMargin: number } {
    const encoded = this.encode(text)
    return { concern: this.concernModel.assess(encoded), riskToLifeMargin: this.riskToLifeModel.margin(encoded) }
  }

  /** The risk-to-life model alone: how far the text's score is above its threshold. */
  riskToLifeMargin(text: string): number {
    return this.riskToLifeModel.margin(this.encode(text))
  }

  /** The in-hand model alone: how far the text reads as serious but over or in hand (negative below its line). */
  inHandMargin(text: string): number {
    return this.inHandModel.margin(this.encode(text))
  }

  predict(text: string, context: FeedbackContext = {}): ModelPrediction {
    const encoded = this.encode(text, context)
    const vector = this.vectoriser.vectoriseEncoded(encoded)
    const themeScores = this.themeScores(text, context, this.themeLayer.scores(vector))
    const themes = pickThemes(themeScores, this.themeThresholds, this.themeLayer.outputs)
    const themeProbabilities = themeScores.map((score, index) => sigmoid((this.slopes[index] as number) * score + (this.intercepts[index] as number)))
    const sentimentLogits = stack(stackerInputs(this.sentimentLayer.scores(vector), text, context), this.stackerWeights, this.stackerBias)
    const sentimentProbabilities = softmax(sentimentLogits)
    const read = expectedSentiment(sentimentLogits)
    const sentiment = read < 4 && isShortComplaintInPositiveWords(text) ? 4 : read > 3 && isShortPraiseInNegativeWords(text) ? 2 : read
    return { themeProbabilities, themes, sentimentProbabilities, sentiment, concern: this.concernModel.assess(encoded), riskToLifeMargin: this.riskToLifeModel.margin(encoded) }
  }

  /** Each theme's score: the whole comment's, pooled with its best sentence's when the comment has more than one. */
  private themeScores(text: string, context: FeedbackContext, whole: Float64Array): Float64Array {
    if (this.sentenceWeight === 0) return whole
    const sentences = splitSentences(text)
    if (sentences.length < 2) return whole
    return poolSentenceScores(whole, sentences.map(sentence => this.themeLayer.scores(this.vectoriser.vectoriseEncoded(this.encode(sentence, context)))), this.sentenceWeight)
  }

  private encode(text: string, context: FeedbackContext = {}): EncodedFeatures {
    return this.space.encodeText(text, context)
  }
}

/** What the sentiment stacker reads: the sentiment SVM scores, the lexicon features, the question and the rating. */
export function stackerInputs(svmScores: Float64Array, text: string, { question, overall }: FeedbackContext = {}): Float64Array {
  const asked = [question === 'what-was-good' ? 1 : 0, question === 'could-improve' ? 1 : 0]
  // Each rating, alone and with the question ("good" beside "what could we do better?" often comes with one complaint).
  const rated = (['good', 'mixed', 'bad'] as const).flatMap(rating => (overall === rating ? [1, ...asked] : [0, 0, 0]))
  return Float64Array.from([...svmScores, ...lexiconFeatures(text), ...asked, ...rated])
}

/** The stacker's logits: weights (row-major, one row per output) times the scores, plus bias. */
export function stack(scores: Float64Array, weights: Float64Array, bias: Float64Array): Float64Array {
  const inputs = scores.length
  const logits = new Float64Array(bias.length)
  for (let output = 0; output < bias.length; output++) {
    let total = bias[output] as number
    for (let input = 0; input < inputs; input++) total += (weights[output * inputs + input] as number) * (scores[input] as number)
    logits[output] = total
  }
  return logits
}

/** Themes whose score reaches their own threshold; always at least the highest-scoring one. */
export function pickThemes(scores: Float64Array, thresholds: readonly number[], names: readonly string[]): string[] {
  const chosen: string[] = []
  let best = 0
  for (let index = 0; index < scores.length; index++) {
    if ((scores[index] as number) >= (thresholds[index] as number)) chosen.push(names[index] as string)
    if ((scores[index] as number) > (scores[best] as number)) best = index
  }
  if (chosen.length === 0) chosen.push(names[best] as string)
  return chosen
}

/**
 * A theme told in one sentence of a long comment scores low over the whole comment, whose other sentences dilute it:
 * each theme's score is the whole comment's, moved this share of the way towards its best sentence's.
 */
export function poolSentenceScores(whole: Float64Array, sentences: readonly Float64Array[], weight: number): Float64Array {
  if (sentences.length < 2 || weight === 0) return whole
  return whole.map((score, theme) => {
    let best = -Infinity
    for (const sentence of sentences) best = Math.max(best, sentence[theme] as number)
    return (1 - weight) * score + weight * best
  })
}

/** The sentiment value with the highest score (or probability). */
export function expectedSentiment(scores: Float64Array): 1 | 2 | 3 | 4 | 5 {
  let best = 0
  for (let index = 1; index < scores.length; index++) if ((scores[index] as number) > (scores[best] as number)) best = index
  return (best + 1) as 1 | 2 | 3 | 4 | 5
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value))
}

export function softmax(scores: Float64Array): Float64Array {
  let highest = -Infinity
  for (const score of scores) highest = Math.max(highest, score)
  const exponentials = scores.map(score => Math.exp(score - highest))
  let total = 0
  for (const value of exponentials) total += value
  return exponentials.map(value => value / total)
}

export const modelFileName = 'embedded-model.json'

/** The committed model: beside this file when run from source, or in the source tree when run from dist/ or .cache/cli/. */
export function modelFilePath(): string {
  const candidates = [
    path.join(__dirname, 'model', modelFileName),
    path.resolve(__dirname, '..', '..', '..', 'src', 'classification', 'model', modelFileName),
    path.resolve(__dirname, '..', '..', 'src', 'classification', 'model', modelFileName),
  ]
  return candidates.find(candidate => fs.existsSync(candidate)) ?? (candidates[0] as string)
}

let cachedModel: EmbeddedModel | undefined

export function loadEmbeddedModel(file = modelFilePath()): EmbeddedModel {
  if (file === modelFilePath() && cachedModel) return cachedModel
  const model = new EmbeddedModel(JSON.parse(fs.readFileSync(file, 'utf8')) as EmbeddedModelData)
  if (file === modelFilePath()) cachedModel = model
  return model
}
