import type { SafetyRuleDefinition } from './definition'

/** Restraint, seclusion and sedation. */
export const restraintSeclusionRules: SafetyRuleDefinition[] = [
  {
    id: 'restraint-seclusion.restraint-or-seclusion-used',
    level: 'urgent',
    categories: ['restraint-seclusion'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'restraint or seclusion used on someone',
    phrases: [
      /held (?:PERSON )?down/,
      /pinn(?:ed|ing) (?:PERSON )?(?:down|to)/,
      /(?:sat|sitting|knelt|kneeling) on PERSON/,
      /tied PERSON (?:up|down|to)/,
      /strapp(?:ed|ing) (?:PERSON )?(?:in|to|down)/,
      /locked (?:PERSON )?(?:in|up|away)/,
      /lock (?:PERSON )?(?:in|up)/,
      /locks (?:PERSON )?(?:in|up)/,
      /shut (?:PERSON )?in/,
      /(?:face ?down|prone) restrain\w*/,
      /sedat(?:ed|ing|ion|ives?) (?:\w+ ){0,3}(?:to keep|so|to make|without)/,
      /chemical cosh/,
      /drugg(?:ed|ing) (?:PERSON|to)/,
      /(?:keep|keeps|kept) PERSON (?:quiet|asleep|docile)/,
      /(?:tie|ties|tying|tied) PERSON (?:up|down|to)/,
      /(?:tie|ties|tying|tied) (?:up|down) PERSON/,
      /(?:tie|ties|tying|tied|strap\w*) (?:POSS )?(?:wrists?|hands?|arms?|legs?|ankles?|feet) (?:to|together|down)/,
      /(?:hold|holds|held|holding|pinch\w*) (?:his|her|their) nose (?:\w+ ){0,3}(?:to make|so|and (?:force|make|pour|shove))/,
      /force (?:fed|feed\w*)/,
      /forc(?:e|ed|es|ing) (?:food|it|drink) (?:into|down)/,
      /(?:keep|keeps|kept|keeping|have|has|had|got) PERSON dop(?:ed|ing) up/,
      /(?:keep|keeps|kept|keeping) PERSON (?:doped|drugged|sedated|zonked|knocked out)/,
      /(?:sleeping (?:tablets|pills)|sedatives?|tablets|pills|meds|medication|lorazepam|diazepam|haloperidol) (?:\w+ ){0,6}(?:so (?:they|staff|the staff|the night staff|we) (?:can|could) (?:have an easy|have a quiet|get some peace|have some peace|get an easy|sit down|get on)|so (?:she|he|they|PERSON) (?:is|are|stays?|keeps?|will be|would be) (?:quiet|asleep|docile|out of the way|no trouble|compliant))/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'restraint-seclusion.restraint-seclusion-or-sedation',
    level: 'high',
    categories: ['restraint-seclusion'],
    negation: 'clause',
    describes: 'restraint, seclusion or sedation',
    phrases: [
      /restrain\w*(?! training| course)/,
      /seclu(?:ded|sion)/,
      /sedatives?/,
      /sedated/,
      /like a zombie/,
      /zombified/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
