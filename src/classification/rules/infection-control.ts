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
      /(?:run|ran|running|runs) out of (?:\w+ )?(?:gloves|aprons|ppe|hand gel|gel|soap|masks)/,
      /(?:hand gel|gel|soap) (?:\w+ )?(?:dispensers? )?(?:are |is |were |was |have been |has been )?(?:always )?empty/,
      /(?:clinical|infected) (?:waste|laundry) (?:\w+ ){0,3}(?:left|overflowing|mixed|piled|with everyone)/,
      /(?:sharps )?bins? (?:are |is |were |was )?(?:always )?overflowing/,
      /(?:black )?mould (?:in|on|all over)/,
      /(?:commodes?|bedpans?|urine bottles?|urinals?) (?:\w+ ){0,7}(?:same|kitchen|hand ?wash) sinks?|(?:blood|faeces|poo|vomit|sick|urine) (?:\w+ ){0,2}(?:in|on|over) the (?:shower|bath|toilet|sheets|commode|pillow)/,
    ],
    matches: [
      'Commodes at Dad\'s home get rinsed in the same sink they use for the tea cups',
      'the nurse didnt wear gloves to change my dressing',
      'no hand gel anywhere on the ward n nurses not washing hands, theres c diff signs on 3 doors',
      'the home has a norovirus outbreak and they are still mixing sick and well residents, no gloves or aprons',
      'The hand gel dispensers have been empty for weeks and the clinical bins overflow',
      'we keep running out of gloves and aprons on the ward',
      'Clinical waste bags are left in the corridor overnight at the home',
    ],
    doesNotMatch: [
      'wifi is terrible for residents',
      'staff don\'t know residents\' likes and dislikes',
      'the bins were emptied every day and there was soap in every room',
    ],
  },
]
