import type { SafetyRuleDefinition } from './definition'

/** Organisational abuse: regimes that ignore people's needs. */
export const organisationalRules: SafetyRuleDefinition[] = [
  {
    id: 'organisational.harmful-regime',
    level: 'high',
    categories: ['organisational'],
    negation: 'clause',
    describes: 'organisational abuse (a regime that ignores people\'s needs)',
    phrases: [
      /(?:put|puts|putting|got|get|gets|getting|made to go|sent) (?:\w+ ){0,2}(?:to bed|up) at (?:[1-9]\w*|five|six|seven|half)/,
      /(?:keep|keeps|kept|keeping) (?:\w+ ){0,2}in (?:their|his|her) (?:rooms?|beds?) (?:all|for)/,
      /treated like (?:animals|cattle|prisoners|objects|children|a number|dirt)/,
      /(?:not allowed|arent allowed|wont let (?:them|residents|patients|us)) (?:to )?(?:go out|out|leave|outside|visitors|see (?:PERSON|visitors|family)|use the toilet|a drink|to eat)/,
      /(?:toilet(?:ing)?|pads?) (?:only )?(?:at set times|by the clock)/,
      /(?:made|forced) to (?:wear pads|wait for the toilet|use pads)/,
      /institutional abuse/,
      /organisational abuse/,
      /culture of (?:fear|abuse|bullying|cover\w*)/,
    ],
    matches: [
      'Night staff are putting residents to bed at 5pm so they have less work',
      'the manager keeps residents in their rooms all day, they are not allowed out even to the garden',
      'we are not allowed to leave the house where we live, the boss keeps our documents and we get no wages',
    ],
    doesNotMatch: [
      'wifi is terrible for residents',
      'the wifi doesnt work in the rooms',
    ],
  },
]
