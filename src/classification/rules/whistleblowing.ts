import type { SafetyRuleDefinition } from './definition'

/** Workers raising concerns, cover-ups and falsified records. */
export const whistleblowingRules: SafetyRuleDefinition[] = [
  {
    id: 'whistleblowing.worker-raising-concern',
    level: 'high',
    categories: ['whistleblowing'],
    negation: 'none',
    describes: 'a worker raising a concern (whistleblowing)',
    phrases: [
      /whistle ?blow\w*/,
      /(?:i|we) (?:work|worked|am working|have worked|used to work) (?:at|in|for|there|on)/,
      /as (?:a|an) (?:member of staff|staff member|employee|carer|care worker|support worker|nurse|hca|healthcare assistant|agency worker|senior|night carer)/,
      /(?:i am|im) (?:a|an) (?:carer|care worker|support worker|nurse|hca|employee|member of staff|staff member)(?: there| at| in)?/,
      /afraid (?:of|to|ill|i will) (?:lose|losing|get sacked|speak up|report)/,
      /(?:scared|frightened) (?:of|to) (?:lose|losing|get sacked|speak up|report)/,
      /(?:lose|losing) (?:my|our) jobs? if/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'whistleblowing.cover-up-or-falsified-records',
    level: 'high',
    categories: ['whistleblowing', 'organisational'],
    negation: 'clause',
    describes: 'a cover-up or falsified records',
    phrases: [
      /(?:manager|management|the boss|matron|owner|seniors?) (?:\w+ )?(?:told|tells|makes|made|asked|asks) (?:us|staff|me|everyone) (?:not to|to lie|to cover|to change|to alter|to sign|to write|to keep quiet)/,
      /keep quiet about/,
      /cover(?:ed|ing|s)? (?:\w+ )?up/,
      /(?:falsif|fabricat)\w*/,
      /(?:change|changed|changing|alter|altered|altering) (?:the )?(?:records|notes|charts|logs|paperwork)/,
      /(?:records|notes|charts|logs|paperwork) (?:are |were |being )?(?:changed|altered|made up|backdated|filled in later|faked)/,
      /(?:sack|sacked|fire|discipline|disciplined|punish|punished) (?:anyone|us|staff|people|me) (?:who|that|for|if) (?:report|reports|complain|complains|speak|speaks|raise|raises)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
