import type { SafetyRuleDefinition } from './definition'

/** Modern slavery. */
export const modernSlaveryRules: SafetyRuleDefinition[] = [
  {
    id: 'modern-slavery.modern-slavery',
    level: 'urgent',
    categories: ['modern-slavery'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'signs of modern slavery',
    phrases: [
      /traffick\w*/,
      /modern slav\w*/,
      /slave labou?r/,
      /(?:took|taken|take|kept|keeps|keep|holding|held|hold) (?:\w+ )?passports?/,
      /passports? (?:taken|kept|held|confiscated)/,
      /(?:work|working|worked) (?:for (?:no|free|nothing)|without (?:pay|wages|being paid))/,
      /(?:never|not) (?:been )?paid (?:any|for months|at all)/,
      /(?:havent|hasnt|have not|has not|not) been paid (?:for|in) (?:\w+ )?(?:months|weeks)/,
      /no wages/,
      /(?:owe|owes|owing) (?:the agency|the boss|them) (?:money|a debt)/,
      /debt bondage/,
      /(?:no|without) (?:their |own )?passports?/,
      /(?:workers?|they|them|staff|lads|girls|men|women) (?:\w+ ){0,3}(?:arent|are not|not|never|werent|dont get) (?:being )?paid(?! (?:enough|much|well|properly|on time|fairly|for|back|the|extra|more|sick))/,
      /(?:live|living|sleep|sleeping|kept) (?:in|at) (?:the )?(?:back room|premises|shop|workplace|car wash)/,
      /forced to work/,
      /forced labour|(?:forced|made) to do (?:double|extra|unpaid|\w+ hour) shifts|(?:always |kept |stay |stays )?in debt to (?:the )?(?:company|agency|boss|employer|sponsor|owner|home)/,
      /made to work (?:for (?:nothing|no|free)|without)/,
      /cant leave (?:the|their) (?:house|job|home) /,
    ],
    matches: [
      'They charge the migrant staff rent so they are always in debt to the company and are forced to do double shifts',
      'my boss keeps my passport and I work at the care home for no money',
      'the agency took our passports and we work 80 hours a week for no pay at the care home',
      'we are not allowed to leave the house where we live, the boss keeps our documents and we get no wages',
    ],
    doesNotMatch: [
      'visiting hours are too short',
      'My son\'s social worker keeps changing',
      'Staff are made to work 14 hour shifts back to back and are exhausted',
    ],
  },
]
