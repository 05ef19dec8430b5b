import type { SafetyRuleDefinition } from './definition'

/** Discriminatory abuse. */
export const discriminatoryRules: SafetyRuleDefinition[] = [
  {
    id: 'discriminatory.discrimination-or-hate',
    level: 'high',
    categories: ['discriminatory'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'discrimination or hate',
    phrases: [
      /racis\w*/,
      /racial(?:ly)? \w+/,
      /homophob\w*/,
      /transphob\w*/,
      /sexis[tm]/,
      /xenophob\w*/,
      /islamophob\w*/,
      /antisemit\w*/,
      /discriminat\w*/,
      /hate crime/,
      /(?:because|cos|as) (?:she|he|i|they) (?:is|am|are|was|were) (?:black|asian|gay|lesbian|trans|muslim|jewish|disabled|deaf|blind|foreign|polish|old)/,
      /(?:called|calling|calls) PERSON (?:a )?(?:paki|n\w*er|monkey|faggot|retard|spastic|spaz)/,
    ],
    matches: [
      'they call him racist names because hes black and laugh at him',
      'they treat me bad cos im black and leave me til last for everything, i was left in wet sheets all night',
    ],
    doesNotMatch: [
      'Dentist was friendly and explained everything',
      'the consultant took time to explain everything to my wife',
    ],
  },
  {
    id: 'discriminatory.no-interpreter',
    level: 'high',
    categories: ['discriminatory'],
    negation: 'clause',
    describes: 'care given without the interpreter someone needs',
    phrases: [
      /(?:no |without (?:an? )?|never (?:had|got|given) (?:an? )?)(?:bsl |british sign language |sign language |language )?interpreters?/,
    ],
    matches: [
      'Im Deaf and in hospital. No interpreter for five days and they want me to sign for an operation today',
      'The hospital have no interpreter for my mother, I have to translate',
    ],
    doesNotMatch: [
      'The interpreter came to every appointment and was brilliant',
    ],
  },
]
