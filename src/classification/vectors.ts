/** Sparse tf-idf vectors and the int8 linear layers that score them, shared by the theme and concern models. */
import { defaultBlockWeights, defaultFeatureOptions, type EncodedFeatures, featureBlocks, visitFeatures, wordFeatures } from './features'
import type { FeedbackContext } from './types'
import { type StoredWordVectors, WordVectors } from './wordVectors'

/** One linear layer, stored as int8 weights (feature-major) with a scale per output, in base64. */
export interface StoredLinearLayer {
  outputs: string[]
  bias: number[]
  scales: number[]
  weights: string
}


export interface SparseVector {
  indices: number[]
  values: number[]
}

export class LinearLayer {
  readonly outputs: string[]
  private readonly bias: Float64Array
  private readonly scales: Float64Array
  private readonly weights: Int8Array

  constructor(stored: StoredLinearLayer) {
    this.outputs = stored.outputs
    this.bias = Float64Array.from(stored.bias)
    this.scales = Float64Array.from(stored.scales)
    const bytes = Buffer.from(stored.weights, 'base64')
    this.weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  scores(vector: SparseVector): Float64Array {
    const width = this.outputs.length
    const { weights, scales, bias } = this
    const { indices, values } = vector
    const raw = new Float64Array(width)
    for (let entry = 0, count = indices.length; entry < count; entry++) {
      const offset = (indices[entry] as number) * width
      const value = values[entry] as number
      for (let output = 0; output < width; output++) raw[output] += value * (weights[offset + output] as number)
    }
    for (let output = 0; output < width; output++) raw[output] = raw[output]! * scales[output]! + bias[output]!
    return raw
  }

  weightOf(feature: number, output: number): number {
    return (this.weights[feature * this.outputs.length + output] as number) * (this.scales[output] as number)
  }
}

/** Word vectors appended to the tf-idf vector as a dense block, with its weight against the sparse blocks. */
export interface Embedding {
  vectors: WordVectors
  weight: number
}

/** The block for a model's stored word vectors at this weight; none without vectors or at weight 0. */
export function embeddingOf(stored: StoredWordVectors | undefined, weight: number): Embedding | undefined {
  return stored === undefined || weight === 0 ? undefined : { vectors: new WordVectors(stored), weight }
}

/**
 * Every feature name any of the models sharing it knows (and every word with a vector), each with an id. A text's
 * counts are looked up here once, instead of once in each model's vocabulary.
 */
export class FeatureSpace {
  private readonly idOf = new Map<string, number>()
  readonly names: string[] = []
  /** By word: the ids of its own features (the word, -1 when unknown, then its known letter runs). */
  private readonly wordIds = new Map<string, Int32Array>()
  /** Counts by id while a text is encoded, all zero between texts. */
  private scratch = new Float64Array(0)

  add(names: Iterable<string>): void {
    for (const name of names) {
      if (this.idOf.has(name)) continue
      this.idOf.set(name, this.names.length)
      this.names.push(name)
    }
    this.wordIds.clear()
  }

  encode(counts: ReadonlyMap<string, number>): EncodedFeatures {
    const ids = new Int32Array(counts.size)
    const termWeights = new Float64Array(counts.size)
    let found = 0
    for (const [feature, count] of counts) {
      const id = this.idOf.get(feature)
      if (id === undefined) continue
      ids[found] = id
      termWeights[found] = 1 + Math.log(count)
      found++
    }
    return { ids: ids.subarray(0, found), termWeights: termWeights.subarray(0, found) }
  }

  /**
   * The same as `encode(featureCounts(text, context))`, without naming every feature: a word's own features (most of
   * them, as letter runs) are looked up the first time the word is seen and kept.
   */
  encodeText(text: string, context: FeedbackContext = {}): EncodedFeatures {
    if (this.scratch.length !== this.names.length) this.scratch = new Float64Array(this.names.length)
    const counts = this.scratch
    const order: number[] = []
    const count = (id: number): void => {
      if (id < 0) return
      if (counts[id] === 0) order.push(id)
      counts[id] += 1
    }
    visitFeatures(text, context, defaultFeatureOptions, {
      word: (token, pair) => {
        const ids = this.idsOfWord(token)
        count(ids[0] as number)
        if (pair !== undefined) count(this.idOf.get(pair) ?? -1)
        // Inline, not by count(): a word has about twenty letter runs, and this runs for every word of every text.
        for (let index = 1; index < ids.length; index++) {
          const id = ids[index] as number
          if (counts[id] === 0) order.push(id)
          counts[id] += 1
        }
      },
      other: feature => count(this.idOf.get(feature) ?? -1),
    })
    const ids = Int32Array.from(order)
    const termWeights = new Float64Array(order.length)
    for (let entry = 0; entry < ids.length; entry++) {
      const id = ids[entry] as number
      const times = counts[id] as number
      // Most features occur once in a text, and 1 + log(1) is 1.
      termWeights[entry] = times === 1 ? 1 : 1 + Math.log(times)
      counts[id] = 0
    }
    return { ids, termWeights }
  }

