import type { SafetyRuleDefinition } from './definition'

/** Domestic abuse. */
export const domesticAbuseRules: SafetyRuleDefinition[] = [
  {
    id: 'domestic-abuse.domestic-abuse',
    level: 'urgent',
    categories: ['domestic-abuse'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'domestic abuse',
    phrases: [
      /domestic (?:abuse|violence)/,
      /(?:my|her|his) (?:husband|wife|partner|boyfriend|girlfriend|ex|son|daughter|dad|father|stepdad|mum|mother) (?:hits|hit|beats|beat|hurts|hurt|attacks|attacked|threatens|threatened|controls|strangled|chokes|choked|punched|kicked|slapped|batters|abuses|abused|rapes|raped)/,
      /coercive control\w*/,
      /controlling (?:behaviour|relationship|partner|husband|wife)/,
      /(?:scared|afraid|frightened|terrified) (?:of|to go home to) (?:my|her|his) (?:husband|wife|partner|boyfriend|girlfriend|ex|son|daughter)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
