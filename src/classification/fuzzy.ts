/**
 * Spelling correction towards a small safety vocabulary, by symmetric deletion (edit distance 1,
 * which also covers swapped neighbouring letters). Words that are ordinary English in feedback
 * ("rushed" is not "pushed") are never corrected.
 */

export class FuzzyVocabulary {
  private readonly byDeletion = new Map<string, string>()
  private readonly exact: Set<string>

  constructor(
    words: readonly string[],
    private readonly protectedWords: ReadonlySet<string>,
    private readonly minimumLength = 5,
  ) {
    this.exact = new Set(words)
    for (const word of words) {
      if (word.length < minimumLength) continue
      for (const variant of deletions(word)) {
        if (!this.byDeletion.has(variant)) this.byDeletion.set(variant, word)
      }
      if (!this.byDeletion.has(word)) this.byDeletion.set(word, word)
    }
  }

  correct(token: string): string {
    if (token.length < this.minimumLength || this.exact.has(token) || this.protectedWords.has(token)) return token
    const direct = this.byDeletion.get(token)
    if (direct !== undefined && direct[0] === token[0]) return direct
    for (const variant of deletions(token)) {
      const match = this.byDeletion.get(variant)
      // People rarely get the first letter wrong, and a new first letter turns words into others ("eaten" -> "beaten").
      if (match !== undefined && Math.abs(match.length - token.length) <= 1 && match[0] === token[0]) return match
    }
    return token
  }
}

function deletions(word: string): string[] {
  const variants: string[] = []
  for (let index = 0; index < word.length; index++) variants.push(word.slice(0, index) + word.slice(index + 1))
  return variants
}