  private idsOfWord(token: string): Int32Array {
    let ids = this.wordIds.get(token)
    if (ids === undefined) {
      const [word, ...runs] = wordFeatures(token)
      ids = Int32Array.from([this.idOf.get(word as string) ?? -1, ...runs.flatMap(run => this.idOf.get(run) ?? [])])
      // Bounded: a flood of made-up words cannot grow it without end.
      if (this.wordIds.size >= 50_000) this.wordIds.clear()
      this.wordIds.set(token, ids)
    }
    return ids
  }
}

/** What a vectoriser needs to know of each feature of its space, by id: built when first used, again if the space grew. */
interface SpaceTables {
  size: number
  column: Int32Array
  block: Uint8Array
  wordRow: Int32Array
  /** The IDF that weighs a word's vector in the mean: its own, or the largest for a word too rare to be a feature. */
  wordIdf: Float64Array
}

export class Vectoriser {
  private readonly featureIndex: Map<string, number>
  private readonly largestIdf: number
  private tables: SpaceTables | undefined

  constructor(
    features: readonly string[],
    private readonly idf: readonly number[],
    private readonly embedding?: Embedding,
    private readonly space = new FeatureSpace(),
  ) {
    this.featureIndex = new Map(features.map((feature, index) => [feature, index]))
    this.largestIdf = idf.reduce((largest, value) => Math.max(largest, value), 1)
    space.add(features)
    if (embedding !== undefined) space.add(embedding.vectors.words.map(word => `w:${word}`))
  }

  /** Columns: the tf-idf features, then the word-vector block. */
  get size(): number {
    return this.featureIndex.size + (this.embedding?.vectors.dimensions ?? 0)
  }

  /** The tf-idf vector with the word-vector block appended. */
  vectoriseEmbedded(counts: ReadonlyMap<string, number>): SparseVector {
    return this.vectoriseEncoded(this.space.encode(counts))
  }

  /** The same, from features already found in this vectoriser's space. */
  vectoriseEncoded(encoded: EncodedFeatures): SparseVector {
    const tables = this.tablesFor()
    const vector = tfidfOf(encoded, tables, this.idf)
    if (this.embedding === undefined) return vector
    return withDenseBlock(vector, this.embedding.vectors.meanOfRows(encoded, tables.wordRow, tables.wordIdf), this.featureIndex.size, this.embedding.weight)
  }

  private tablesFor(): SpaceTables {
    const { names } = this.space
    if (this.tables?.size === names.length) return this.tables
    const vectors = this.embedding?.vectors
    const column = new Int32Array(names.length)
    const block = new Uint8Array(names.length)
    const wordRow = new Int32Array(names.length)
    const wordIdf = new Float64Array(names.length)
    names.forEach((name, id) => {
      const index = this.featureIndex.get(name)
      column[id] = index ?? -1
      block[id] = blockOf(name)
      wordRow[id] = (vectors !== undefined && name.startsWith('w:') ? vectors.rowOf(name.slice(2)) : undefined) ?? -1
      wordIdf[id] = index === undefined ? this.largestIdf : (this.idf[index] as number)
    })
    this.tables = { size: names.length, column, block, wordRow, wordIdf }
    return this.tables
  }
}

const blockByPrefix = new Map(Object.entries(featureBlocks).map(([prefix, block]) => [prefix.charCodeAt(0), block]))

function blockOf(feature: string): number {
  return blockByPrefix.get(feature.charCodeAt(0)) ?? 2
}

/**
 * Sub-linear term frequency times IDF; each block of features (words and pairs, letter runs, the rest) scaled to
 * unit length and weighted, then the whole scaled to unit length.
 */
function tfidfOf(encoded: EncodedFeatures, tables: SpaceTables, idf: readonly number[], blockWeights: readonly number[] = defaultBlockWeights): SparseVector {
  const indices: number[] = []
  const values: number[] = []
  const blocks: number[] = []
  const blockSquares = blockWeights.map(() => 0)
  const { ids, termWeights } = encoded
  for (let entry = 0; entry < ids.length; entry++) {
    const id = ids[entry] as number
    const index = tables.column[id] as number
    if (index < 0) continue
    const value = (termWeights[entry] as number) * (idf[index] as number)
    const block = tables.block[id] as number
    indices.push(index)
    values.push(value)
    blocks.push(block)
    blockSquares[block] += value * value
  }
  const factors = blockSquares.map((squares, block) => (squares > 0 ? (blockWeights[block] ?? 1) / Math.sqrt(squares) : 0))
  let squaredLength = 0
  for (let entry = 0; entry < values.length; entry++) {
    const value = (values[entry] as number) * (factors[blocks[entry] as number] as number)
    values[entry] = value
    squaredLength += value * value
  }
  const length = Math.sqrt(squaredLength) || 1
  for (let entry = 0; entry < values.length; entry++) values[entry] = (values[entry] as number) / length
  return { indices, values }
}

/**
 * A unit-length sparse vector with a unit-length dense block (the comment's word-vector mean) appended as features
 * offset, offset + 1, ..., weighted against it, and the whole scaled back to unit length.
 */
export function withDenseBlock(vector: SparseVector, dense: Float64Array | undefined, offset: number, weight: number): SparseVector {
  if (dense === undefined || weight === 0) return vector
  const sparseCount = vector.indices.length
  let squares = 0
  for (let entry = 0; entry < sparseCount; entry++) squares += (vector.values[entry] as number) ** 2
  const factor = 1 / Math.sqrt(squares + weight * weight)
  const indices = new Array<number>(sparseCount + dense.length)
  const values = new Array<number>(sparseCount + dense.length)
  for (let entry = 0; entry < sparseCount; entry++) {
    indices[entry] = vector.indices[entry] as number
    values[entry] = (vector.values[entry] as number) * factor
  }
  for (let dimension = 0; dimension < dense.length; dimension++) {
    indices[sparseCount + dimension] = offset + dimension
    values[sparseCount + dimension] = (dense[dimension] as number) * weight * factor
  }
  return { indices, values }
}
