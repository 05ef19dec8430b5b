import type { SafetyRuleDefinition } from './definition'

/** Financial or material abuse. */
export const financialRules: SafetyRuleDefinition[] = [
  {
    id: 'financial.money-or-belongings-taken',
    level: 'urgent',
    categories: ['financial'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'money or belongings being taken',
    phrases: [
      /(?:took|taking|takes|take|stole|stolen|steal|stealing|steals|nicked|pinched|helped (?:him|her|them)selves to|using|used|uses|emptied|drained|spending|spent|selling|sold|sells|pawned) (?!(?:my|our|his|her|their) own |up )(?:\w+ ){0,3}(?:money|cash|bank cards?|debit cards?|credit cards?|pension|savings|benefits|jewell?e?ry|rings?|valuables|belongings|purse|wallet|possessions)/,
      /(?:took|taking|takes|take|stole|stolen|steal|stealing|nicked|selling|sold) POSS (?:\w+ )?(?:phone|mobile|things|stuff|handbag|tv|ipad|clothes|food|shopping)/,
      /(?:stole|stolen|steal|stealing|nicked|selling|sold|pawned) POSS (?:\w+ )?tablet/,
      /(?:purse|wallet|bank account|money tin|savings) (?:\w+ ){0,3}(?:empty|emptied|short|cleared out)/,
      /(?:making|make|makes|made|forcing|forced|pressured|getting|gets|got) (?:PERSON )?(?:to )?sign (?:\w+ )?(?:cheques?|checks|over|wills?|power of attorney|loans?|bank \w+|things (?:she|he) (?:doesnt|didnt|cant))/,
      /withdrawals? (?:\w+ ){0,4}(?:never|didnt|did not|not) (?:made|make|do|did)/,
      /(?:money|cash|jewell?e?ry|rings?|wedding ring|valuables|belongings|purse|wallet|savings|bank card) (?:has |have |had |keeps |keep )?(?:stolen|taken)/,
      /financial(?:ly)? (?:abus\w*|exploit\w*)/,
      /(?:made|forced|pressured|pressuring|pressure) PERSON (?:to )?(?:sign(?! (?:(?:a|the|my|his|her) )?(?:consent|discharge|in\b|register|visitors book|petition))|change|give|hand over|lend)/,
      /(?:changed|change) POSS will/,
      /(?:asked|asking|asks) (?:PERSON )?for (?:money|cash|loans?|her pin|his pin)/,
      /borrow(?:ed|ing|s)? (?:money|cash) (?:from|off) (?:PERSON)/,
      /scam(?:med|ming)?/,
      /(?:hand|handed|hands|give|gave|giving|gives|tell|told) (?:over )?(?:\w+ ){0,2}(?:bank (?:details|card)|pin(?: number)?|online banking)/,
      /fraud\w*/,
    ],
    matches: [
      'her new carer told her to hand over her bank details or she would stop coming',
      'carer took my purse and my bank card is gone',
      'a worker at the home is selling residents\' belongings online',
      'staff stole my nans wedding ring off her finger while she slept',
      'the night carer stole her tablet and sold it',
    ],
    doesNotMatch: [
      'My son took his ADHD tablet twice this morning by mistake',
      'Mums clothes keep going missing in the laundry',
      'wifi is terrible for residents',
      'My son\'s social worker keeps changing',
    ],
  },
  {
    id: 'financial.belongings-missing',
    level: 'high',
    categories: ['financial'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'money or belongings going missing',
    phrases: [
      /(?:money|cash|jewell?e?ry|rings?|watch|purse|wallet|savings|bank cards?|valuables) (?:\w+ ){0,3}(?:went|gone|go|goes|going|keeps going|has gone|have gone) missing/,
      /(?:money|cash|jewell?e?ry|rings?|wedding ring|valuables|belongings|purse|wallet|savings|bank card) (?:has |have |had |keeps |keep )?(?:gone missing|going missing|go missing|missing|disappeared|disappearing|vanished)/,
      /missing (?:money|cash|jewell?e?ry|rings?|valuables|belongings)/,
    ],
    matches: [
      'Dads birthday money went missing from his drawer',
      'her engagement ring has disappeared from the home',
    ],
    doesNotMatch: [
      'Mums clothes keep going missing in the laundry',
      'She found her missing glasses under the bed',
    ],
  },
]
