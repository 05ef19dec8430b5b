import type { SafetyRuleDefinition } from './definition'

/** Unsafe care or treatment, people with care needs going missing, and people not feeling safe. */
export const unsafeCareRules: SafetyRuleDefinition[] = [
  {
    id: 'unsafe-care.unsafe-treatment',
    level: 'high',
    categories: ['unsafe-care'],
    negation: 'clause',
    describes: 'unsafe care or treatment',
    phrases: [
      /wrong (?:medication|medicine|meds|tablets|dose|dosage|drug|drugs|patient|leg|arm|insulin|blood)/,
      /(?:medication|drug|dosing) (?:error|errors|mistake|mix up)/,
      /(?:given|gave) (?:PERSON )?(?:someone elses|another (?:residents|patients)|the wrong) (?:medication|meds|tablets)/,
      /(?:missed|not given|never given|didnt get|didnt give|forgot (?:to give )?(?:his|her|my)?) (?:\w+ )?(?:medication|meds|tablets|insulin|injection|antibiotics|inhaler|pain relief)/,
      /(?:medication|meds|tablets|insulin) (?:not given|missed|left (?:out|on the side)|withheld)/,
      /dropp(?:ed|ing) (?:PERSON|from|out of)/,
      /(?:fell|fallen|falls|fall) (?:out of|from|off) (?:the |POSS )?(?:bed|hoist|chair|wheelchair|stretcher|toilet)/,
      /(?:keeps|kept|keep) (?:having )?(?:falling|falls)/,
      /(?:residents|people|patients|he|she|they|mum|dad) (?:are|is|keep|keeps) (?:falling|having falls)/,
      /(?:several|many|repeated|multiple|numerous) falls/,
      /(?:broken|fractured|broke|fractures) (?:POSS )?(?:hip|arm|leg|wrist|neck|ribs?|collar ?bone|femur|shoulder|ankle)/,
      /head injur\w*/,
      /(?:banged|hit|cut) (?:POSS )?head/,
      /hoist (?:\w+ )?(?:broken|wrong|alone|single|by one)/,
      /(?:on one|single handed) hoist\w*/,
      /sepsis/,
      /septic/,
      /(?:unsafe|dangerous) (?:care|practice|treatment|discharge|to be left)/,
      /(?:sent|discharged) (?:him |her |me |PERSON )?home (?:too early|still (?:ill|unwell|bleeding)|with(?:out)? (?:a |any )?(?:broken|fracture|care|support|medication))/,
      /misdiagnos\w*/,
      /(?:nearly|almost) (?:died|killed|lost (?:him|her|my))/,
      /(?:could|would) have (?:died|killed)/,
      /died (?:because|due to|after|from)/,
      /(?:preventable|avoidable|unexpected) death/,
      /choked on/,
      /not (?:following|on) (?:a|the|her|his) (?:soft|pureed|modified) diet/,
      /(?:fed|given) (?:solid|the wrong) food/,
      /(?:do not|dnr|dnacpr) (?:resuscitate|without|not discussed)/,
      /dnr/,
      /dnacpr/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'unsafe-care.wrong-persons-medication-or-overdose',
    level: 'urgent',
    categories: ['unsafe-care'],
    negation: 'clause',
    describes: 'someone given medication that is not theirs or too much of it',
    phrases: [
      /(?:given|gave|giving|gives|give) (?:PERSON )?(?:someone elses|somebody elses|another (?:residents|patients|persons|mans|ladys)|other (?:residents|patients|peoples)|double (?:POSS|the)|twice (?:POSS|the)|too much|an overdose of) (?:\w+ )?(?:medication|medicine|meds|tablets|pills|insulin|morphine|dose|doses)/,
      /(?:medication|medicine|meds|tablets|pills|morphine|insulin) (?:that )?(?:she|he|they|PERSON) (?:wasnt|was not|werent|were not|isnt|is not|had not been|hadnt been) prescribed/,
      /(?:medication|medicine|meds|tablets|pills|morphine|insulin) (?:that|which) (?:arent|werent|wasnt|isnt|are not|were not) (?:his|hers|theirs|PERSON)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'unsafe-care.leaving-unnoticed',
    level: 'high',
    categories: ['unsafe-care'],
    negation: 'clause',
    describes: 'someone with care needs leaving unnoticed',
    phrases: [
      /(?:wandered|wanders|wandering|walked|slipped|got|gets|getting) (?:out|off|away) (?:of )?(?:the )?(?:front |back |fire |main )?(?:door|home|building|unit|ward|house|grounds)/,
      /(?:he|she|PERSON) (?:has |had |have )?(?:went|go|goes|gone|going) missing/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'unsafe-care.missing-or-wandering-in-danger',
    level: 'urgent',
    categories: ['unsafe-care'],
    signpost: 'immediate-danger',
    negation: 'clause',
    describes: 'a person missing or found wandering in danger',
    phrases: [
      /(?:he|she|PERSON) (?:keeps|kept|keep) (?:going missing|wandering off|getting out of the (?:home|building|house|unit|ward))/,
      /police (?:found|brought|picked|had to bring) (?:PERSON )?(?:back|up|on|in|wandering)/,
      /found (?:PERSON )?(?:wandering|walking|lost) (?:\w+ ){0,3}(?:road|roads|street|streets|night|pyjamas|canal|river|town|motorway)/,
      /(?:didnt|did not|dont|never|no one|nobody) (?:know|knew|notice|noticed|realise|realised) (?:that )?(?:PERSON|he|she|they) (?:was|had|were|has) (?:gone|missing)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'unsafe-care.not-feeling-safe',
    level: 'high',
    categories: ['unsafe-care'],
    negation: 'none',
    describes: 'someone not feeling safe',
    phrases: [
      /(?:dont|doesnt|didnt|not|never|cant|wont) (?:\w+ )?(?:feel|felt|feeling) safe/,
      /(?:is|was|are|were|isnt|not|feel|feels|felt) (?:\w+ )?unsafe/,
      /not safe (?:there|here|at|in|with|to)/,
      /fear(?:s|ed)? for (?:POSS|his|her|my) (?:life|safety)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
