import knownWordList from './model/known-words.json'

/** Ordinary words one letter away from a safety word; feedback uses them innocently ("rushed", "talking", "attached"). */
const nearMisses = [
  'amuse', 'amused', 'amusing', 'rushed', 'rushing', 'brushed', 'crushed', 'talking', 'making', 'baking', 'anger', 'dancer',
  'ranger', 'manger', 'rapid', 'rated', 'taped', 'draped', 'scraped', 'grape', 'slipped', 'clapped', 'picked', 'licked',
  'ticked', 'kicker', 'lunched', 'munched', 'hunched', 'heating', 'seating', 'bearing', 'beading', 'showed', 'shored',
  'shovel', 'started', 'starred', 'carved', 'insured', 'threads', 'throats', 'treats', 'blocked', 'looked', 'lacked',
  'mocked', 'docked', 'rocked', 'locker', 'shared', 'charming', 'warming', 'farming', 'changing', 'attached', 'attaching',
  'breeding', 'bleeping', 'infested', 'injected', 'injection', 'injections', 'wearing', 'searing', 'seated', 'cooking',
  'moist', 'joist', 'drink', 'drinks', 'boiled', 'spoiled', 'spoilt', 'coiled', 'starting', 'staring', 'meditation',
  'lying', 'sitting', 'fitted', 'honey', 'monkey', 'tension', 'sayings', 'spouted', 'taking', 'baking', 'waking', 'faking',
  'breaking', 'screening', 'pressures', 'smoking', 'stocking', 'stroking', 'tablet', 'neglects', 'hoists', 'danced', 'valuable', 'sexuality',
  'rayed', 'xrayed', 'rated', 'raced', 'paced', 'pasted',
]

/** Words that occur in real feedback, so are never "corrected" towards a safety word. */
export const knownWords: ReadonlySet<string> = new Set<string>([...(knownWordList as string[]), ...nearMisses])
