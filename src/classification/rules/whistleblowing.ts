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
      'my boss keeps my passport and I work at the care home for no money',
      'i work in a care home and they told us to lie to the inspector tomorrow',
      'im a support worker and the manager tells us to change the records after incidents so the inspectors dont see',
    ],
    doesNotMatch: [
      'the manager is hard to get hold of',
      'The manager doesn\'t reply to emails',
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
      /(?:failed|fails|failing|didnt|did not|never) (?:to )?(?:report|refer|notify) (?:\w+ ){0,3}(?:safeguarding|incidents?|injuries|concerns|falls)|(?:no|not made any|never made|made no) safeguarding (?:referrals?|alerts?|reports?)/,
    ],
    matches: [
      'From adult safeguarding: provider failed to report 3 safeguarding incidents in October',
      'staff covered up a fall where a resident broke her hip, they wrote she was fine',
      'the nurses are scared of the ward manager, he threatens to sack anyone who reports abuse',
      'I reported to the manager that a colleague was rough with residents and she told us to keep quiet about it',
    ],
    doesNotMatch: [
      'wifi is terrible for residents',
      'the manager is hard to get hold of',
    ],
  },
]
