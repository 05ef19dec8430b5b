import type { SafetyRuleDefinition } from './definition'

/** Danger happening now: medical emergencies and threats of violence. */
export const immediateDangerRules: SafetyRuleDefinition[] = [
  {
    id: 'immediate-danger.medical-emergency-now',
    level: 'urgent',
    categories: ['unsafe-care'],
    signpost: 'immediate-danger',
    negation: 'clause',
    describes: 'a medical emergency happening now',
    phrases: [
      /not breathing/,
      /stopped breathing/,
      /(?:cant|cannot|can not|struggling to|unable to) breathe/,
      /collapsed/,
      /unconscious/,
      /unresponsive/,
      /not responding/,
      /wont wake up/,
      /(?:turning|turned|went|goes|gone) blue/,
      /choking(?! hazard| risk)/,
      /having a (?:fit|seizure|stroke|heart attack)/,
      /(?:bleeding|blood) everywhere/,
      /bleeding heavily/,
      /bleeding badly/,
      /lots of blood/,
      /(?:severe|crushing) chest pain/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'immediate-danger.threat-of-violence',
    level: 'urgent',
    categories: ['physical'],
    signpost: 'immediate-danger',
    negation: 'clause',
    describes: 'a threat of violence',
    phrases: [
      /(?:going|gonna|about|trying|tried|threaten\w*|threat\w* to|said he would|said she would|says he will|says she will|will) to (?:hurt|kill|hit|attack|stab|beat|strangle|harm|rape|batter|shoot|murder) PERSON/,
      /(?:threaten\w*|threats) (?:to|of) (?:kill|hurt|hit|stab|harm|beat|rape)/,
      /(?:has|got|holding|with|carrying|pulled) a (?:knife|gun|weapon|blade|machete)/,
      /(?:kill|murder) (?:me|him|her|us|them)/,
      /in (?:immediate )?danger/,
      /(?:being|been|is being|getting) attacked/,
      /(?:help me|help us|get help) (?:please|now|quick)/,
      /(?:someone|somebody|a resident|a patient|he|she|they) (?:will|could|is going to|are going to) (?:die|get killed|be killed|get seriously hurt)/,
      /(?:theres|there is) (?:a )?fire/,
      /on fire/,
      /house is burning/,
      /smoke everywhere/,
      /gas leak/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
