import type { SafetyRuleDefinition } from './definition'

/** Sexual abuse. */
export const sexualRules: SafetyRuleDefinition[] = [
  {
    id: 'sexual.sexual-abuse',
    level: 'urgent',
    categories: ['sexual'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'sexual abuse',
    phrases: [
      /rap(?:e|ed|ing|ist)/,
      /sexual(?!ity| health| orientation| identity| health clinic)\w*/,
      /intimate(?:ly)? (?:examin\w*|search\w*|care without)/,
      /without (?:a )?chaperone/,
      /grop(?:e|ed|es|ing)/,
      /molest\w*/,
      /fondl\w*/,
      /touch(?:ed|es|ing)? (?:PERSON )?(?:inappropriately|up|down there|POSS (?:breasts?|private\w*|bum|bottom|genitals|chest|crotch)|in a sexual way)/,
      /inappropriate(?:ly)? touch\w*/,
      /touch(?:ed|es|ing)? PERSON (?:where|in places|places) (?:he|she|they|you) (?:shouldnt|should not|shouldn)/,
      /indecen\w*/,
      /expos(?:ed|ing) (?:him|her)self/,
      /private parts/,
      /made PERSON (?:undress|strip)/,
      /sex with/,
      /(?:kissed|kissing) PERSON (?:on the lips|against)/,
      /sent (?:PERSON )?(?:nudes|naked (?:photos|pictures))/,
      /upskirt\w*/,
      /masturbat\w*/,
      /paedo\w*/,
      /pedo\w*/,
      /groom(?:ed|ing) (?:PERSON|children|kids|young)/,
    ],
    matches: [
      'my friend told me her carer forces her to have sex with him',
      'the nurse keeps kissing and groping the young girls on the ward',
      'a patient on the ward has been raped by another patient and staff did nothing',
    ],
    doesNotMatch: [
      'A nurse made comments about my weight and my sexuality',
      'My son\'s social worker keeps changing',
      'The online booking system keeps crashing',
    ],
  },
  {
    id: 'sexual.entering-bed-or-bedroom',
    level: 'urgent',
    categories: ['sexual'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'someone entering another person\'s bed or bedroom',
    phrases: [
      /(?:another (?:resident|patient|man)|other (?:residents|patients|men)|a (?:male |man )?(?:resident|patient|man)|the man|he|men) (?:\w+ ){0,3}(?:keeps |kept )?(?:gets|got|getting|climbs|climbed|climbing|comes|came|coming|goes|going|went|wanders|wandering) (?:in|into) (?:her|their|the (?:womens|ladies|female|girls)|other (?:residents|patients|peoples|womens)|womens|ladies) (?:beds?|(?:bedrooms?|rooms?) (?:at night|in the night|and (?:shuts|shut|closes|closed|locks|locked) the door|when (?:she|they) (?:is|are|was|were) (?:asleep|sleeping|in bed)))/,
    ],
    matches: [
      'my daughter is on the ward and said another patient gets into her bed at night and staff dont stop it',
      'the man in room 4 keeps going into the women\'s rooms at night and staff say there is nothing they can do',
      'she\'s scared of the night carer, says he comes in her room and shuts the door and she doesnt like what he does',
    ],
    doesNotMatch: [
      'the wifi doesnt work in the rooms',
      'My son\'s social worker keeps changing',
    ],
  },
]
