/**
 * Text normalisation shared by the model features and the safety rules: lower case, plain
 * apostrophes dropped ("don't" -> "dont"), text-speak expanded ("u r" -> "you are", "kms" -> "kill myself"),
 * letters repeated for emphasis squeezed ("sooooo" -> "soo"), and sentence or clause breaks kept as "|".
 */

const textSpeak: Record<string, string> = {
  u: 'you',
  ya: 'you',
  yu: 'you',
  ur: 'your',
  youre: 'you are',
  r: 'are',
  im: 'i am',
  ive: 'i have',
  wanna: 'want to',
  wana: 'want to',
  gonna: 'going to',
  gona: 'going to',
  gna: 'going to',
  gnna: 'going to',
  gunna: 'going to',
  goin: 'going',
  wnna: 'want to',
  gotta: 'got to',
  cba: 'cant be bothered',
  kil: 'kill',
  myslef: 'myself',
  mysefl: 'myself',
  myslf: 'myself',
  mysef: 'myself',
  meself: 'myself',
  miself: 'myself',
  ded: 'dead',
  kms: 'kill myself',
  kys: 'kill yourself',
  unalive: 'kill',
  unalived: 'killed',
  sh: 'self harm',
  selfharm: 'self harm',
  selfharming: 'self harming',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  bc: 'because',
  b4: 'before',
  pls: 'please',
  plz: 'please',
  ppl: 'people',
  bf: 'boyfriend',
  gf: 'girlfriend',
  hubby: 'husband',
  thx: 'thanks',
  thnx: 'thanks',
  ty: 'thank you',
  tbh: 'to be honest',
  idk: 'i do not know',
  dunno: 'do not know',
  nite: 'night',
  '2day': 'today',
  '2nite': 'tonight',
  '2night': 'tonight',
  tonite: 'tonight',
  tnite: 'tonight',
  tn: 'tonight',
  '2moro': 'tomorrow',
  '2': 'to',
  '4': 'for',
  n: 'and',
  w: 'with',
  wiv: 'with',
  wen: 'when',
  wot: 'what',
  wat: 'what',
  sum1: 'someone',
  some1: 'someone',
  no1: 'no one',
  noone: 'no one',
  any1: 'anyone',
  every1: 'everyone',
  evry: 'every',
  gr8: 'great',
  l8: 'late',
  l8r: 'later',
  dont: 'dont',
  dnt: 'dont',
  didnt: 'didnt',
  didn: 'didnt',
  dint: 'didnt',
  cant: 'cant',
  carnt: 'cant',
  cannot: 'cant',
  cudnt: 'couldnt',
  wudnt: 'wouldnt',
  wont: 'wont',
  aint: 'isnt',
  dr: 'doctor',
  drs: 'doctors',
  gp: 'gp',
  mum: 'mum',
  mam: 'mum',
  mom: 'mum',
  mother: 'mum',
  ma: 'mum',
  nan: 'nan',
  nana: 'nan',
  grandma: 'nan',
  gran: 'nan',
  granny: 'nan',
}

const apostrophes = /['\u2018\u2019\u02bc`]/g
// The lookbehind lets a "but" break start only where a run of spaces starts: otherwise a long run of spaces
// is rescanned from every position in it (quadratic time: 100,000 spaces took two minutes).
const clauseBreak = /[.!?;:\n\r()[\]{}"\u201c\u201d]+|,|\s-\s|(?<!\s)\s+(?:but|however|although|though|whereas|yet)\s+/g
const notWordCharacter = /[^a-z0-9|\s]+/g
const repeatedLetters = /([a-z])\1{2,}/g

/** Lower-cased tokens with text-speak expanded; "|" tokens mark clause breaks. */
export function normaliseTokens(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .replace(apostrophes, '')
    .replace(clauseBreak, ' | ')
    .replace(/[/&+]/g, ' ')
    .replace(notWordCharacter, ' ')
    .replace(repeatedLetters, '$1$1')
  const tokens: string[] = []
  const raws = cleaned.split(/\s+/).filter(raw => raw !== '')
  raws.forEach((raw, index) => {
    const expanded = isCount(raw, raws[index + 1]) ? undefined : textSpeak[raw]
    if (expanded === undefined) tokens.push(raw)
    else for (const part of expanded.split(' ')) tokens.push(part)
  })
  return tokens
}

/** Nouns and units a number counts ("4 falls", "2 carers", "2 hour"), so that "2" and "4" stay numbers there, not "to" and "for". */
const countedWord = /^(?:(?!(?:this|his|hers|its|us|yes|less|miss|always|was|is|has|as)$)[a-z]{3,}s|hour|hr|hrs|min|mins|minute|day|week|month|year|night|shift|stone|st|kg|kgs|am|pm|mg|ml|times|x|or|and|of|\d+)$/

function isCount(raw: string, next: string | undefined): boolean {
  return /^\d+$/.test(raw) && next !== undefined && countedWord.test(next)
}

// A newline break starts only where its run of spaces starts: otherwise long runs of spaces are rescanned (quadratic).
const sentenceEnd = /(?<=[.!?\u2026])\s+|(?<!\s)\s*\n\s*/
const longSentence = 200

/**
 * The person's words cut into sentences, as written, so that a reason can quote the one that mattered. A long
 * sentence without full stops (common in text messages) is cut again at commas into pieces of about 200 characters.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const sentence of text.split(sentenceEnd)) {
    const trimmed = sentence.trim()
    if (trimmed === '') continue
    if (trimmed.length <= longSentence) {
      sentences.push(trimmed)
      continue
    }
    let piece = ''
    for (const clause of trimmed.split(/(?<=,)\s+/)) {
      if (piece !== '' && piece.length + clause.length > longSentence) {
        sentences.push(piece)
        piece = ''
      }
      piece = piece === '' ? clause : `${piece} ${clause}`
    }
    if (piece !== '') sentences.push(piece)
  }
  return sentences
}
