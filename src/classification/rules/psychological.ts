import type { SafetyRuleDefinition } from './definition'

/** Psychological or emotional abuse. */
export const psychologicalRules: SafetyRuleDefinition[] = [
  {
    id: 'psychological.emotional-abuse',
    level: 'high',
    categories: ['psychological'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'psychological or emotional abuse',
    endsAtWordBoundary: false,
    phrases: [
      /bull(?:y|ied|ies|ying)/,
      /humiliat\w*/,
      /intimidat\w*/,
      /degrad(?:ed|ing)/,
      /belittl\w*/,
      /taunt\w*/,
      /(?:scream|shout|yell|swear|swore|sworn)\w* (?:at|in the face of) PERSON/,
      /(?:mock|laugh|sneer)\w* at PERSON/,
      /film(?:ed|ing|s)? (?:PERSON|them)/,
      /post(?:ed|ing)? (?:it|them|videos?|photos?) (?:online|on facebook|on social media)/,
      /call\w* PERSON (?:names|stupid|fat|disgusting|a \w+)/,
      /you (?:\w+ )?(?:stupid|old|fat|dirty|lazy|silly|filthy|disgusting|smelly|useless) (?:cow|bitch|bastard|pig|witch|idiot|cretin|slag|moron|retard|git|bag|hag|trout)/,
      /verbal(?:ly)? (?:abus\w*|aggress\w*|attack\w*)/,
      /emotional(?:ly)? abus\w*/,
      /psychological(?:ly)? abus\w*/,
      /(?:threaten|threatened|threatening) (?:to|PERSON)/,
      /(?:scared|frightened|terrified|afraid) of (?:the )?(?:(?:night|day|male|female|new|agency|other) )?(?:staff|carers?|nurses?|manager|him|her|them|going back|being)/,
      /(?:too )?(?:scared|frightened|terrified|afraid) to (?:say|tell|speak|complain|report|go back|sleep)/,
      /(?:(?:wont|doesnt|didnt|dont|wouldnt|stopped) let|(?:not|arent|stopped) letting) (?:PERSON )?(?:see|speak|talk|phone|call|ring|contact) (?!(?:my|the|his|her|their|our) (?:own )?(?:records|notes|file|results|letters?|care plan))/,
      /(?:hear|heard|hearing) (?:PERSON )?(?:crying|screaming|sobbing|begging) /,
    ],
    matches: [
      'I heard a carer shouting "shut up you old cow" and then a lady crying',
      'staff laugh at me and say no one will miss me',
      'they call him racist names because hes black and laugh at him',
      'the carer threatened to hit my mum if she didnt stop shouting',
    ],
    doesNotMatch: [
      'the nurse took my blood and it didnt hurt at all',
      'the nurse didnt wear gloves to change my dressing',
      'They wont let me see my own records, keep fobbing me off',
    ],
  },
  {
    id: 'psychological.fear-of-people-around',
    level: 'urgent',
    categories: ['psychological'],
    signpost: 'abuse',
    negation: 'clause',
    describes: 'someone showing fear of the people around them',
    phrases: [
      /(?:flinch\w*|cower\w*|recoil\w*) (?:\w+ )?(?:when|whenever|every time|as soon as|if) (?:\w+ ){0,3}(?:comes?|came|walks?|goes|gets|touch\w*|approach\w*|rais\w*|near|in the room|moves?|goes near)/,
      /(?:flinch\w*|cower\w*|recoil\w*) (?:away )?from (?:him|her|them|the \w+|staff|carers?)/,
      /(?:when|whenever|every time|each time|as soon as) (?:\w+ ){1,4}(?:comes?|came|walks?|walked|goes|went|gets|got|reaches|reached) (?:[\w|]+ ){0,4}(?:flinch\w*|cower\w*|recoil\w*|shrinks? back|freezes|goes rigid|starts? shaking)/,
    ],
    matches: [
      'Every time the night nurse walks past, my gran flinches and pulls the blanket over her face',
      'she flinches when he comes in the room, the male carer, she never did that before',
      'wen i visit my bro in the unit he has new bruises evry time n he flinches wen staff walk past. he cant talk proper so cant say wat happend. plz someone go check',
    ],
    doesNotMatch: [
      'There is never any hot water in the shower',
      'my dad came home with someone else\'s glasses',
    ],
  },
]
