import type { SafetyRuleDefinition } from './definition'

/** Neglect and self-neglect. */
export const neglectRules: SafetyRuleDefinition[] = [
  {
    id: 'neglect.serious-neglect',
    level: 'urgent',
    categories: ['neglect'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'serious neglect',
    phrases: [
      /(?:wont|didnt|stopped|refuse\w* to|refusing to|not even) (?:feed|feeding) PERSON/,
      /(?:not been|hasnt been|havent been|wasnt|werent|never been|not being) fed/,
      /no (?:food|water|drinks?|fluids|meals?)(?: or (?:food|water|drinks?|fluids))? (?:for |in )?(?:\d+|two|three|four|five|several|a few) days/,
      /(?:left|lying|lay|sitting|sat|soaked|soaking|covered|found) (?:\w+ ){0,3}in (?:POSS )?(?:own )?(?:urine|wee|poo|faeces|excrement|mess|soiled|dirty|wet) ?\w*/,
      /soiled (?:pads?|sheets|bed|clothes)/,
      /(?:left|lying|lay|laid|found) on the floor (?:for|all|overnight|until|till|til|hours)/,
      /starv(?:ed|ing)/,
      /(?:left|leave|leaves|leaving) (?:\w+ ){0,3}in (?:wet|soiled|dirty|soaking|soaked) (?:pads?|beds?|sheets|clothes|nappies|incontinence pads?)/,
      /(?:has|had|with|got|left with|left) no (?:food|water|drink|drinks|fluids)/,
      /(?:carers?|no one|nobody|staff) (?:have |has |had )?(?:not )?(?:turned up|come|came|visited) (?:for|in) (?:\d+|two|three|four|several|a few) days/,
      /(?:not|never|hasnt|havent|hadnt|wasnt|werent|isnt|arent|no one has|nobody has|nobody) (?:been )?(?:fed|given (?:any )?(?:food|water|a drink|drinks|fluids)|washed|changed|turned|checked on|helped to eat|helped to the toilet) (?:for|in|since|all)/,
      /no (?:food|water|drink|fluids) (?:for|all|since)/,
      /(?:nothing|no food|no water) (?:to eat|to drink) (?:for|all|since)/,
      /(?:left|leave|leaves|leaving) (?:PERSON )?(?:alone |unattended )?(?:for hours|all (?:night|day)|overnight|for days)/,
      /wasting away/,
      /skin and bone/,
      /lost so much weight/,
      /(?:hasnt|havent|hadnt|not|wasnt|isnt) (?:eaten|drunk|eating|drinking|had (?:a drink|anything to (?:eat|drink)|any (?:food|fluids|water)))(?: properly| anything| much)? (?:for|in|since|all)/,
      /(?:didnt|did not|never|havent|hasnt|not) (?:get|got|been given|given|receive|received|had) any (?:food|fluids|water|drink|drinks|nutrition|feeds?)/,
      /begg(?:ing|ed|s) (?:\w+ ){0,3}for (?:a )?(?:drink|water|food|something to (?:eat|drink))/,
      /no (?:water|drinks?|food)(?: jug)? (?:in|by|near) (?:POSS )?(?:room|bed)/,
      /(?:lay|lying|laid|left|been|was|were) (?:there|on the floor) (?:\w+ ){0,6}(?:for hours|for ages|ages|hours|all night|overnight)/,
      /on the floor (?:\w+ ){0,8}(?:no one|nobody|noone)(?! else)/,
      /(?:no one|nobody|noone)(?! else) (?:\w+ ){0,8}on the floor/,
      /(?:no one|nobody|noone) (?:had |has |have )?(?:checked(?: on)?(?: PERSON)?|been (?:in|near)) (?:\w+ ){0,2}(?:for|in) (?:hours|ages|days|(?:\d+|two|three|four|five|several) (?:hours|days))/,
      /(?:left|leave|leaves|leaving|kept|keep|keeps|keeping) (?:PERSON )?in (?:bed|POSS (?:bed|room|chair|wheelchair)|the (?:chair|wheelchair|room)) (?:all (?:day|night)|for (?:hours|days|weeks)|day and night|24 hours)/,
      /(?:no one|nobody|noone) (?:ever )?(?:gets PERSON (?:up|washed|dressed)|(?:washes|changes|feeds|turns|bathes) PERSON)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'neglect.neglect',
    level: 'high',
    categories: ['neglect'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'neglect',
    phrases: [
      /(?:pressure|bed) ?(?:sores?|ulcers?)/,
      /(?:has|got|with|developed|covered in) (?:\w+ )?sores/,
      /(?:severely |very |really )?dehydrat\w*/,
      /malnourish\w*/,
      /malnutrition/,
      /(?:call )?(?:bells?|buzzers?|alarms?) (?:(?:was|is|are|were|goes|go|went|keeps|keep) )?(?:ignored|unanswered|not answered|out of reach|taken away|removed|ringing for)/,
      /neglect(?:ed|ing|ful)?/,
      /(?:didnt|dont|doesnt|not|never|wont) (?:wash|washed|bath|bathe|change|changed|clean) (?:PERSON)/,
      /(?:wont|refuse\w*|refusing|didnt|wouldnt|not|never) (?:to )?(?:call|get|ring|phone) (?:a |the )?(?:doctor|gp|ambulance|paramedics|nurse|111|999)/,
      /left (?:PERSON )?(?:in the bath|on the toilet|on the commode) (?:and|for|alone)/,
      /(?:take|takes|took|taking) (?:it|them|the (?:tray|plate|food|meal)) away (?:full|untouched|uneaten)/,
      /(?:left|leave|leaves) (?:the )?(?:tray|food|plate|meal|drink|cup|jug) (?:\w+ ){0,2}out of reach/,
      /(?:turn\w*|switch\w*) (?:off )?(?:the )?heating (?:off|down)/,
      /(?:residents|patients|PERSON) (?:\w+ ){0,5}(?:shivering|shaking|freezing cold)/,
      /(?:carers?|staff|care workers?) (?:are |is |were |was )?(?:not |never |arent |werent |dont |didnt )(?:turning|turn|turned|showing|show|showed|coming|come|came) (?:up|in|out)/,
      /(?:losing|lost) (?:loads of|so much|a lot of|lots of) weight/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'neglect.self-neglect',
    level: 'high',
    categories: ['self-neglect'],
    negation: 'clause',
    describes: 'self-neglect',
    phrases: [
      /self ?neglect\w*/,
      /not looking after SELF/,
      /(?:stopped|not|isnt|wont|refus\w* to) (?:eat|eating|drink|drinking|wash|washing|take (?:his|her) (?:meds|medication|tablets))/,
      /hoard\w*/,
      /living in (?:squalor|filth)/,
      /wont let (?:anyone|carers|us|the carers|anybody) in/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
