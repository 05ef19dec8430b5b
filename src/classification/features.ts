import { modelTokens } from './text'

/**
 * The strings a comment is described by: words, word pairs, and letter runs of 3 to 5 inside each
 * word (so "apointment" still shares most of its features with "appointment").
 * Prefixes keep the three kinds apart: "w:", "b:", "c:".
 */
export function featureCounts(text: string): Map<string, number> {
  const tokens = modelTokens(text)
  const counts = new Map<string, number>()
  const add = (feature: string): void => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1)
  }
  if (tokens.length === 0) add('w:<empty>')
  let previous = '<s>'
  for (const token of tokens) {
    add(`w:${token}`)
    add(`b:${previous} ${token}`)
    previous = token
    const padded = ` ${token} `
    if (padded.length <= 4) continue
    for (let size = 3; size <= 5; size++) {
      for (let start = 0; start + size <= padded.length; start++) add(`c:${padded.slice(start, start + size)}`)
    }
  }
  if (tokens.length > 0) add(`b:${previous} </s>`)
  add(`n:${lengthBucket(tokens.length)}`)
  return counts
}

function lengthBucket(wordCount: number): string {
  if (wordCount <= 2) return 'tiny'
  if (wordCount <= 6) return 'short'
  if (wordCount <= 20) return 'medium'
  if (wordCount <= 60) return 'long'
  return 'very-long'
}

export const featureGroupWeights: Record<string, number> = { w: 1, b: 0.7, c: 0.6, n: 0.5 }
