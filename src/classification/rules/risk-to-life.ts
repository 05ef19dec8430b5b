import type { SafetyRuleDefinition } from './definition'

/** Risk to life: suicide, not wanting to live, self-harm and overdoses. */
export const riskToLifeRules: SafetyRuleDefinition[] = [
  {
    id: 'risk-to-life.suicide',
    level: 'urgent',
    categories: ['risk-to-life'],
    signpost: 'mental-health-crisis',
    negation: 'near',
    describes: 'a risk of suicide',
    phrases: [
      /suicid\w*/,
      /(?:kill|killing|killed|hang|hanging|hanged|hurt|hurting|harm|harming|cut|cutting|starve|starving|drown|poison\w*|hit|hits|hitting|punch\w*|burn\w*) SELF/,
      /end (?:it all|POSS (?:own )?life|things|everything)/,
      /ending (?:it all|POSS life|things)/,
      /take POSS (?:own )?life/,
      /taking POSS (?:own )?life/,
      /tried to (?:end|take) it/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'risk-to-life.not-wanting-to-live',
    level: 'urgent',
    categories: ['risk-to-life'],
    signpost: 'mental-health-crisis',
    negation: 'none',
    describes: 'someone who does not want to live',
    phrases: [
      /(?:want|wants|wanted|wanting|going) to die/,
      /wish (?:i|he|she|they) (?:was|were|had) (?:dead|never been born)/,
      /better off (?:dead|without me|gone)/,
      /(?:dont|doesnt|didnt) want to (?:live|be alive|be here|wake up|exist|carry on|go on)/,
      /(?:cant|cannot|couldnt|can not) (?:go on|carry on|take (?:it|this|any ?more)|cope any ?more|do this any ?more)/,
      /no (?:point|reason) (?:in )?(?:living|to live|going on|carrying on|being alive)/,
      /not worth living/,
      /life is(?: not|nt) worth/,
      /(?:nothing|no one) to live for/,
      /(?:say|said) (?:goodbye|my goodbyes) (?:to everyone|for good)/,
      /plan(?:ned|ning)? to (?:die|end)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'risk-to-life.self-harm-or-overdose',
    level: 'urgent',
    categories: ['risk-to-life'],
    signpost: 'mental-health-crisis',
    negation: 'near',
    describes: 'self-harm or an overdose',
    phrases: [
      /self ?harm\w*/,
      /over ?dos(?:e|ed|ing)/,
      /taken (?:a lot of|all (?:my|his|her|the)|loads of) (?:pills|tablets)/,
      /(?:swallowed|took) (?:a load of|all (?:my|his|her|the)|loads of|a bottle of|a packet of|a handful of) (?:pills|tablets|paracetamol)/,
      /ligature\w*/,
      /noose/,
      /(?:saved|saving|stockpil\w*|stash\w*) (?:up )?(?:\w+ ){0,2}(?:tablets|pills|meds|medication|paracetamol)/,
      /(?:tablets|pills|meds|paracetamol) (?:\w+ )?(?:saved|stockpiled|stashed) up/,
      /(?:going to|will|wants to|want to|gonna) take (?:them|the lot|it) all/,
      /take all (?:POSS|the|them|of (?:them|POSS)) (?:tablets|pills|meds)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
