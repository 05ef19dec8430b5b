import { Vectoriser, withDenseBlock } from '../../../src/classification/vectors'
import { WordVectors } from '../../../src/classification/wordVectors'

/** Three words in two dimensions: "kind" and "caring" point the same way, "late" the other way. */
function table(): WordVectors {
  const bytes = Int8Array.from([100, 0, 100, 0, 0, 100])
  return new WordVectors({ dimensions: 2, scale: 0.01, words: 'kind\ncaring\nlate', vectors: Buffer.from(bytes.buffer).toString('base64') })
}

const length = (values: ArrayLike<number>): number => Math.sqrt(Array.from(values).reduce((sum, value) => sum + value * value, 0))

describe('pretrained word vectors', () => {
  // "kind" and "late" are features with IDF 1 and 3; a word that is not a feature is weighed as the rarest (3).
  const vectoriser = (): Vectoriser => new Vectoriser(['w:kind', 'w:late'], [1, 3], { vectors: table(), weight: 1 })
  const denseBlock = (counts: Map<string, number>): number[] => {
    const vector = vectoriser().vectoriseEmbedded(counts)
    return vector.values.filter((_, entry) => (vector.indices[entry] as number) >= 2)
  }

  it('reads a comment as the mean of the vectors of its words, weighted by IDF, at unit length', () => {
    const mean = denseBlock(new Map([['w:kind', 1], ['w:late', 1], ['b:kind late', 1], ['c:ki', 1]]))
    expect(mean).toHaveLength(2)
    // "late" weighs three times "kind"; word pairs and letter runs are not words.
    expect(mean[1]! / mean[0]!).toBeCloseTo(3, 6)
    // A word with a vector counts though it is not a feature.
    expect(denseBlock(new Map([['w:caring', 1]]))).toHaveLength(2)
  })

  it('skips words it has no vector for, and gives nothing when no word has one', () => {
    expect(denseBlock(new Map([['w:kind', 1], ['w:zzqx', 5]]))).toEqual(denseBlock(new Map([['w:kind', 1]])))
    expect(denseBlock(new Map([['w:zzqx', 1]]))).toEqual([])
    expect(denseBlock(new Map())).toEqual([])
  })

  it('appends the block at its weight against the tf-idf features and keeps the whole at unit length', () => {
    const sparse = { indices: [4, 9], values: [0.6, 0.8] }
    const joined = withDenseBlock(sparse, Float64Array.from([1, 0]), 10, 0.5)
    expect(joined.indices).toEqual([4, 9, 10, 11])
    expect(length(joined.values)).toBeCloseTo(1, 6)
    expect(length(joined.values.slice(2)) / length(joined.values.slice(0, 2))).toBeCloseTo(0.5, 6)
    expect(withDenseBlock(sparse, undefined, 10, 0.5)).toBe(sparse)
  })
})
