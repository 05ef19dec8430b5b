import type { StoredLinearLayer } from '../model'
import type { BinaryLinear } from './linear'

export interface Vocabulary {
  features: string[]
  index: Map<string, number>
  idf: number[]
}

export function buildVocabulary(documents: Map<string, number>[], minimumDocumentFrequency: number): Vocabulary {
  const documentFrequency = new Map<string, number>()
  for (const counts of documents) for (const feature of counts.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1)
  const features = [...documentFrequency].filter(([, frequency]) => frequency >= minimumDocumentFrequency).map(([feature]) => feature).sort()
  const total = documents.length
  const idf = features.map(feature => Number((Math.log((total + 1) / ((documentFrequency.get(feature) as number) + 1)) + 1).toFixed(4)))
  return { features, index: new Map(features.map((feature, position) => [feature, position])), idf }
}

/** Int8 weights, feature-major, with one scale per output. */
export function quantise(models: BinaryLinear[], names: string[], biasOffsets: readonly number[] = []): StoredLinearLayer {
  const features = (models[0] as BinaryLinear).weights.length
  const outputs = models.length
  const scales = models.map(model => {
    let largest = 0
    for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight))
    return Number((largest / 127 || 1).toPrecision(6))
  })
  const bytes = new Int8Array(features * outputs)
  for (let feature = 0; feature < features; feature++) {
    for (let output = 0; output < outputs; output++) {
      bytes[feature * outputs + output] = Math.round(((models[output] as BinaryLinear).weights[feature] as number) / (scales[output] as number))
    }
  }
  return {
    outputs: names,
    bias: models.map((model, output) => Number((model.bias + (biasOffsets[output] ?? 0)).toFixed(5))),
    scales,
    weights: Buffer.from(bytes.buffer).toString('base64'),
  }
}
