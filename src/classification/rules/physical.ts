import type { SafetyRuleDefinition } from './definition'

/** Physical abuse and injuries that may come from it. */
export const physicalRules: SafetyRuleDefinition[] = [
  {
    id: 'physical.hit-or-hurt',
    level: 'urgent',
    categories: ['physical'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'someone being hit or hurt',
    phrases: [
      /hit(?! SELF)(?!s? (?:and miss|the (?:roof|spot|button|road|ground|nail|floor|wall|jackpot)|it off|a (?:wall|brick wall|bump))|ting (?:the|a) )/,
      /hits/,
      /hitting/,
      /slap\w*/,
      /punch(?:ed|es|ing)?(?! line)/,
      /kick(?:ed|s|ing)?(?! out| off)/,
      /smack\w*/,
      /beat (?:PERSON|up)(?! at )/,
      /beaten/,
      /beating (?:PERSON|up)/,
      /battered/,
      /shov(?:ed|es|ing)/,
      /(?:pushed|pushing|push|pushes) (?:PERSON)(?! to (?!the floor|the ground)| for| into (?:doing|getting|having)| (?:hard|too hard|too much|a bit)(?! (?:against|into|onto|over|down|off)))(?!(?: \w+){0,5} (?:wheelchair|chair|trolley|stretcher|pram|buggy))/,
      /pushed (?:over|down|into|against)/,
      /(?:held|hold|holds|holding) (?:POSS|his|her) head (?:under|down)/,
      /thr(?:ew|own|ow) (?:PERSON)/,
      /thr(?:ew|ows|ow|owing) (?:\w+ ){0,3}(?:at|over) PERSON/,
      /grabb?(?:ed|ing|s)? (?:PERSON|by)/,
      /pinch(?:ed|ing|es) (?:PERSON)/,
      /drag(?:ged|ging|s)? (?:PERSON|along|across)/,
      /strangl\w*/,
      /throttl\w*/,
      /chok(?:ed|ing) (?:PERSON)/,
      /physical(?:ly)? (?:abus\w*|assault\w*|hurt|attack\w*)/,
      /assault(?:ed|ing|s)?/,
      /attack(?:ed|ing) (?:PERSON)/,
      /(?:hurt|hurting|hurts|harmed|harming|injured) PERSON/,
      /rough(?:ly)? (?:handl\w*|with)/,
      /manhandl\w*/,
      /man handl\w*/,
      /violen(?:t|ce) (?:to|towards|against) \w+/,
      /spat (?:at|on)/,
      /(?:nearly|almost) drown\w*/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'physical.injuries',
    level: 'high',
    categories: ['physical'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'injuries that may come from abuse',
    phrases: [
      /bruis\w*/,
      /black eye/,
      /(?:burns|burned|scalded) (?:on )?POSS/,
      /burns? on (?:POSS )?(?:\w+ )?(?:face|arms?|legs?|hands?|back|body|skin|neck|feet|foot|chest|bum|bottom)/,
      /bite marks/,
      /(?:marks|scratches|cuts) on (?:POSS )?(?:neck|face|arms?|legs?|wrists?|body)/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
  {
    id: 'physical.allegation-of-abuse',
    level: 'urgent',
    categories: [],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'an allegation of abuse',
    phrases: [
      /abus(?:e|ed|ing|ive)/,
      /mistreat\w*/,
      /ill ?treat\w*/,
      /cruel(?:ty)?/,
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
