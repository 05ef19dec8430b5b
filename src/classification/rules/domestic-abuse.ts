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
      'my partner hits me and has threatened to kill me if I tell the health visitor',
      'Her husband beats her and he\'s her carer, she\'s scared to go home from hospital',
      'my partner hits me when he\'s been drinking and i\'m scared to go home after my appointment',
    ],
    doesNotMatch: [
      'Letters came after the appointment date',
      'I was sent home with no follow up appointment',
    ],
  },
]
