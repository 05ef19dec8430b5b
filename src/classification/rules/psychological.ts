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

    ],
    doesNotMatch: [

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
    ],
    matches: [

    ],
    doesNotMatch: [

    ],
  },
]
