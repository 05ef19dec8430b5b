import { featureCounts } from '../../../src/classification/features'
import { FeatureSpace } from '../../../src/classification/vectors'

// Named as the features of these texts, plus some no text here has.
const space = new FeatureSpace()
space.add(['w:the', 'w:carer', 'c: ca', 'c:are', 'c:er ', 'b:<s> the', 'b:carer </s>', 'p:short', 'p:!', 'q:could-improve', 'q:could-improve late', 'w:late', 'c:te', 'w:zzz', 'b:very late'])

const texts = [
  '',
  'The carer.',
  'the carer the carer the carer!!',
  'Very late, very late. Very LATE 😡 :(',
  '<b>Carer</b> & the “late” nurse — 12 visits, 2024',
  'La enfermera llegó tarde. Czekałam godzinę.',
  'carer '.repeat(400),
]

describe('a text encoded once for every model', () => {
  it.each(texts.map(text => [text.slice(0, 40), text]))('matches its feature counts: %s', (_, text) => {
    for (const context of [{}, { question: 'could-improve' as const }]) {
      const direct = space.encode(featureCounts(text, context))
      const cached = space.encodeText(text, context)
      expect(Array.from(cached.ids)).toEqual(Array.from(direct.ids))
      expect(Array.from(cached.termWeights)).toEqual(Array.from(direct.termWeights))
    }
  })

  it('counts a word again however often it has been seen before', () => {
    space.encodeText('late late late')
    const { ids, termWeights } = space.encodeText('late late')
    const late = Array.from(ids).indexOf(space.names.indexOf('w:late'))
    expect(termWeights[late]).toBeCloseTo(1 + Math.log(2), 10)
  })

  it('sees features named after it first read a word', () => {
    const growing = new FeatureSpace()
    growing.add(['w:kind'])
    expect(growing.encodeText('kind').ids).toHaveLength(1)
    growing.add(['c:ki'])
    expect(growing.encodeText('kind').ids).toHaveLength(2)
  })
})
