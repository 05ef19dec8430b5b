/**
 * Trains the embedded classifier from the FFT v6 labelled comments and the hand-written safety examples
 * (src/classification/training/examples), and writes the committed model file.
 * Usage: npm run train [-- --data ../shared/data/fft-qdc-v6/train.csv]
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { loadInHandExamples, loadRiskToLifeExamples, loadSafetyExamples } from '../src/classification/training/concernTrainer'
import { defaultTrainingFile, loadLabelledComments } from '../src/classification/training/dataset'
import { buildKnownWords } from '../src/classification/training/knownWordsBuilder'
import { defaultTrainingOptions, trainEmbeddedModel } from '../src/classification/training/trainer'
import { trainingWordVectors } from '../src/classification/training/wordVectorTable'
import { modelFileName } from '../src/classification/model'

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback
}

const dataFile = path.resolve(argument('data', defaultTrainingFile))
const modelDirectory = path.resolve(__dirname, '..', 'src', 'classification', 'model')
const started = Date.now()
const comments = loadLabelledComments(dataFile)
console.error(`Loaded ${comments.length} labelled comments from ${dataFile}`)
const safety = loadSafetyExamples()
console.error(`Loaded ${safety.urgent.length} urgent and ${safety.calm.length} calm hand-written safety examples`)
const riskToLife = loadRiskToLifeExamples()
const wordVectorsFile = process.argv.includes('--word-vectors') ? argument('word-vectors', '') : undefined
const wordVectors = trainingWordVectors(comments, [safety, riskToLife], wordVectorsFile)
console.error(`Kept ${wordVectors.words.split('\n').length} pretrained word vectors`)
const model = trainEmbeddedModel(comments, { safety, riskToLife, inHand: loadInHandExamples() }, '', { ...defaultTrainingOptions, wordVectors, log: message => console.error(message) })
// The date and a hash of the weights, so two models trained on one day are never recorded under the same version.
const weightsHash = createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 8)
model.version = `fft-v6-${new Date().toISOString().slice(0, 10)}-${weightsHash}`
fs.mkdirSync(modelDirectory, { recursive: true })
const modelFile = path.join(modelDirectory, modelFileName)
fs.writeFileSync(modelFile, JSON.stringify(model))
fs.writeFileSync(path.join(modelDirectory, 'known-words.json'), JSON.stringify(buildKnownWords(comments)))
console.error(`Wrote ${modelFile} (${(fs.statSync(modelFile).size / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(0)} s`)
