/** Sparse tf-idf vectors and the int8 linear layers that score them, shared by the theme and concern models. */
import { defaultBlockWeights, featureBlocks } from './features'

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

export class Vectoriser {
  private readonly featureIndex: Map<string, number>

  constructor(
    features: readonly string[],
    private readonly idf: readonly number[],
  ) {
    this.featureIndex = new Map(features.map((feature, index) => [feature, index]))
  }

  get size(): number {
    return this.featureIndex.size
  }

  vectorise(counts: Map<string, number>): SparseVector {
    return tfidfVector(counts, this.featureIndex, this.idf)
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
  const blockSquares = [0, 0, 0]
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
