import { normaliseTokens } from '../text'
import type { LabelledComment } from './dataset'

/** Words of five letters or more used at least twice in real feedback: never spelling-corrected towards a safety word. */
export function buildKnownWords(comments: LabelledComment[]): string[] {
  const counts = new Map<string, number>()
  for (const comment of comments) for (const token of normaliseTokens(comment.text)) counts.set(token, (counts.get(token) ?? 0) + 1)
  return [...counts].filter(([word, count]) => count >= 2 && /^[a-z]{5,}$/.test(word)).map(([word]) => word).sort()
}
