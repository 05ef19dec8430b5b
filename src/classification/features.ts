import type { FeedbackContext } from './types'
import { normaliseTokens } from './text'

export interface FeatureOptions {
  /** Shortest and longest letter runs taken from each word padded with a space either side. */
  minimumCharacters: number
  maximumCharacters: number
  bigrams: boolean
}

/** A text's features that some model knows, found once and shared by every model that scores the text. */
export interface EncodedFeatures {
  /** Ids in the feature space, in the order the text's counts list them. */
  ids: Int32Array
  /** 1 + log(count) for each. */
  termWeights: Float64Array
}

export const defaultFeatureOptions: FeatureOptions = { minimumCharacters: 2, maximumCharacters: 5, bigrams: true }

/**
 * The strings a comment is described by: words, word pairs, and letter runs of 2 to 5 inside each word padded
 * with spaces (so "apointment" still shares most of its features with "appointment", and " ok " is its own run),
 * plus marks for emphatic punctuation and smileys. Prefixes keep the kinds apart: "w:", "b:", "c:", "p:".
 * A comment answering a specific question also has that question, and each of its words paired with it ("q:").
 * (The person's overall rating is read by the sentiment stacker only: as features here it made themes worse.)
 */
export function featureCounts(text: string, context: FeedbackContext = {}, options: FeatureOptions = defaultFeatureOptions): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1)
  }
  visitFeatures(text, context, options, {
    word: (token, pair) => {
      const [word, ...runs] = wordFeatures(token, options)
      add(word as string)
      if (pair !== undefined) add(pair)
      for (const run of runs) add(run)
    },
    other: add,
  })
  return counts
}

/** One word's own features, in order: the word, then its letter runs. They depend on the word alone, so may be cached. */
export function wordFeatures(token: string, options: FeatureOptions = defaultFeatureOptions): string[] {
  const features = [`w:${token}`]
  const padded = ` ${token} `
  for (let size = options.minimumCharacters; size <= options.maximumCharacters; size++) {
    for (let start = 0; start + size <= padded.length; start++) features.push(`c:${padded.slice(start, start + size)}`)
  }
  return features
}

export interface FeatureVisitor {
  /** Each word in turn, with the pair it makes with the word before (undefined when pairs are not used). */
  word(token: string, pair: string | undefined): void
  /** Every other feature, in order. */
  other(feature: string): void
}

/** The features of a text in the order `featureCounts` counts them; a word's own features are left to the visitor. */
export function visitFeatures(text: string, { question = 'why' }: FeedbackContext, options: FeatureOptions, visitor: FeatureVisitor): void {
  const tokens = featureTokens(text)
  if (tokens.length === 0) visitor.other('w:<empty>')
  let previous = '<s>'
  for (const token of tokens) {
    visitor.word(token, options.bigrams ? `b:${previous} ${token}` : undefined)
    previous = token
  }
  if (options.bigrams && tokens.length > 0) visitor.other(`b:${previous} </s>`)
  visitor.other(`p:${lengthBucket(tokens.length)}`)
  if (/!/.test(text)) visitor.other('p:!')
  if (/!!/.test(text)) visitor.other('p:!!')
  if (/\?/.test(text)) visitor.other('p:?')
  if (/[:;]-?[)D]|\u263a|\u{1f60a}|\u{1f642}|\u{1f600}|\u{1f44d}/u.test(text)) visitor.other('p:smile')
  if (/:-?\(|\u2639|\u{1f61e}|\u{1f620}|\u{1f621}/u.test(text)) visitor.other('p:frown')
  if (/\b[A-Z]{4,}\b/.test(text)) visitor.other('p:shout')
  if (question !== 'why') {
    visitor.other(`q:${question}`)
    for (const token of tokens) visitor.other(`q:${question} ${token}`)
  }
}

const contrastWord = /\b(but|however|although|though|whereas|yet)\b/gi
const contrastMarker = 'qqcontrast'

/**
 * Words for the model: as the safety rules see them, except that contrast words ("but", "however") are kept
 * rather than turned into clause breaks (they mark mixed feedback), clause breaks dropped and numbers collapsed.
 */
export function featureTokens(text: string): string[] {
  const tokens: string[] = []
  for (const token of normaliseTokens(text.replace(contrastWord, ` ${contrastMarker}$1 `))) {
    if (token === '|') continue
    if (token.startsWith(contrastMarker)) tokens.push(token.slice(contrastMarker.length))
    else tokens.push(/^\d+$/.test(token) ? (token.length <= 2 ? '#' : '##') : token)
  }
  return tokens
}

function lengthBucket(wordCount: number): string {
  if (wordCount <= 2) return 'tiny'
  if (wordCount <= 6) return 'short'
  if (wordCount <= 20) return 'medium'
  if (wordCount <= 60) return 'long'
  return 'very-long'
}

/** Features are weighted in blocks, each scaled to unit length first: words and word pairs, letter runs, the rest, the question. */
export const featureBlocks: Record<string, number> = { w: 0, b: 0, c: 1, p: 2, q: 3 }
export const defaultBlockWeights: readonly number[] = [1, 1, 0.3, 1]
