import type { SafetyRuleDefinition } from './definition'

/** Unsafe staffing and staff unfit to work. */
export const unsafeStaffingRules: SafetyRuleDefinition[] = [
  {
    id: 'unsafe-staffing.unsafe-staffing',
    level: 'high',
    categories: ['unsafe-staffing'],
    negation: 'clause',
    describes: 'unsafe staffing',
    phrases: [
      /(?:only|just) (?:one|1|two|2) (?:carer|staff|nurse|member of staff|person|care worker)s? (?:on|for|looking after|covering) (?:the )?(?:\d+|twenty|thirty|forty|whole|entire|all|night|nights|floor|unit|home|building|residents|patients)/,
      /no (?:staff|nurses?|carers?|one|qualified nurses?) (?:on (?:duty|shift|the floor|nights?|the unit)|around|about|to help)/,
      /(?:staff|carers?|nurses?|night staff|seniors?|manager) (?:are |is |were |was )?(?:always |often )?(?:asleep|sleeping) (?:on|at|during|in)/,
      /(?:only|just) (?:one|1|two|2|three|3) (?:carers?|staff|nurses?|members? of staff|care workers?|hcas?) (?:\w+ ){0,4}(?:for|to|looking after|between|covering) (?:\d+|twenty|thirty|forty|fifty|sixty) (?:residents|patients|people|service users|beds)/,
      /dangerously (?:short|understaffed|low)/,
      /(?:one|1|two|2|three|3) (?:(?:qualified|registered|trained|senior|agency|permanent|night) )?(?:carers?|staff|nurses?|members? of staff|care workers?|hcas?) (?:on )?(?:for|to) (?:\d+|twenty|thirty|forty|fifty|sixty) (?:residents|patients|people|service users|beds)/,
      /(?:no|without (?:a )?) ?registered manager/,
      /(?:training|dbs(?: checks?)?) (?:is |are |was |were )?(?:all )?(?:out of date|not done|expired|missing|lapsed)/,
      /(?:havent|hasnt|not|never) (?:done|had|been given) (?:\w+ ){0,3}(?:training|dbs(?: checks?)?)/,
      /(?:no|without) (?:\w+ )?dbs(?: checks?)?/,
      /(?:1[2-9]|twelve|fourteen|sixteen) hour shifts? (?:back to back|with no break|every day)/,
      /(?:unsafe|dangerous) (?:staffing|levels)/,
      /staffing (?:is |levels are )?(?:unsafe|dangerous)/,
      /down to (?:one|1|two|2|half|a skeleton) (?:nurse|nurses|carer|carers|staff|strength|crew|crews|team)|(?:half|\d+ ?(?:%|percent)) (?:strength|of (?:planned |the )?(?:crews|staff|shifts|establishment))|(?:running|run|relying|relies|rely) on (?:locums|agency(?: staff)?|bank staff)|(?:only|just) (?:one|1) (?:person|member of staff|carer|nurse) (?:\w+ ){0,3}(?:trained|able|knows how) to|(?:closed|closing|shut|cancelled) (?:\w+ ){0,5}(?:due to|because of) (?:staffing|staff shortages|short staffing|no staff|lack of staff)/,
    ],
    matches: [
      'Mum\'s ward was down to one nurse last night because the other got pulled to A&E',
      'Only two carers on at night for 30 residents with dementia',
      'They have two staff for 18 people with dementia on the top floor',
      'Staff training is out of date, most carers havent done moving and handling training for years',
      'They\'ve had no registered manager for eight months',
      'The ward had one qualified nurse for 28 patients on the night my dad was in',
      'the night staff are asleep on shift every night and the buzzers go unanswered for hours',
      'Theres only one carer on nights for 30 residents with dementia, people are falling and no one comes',
      'I\'m a nurse there and we regularly have only two staff for the whole unit, it\'s dangerous and someone will die',
    ],
    doesNotMatch: [
      'visiting hours are too short',
      'wifi is terrible for residents',
      'the training for carers was really good and everyone had their DBS checked',
    ],
  },
  {
    id: 'unsafe-staffing.staff-unfit-to-work',
    level: 'urgent',
    categories: ['unsafe-staffing'],
    negation: 'clause',
    describes: 'staff unfit to work',
    phrases: [
      /(?:staff|carers?|nurses?|night staff|seniors?|manager|doctor) (?:are |is |were |was )?(?:always |often )?(?:drunk|on drugs|high|smoking weed) (?:on|at|during|in|while|and)/,
      /(?:drunk|drinking|under the influence) (?:on|at|during|while) (?:shift|duty|work)/,
      /(?:came|comes|come|turned up|turns up) (?:in |into work |to work )?(?:drunk|high|intoxicated|smelling of (?:alcohol|drink))/,
    ],
    matches: [
      'a staff member came in drunk and was giving out medication',
    ],
    doesNotMatch: [
      'medication round is always late in the mornings',
      'I would like more information about my medication',
    ],
  },
]
