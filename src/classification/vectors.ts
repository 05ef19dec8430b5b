/** Sparse tf-idf vectors and the int8 linear layers that score them, shared by the theme and concern models. */
import { defaultBlockWeights, featureBlocks } from './features'
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
    const raw = new Float64Array(width)
    for (let entry = 0; entry < vector.indices.length; entry++) {
      const offset = (vector.indices[entry] as number) * width
      const value = vector.values[entry] as number
      for (let output = 0; output < width; output++) raw[output] += value * (this.weights[offset + output] as number)
    }
    for (let output = 0; output < width; output++) raw[output] = raw[output]! * this.scales[output]! + this.bias[output]!
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

export class Vectoriser {
  private readonly featureIndex: Map<string, number>
  private readonly largestIdf: number

  constructor(
    features: readonly string[],
    private readonly idf: readonly number[],
    private readonly embedding?: Embedding,
  ) {
    this.featureIndex = new Map(features.map((feature, index) => [feature, index]))
    this.largestIdf = idf.reduce((largest, value) => Math.max(largest, value), 1)
  }

  /** Columns of the tf-idf features. */
  get featureCount(): number {
    return this.featureIndex.size
  }

  /** Columns: the tf-idf features, then the word-vector block. */
  get size(): number {
    return this.featureIndex.size + (this.embedding?.vectors.dimensions ?? 0)
  }

  vectorise(counts: Map<string, number>): SparseVector {
    return tfidfVector(counts, this.featureIndex, this.idf)
  }

  /** The tf-idf vector with the word-vector block appended. */
  vectoriseEmbedded(counts: Map<string, number>): SparseVector {
    return this.embed(this.vectorise(counts), counts)
  }

  /** The tf-idf vector of these counts with the word-vector block appended (unchanged when there is none). */
  embed(vector: SparseVector, counts: Map<string, number>): SparseVector {
    if (this.embedding === undefined) return vector
    // A word too rare to be a feature is weighted as the rarest feature.
    const idfOf = (feature: string): number => {
      const index = this.featureIndex.get(feature)
      return index === undefined ? this.largestIdf : (this.idf[index] as number)
    }
    return withDenseBlock(vector, this.embedding.vectors.meanOf(counts, idfOf), this.featureIndex.size, this.embedding.weight)
  }
}

/**
 * Sub-linear term frequency times IDF; each block of features (words and pairs, letter runs, the rest) scaled to
 * unit length and weighted, then the whole scaled to unit length.
 */
const blockByPrefix = new Map(Object.entries(featureBlocks).map(([prefix, block]) => [prefix.charCodeAt(0), block]))

function blockOf(feature: string): number {
  return blockByPrefix.get(feature.charCodeAt(0)) ?? 2
}

export function tfidfVector(
  counts: Map<string, number>,
  featureIndex: ReadonlyMap<string, number>,
  idf: ArrayLike<number>,
  blockWeights: readonly number[] = defaultBlockWeights,
): SparseVector {
  const indices: number[] = []
  const values: number[] = []
  const blocks: number[] = []
  const blockSquares = blockWeights.map(() => 0)
  for (const [feature, count] of counts) {
    const index = featureIndex.get(feature)
    if (index === undefined) continue
    const value = (1 + Math.log(count)) * (idf[index] as number)
    const block = blockOf(feature)
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
