import { withDenseBlock } from '../../../src/classification/vectors'
import { WordVectors } from '../../../src/classification/wordVectors'

/** Three words in two dimensions: "kind" and "caring" point the same way, "late" the other way. */
function table(): WordVectors {
  const bytes = Int8Array.from([100, 0, 100, 0, 0, 100])
  return new WordVectors({ dimensions: 2, scale: 0.01, words: 'kind\ncaring\nlate', vectors: Buffer.from(bytes.buffer).toString('base64') })
}

const length = (values: ArrayLike<number>): number => Math.sqrt(Array.from(values).reduce((sum, value) => sum + value * value, 0))

describe('pretrained word vectors', () => {
  it('reads a comment as the mean of the vectors of its words, weighted by IDF, at unit length', () => {
    const mean = table().meanOf(new Map([['w:kind', 1], ['w:late', 1], ['b:kind late', 1], ['c:ki', 1]]), feature => (feature === 'w:late' ? 3 : 1))
    expect(mean).toBeDefined()
    expect(length(mean as Float64Array)).toBeCloseTo(1, 6)
    // "late" weighs three times "kind"; word pairs and letter runs are not words.
    expect((mean as Float64Array)[1]! / (mean as Float64Array)[0]!).toBeCloseTo(3, 6)
  })

  it('skips words it has no vector for, and gives nothing when no word has one', () => {
    const vectors = table()
    expect(vectors.meanOf(new Map([['w:kind', 1], ['w:zzqx', 5]]), () => 1)).toEqual(vectors.meanOf(new Map([['w:kind', 1]]), () => 1))
    expect(vectors.meanOf(new Map([['w:zzqx', 1]]), () => 1)).toBeUndefined()
    expect(vectors.meanOf(new Map(), () => 1)).toBeUndefined()
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
