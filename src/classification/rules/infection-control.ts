import type { SafetyRuleDefinition } from './definition'

/** Infection control. */
export const infectionControlRules: SafetyRuleDefinition[] = [
  {
    id: 'infection-control.infection-risk',
    level: 'high',
    categories: ['infection-control'],
    negation: 'clause',
    describes: 'an infection control risk',
    phrases: [
      /outbreak/,
      /norovirus/,
      /noro/,
      /c ?diff/,
      /mrsa/,
      /scabies/,
      /lice/,
      /bed ?bugs/,
      /(?:no|without|not wearing|never wear|dont wear|didnt wear) (?:any )?(?:gloves|aprons|masks|ppe)/,
      /(?:re ?us(?:ed|ing)|shared|sharing) (?:needles|syringes|gloves)/,
      /(?:dirty|used) (?:needles|syringes)/,
      /(?:blood|faeces|poo|excrement|urine|vomit|sick) (?:on|all over|smeared on|left on) (?:the )?(?:floor|walls?|bed|sheets|chairs?|toilet)/,
      /covid (?:positive )?(?:patients|residents|staff) (?:mixed|working|not isolated)/,
      /not (?:isolated|isolating)/,
      /infection (?:spreading|everywhere|control (?:is )?(?:poor|terrible|non existent|awful))/,
    ],
    matches: [
      'the nurse didnt wear gloves to change my dressing',
      'no hand gel anywhere on the ward n nurses not washing hands, theres c diff signs on 3 doors',
      'the home has a norovirus outbreak and they are still mixing sick and well residents, no gloves or aprons',
    ],
    doesNotMatch: [
      'wifi is terrible for residents',
      'staff don\'t know residents\' likes and dislikes',
    ],
  },
]
