/** Words the safety rules rely on, so that misspellings of them can be corrected ("sucidal", "brusies"). */
export const safetyWords: readonly string[] = [
  'suicide', 'suicidal', 'overdose', 'overdosed', 'overdosing', 'harming', 'hanging', 'strangled', 'strangling',
  'abuse', 'abused', 'abusing', 'abusive', 'assault', 'assaulted', 'assaulting', 'attacked', 'attacking',
  'slapped', 'slapping', 'punched', 'punching', 'kicked', 'kicking', 'hitting', 'beaten', 'beating', 'shoved',
  'bruise', 'bruises', 'bruised', 'bruising', 'injury', 'injuries', 'injured', 'fracture', 'fractured', 'broken',
  'threatened', 'threatening', 'threatens', 'threats', 'bullied', 'bullying', 'humiliated', 'humiliating',
  'intimidated', 'intimidating', 'screaming', 'screamed', 'shouting', 'shouted', 'swearing', 'sweared',
  'sexual', 'sexually', 'raped', 'groped', 'groping', 'molested', 'touched', 'touching', 'inappropriate',
  'inappropriately', 'indecent', 'stolen', 'stealing', 'steals', 'money', 'jewellery', 'pension',
  'savings', 'valuables', 'belongings', 'neglect', 'neglected', 'neglecting', 'soiled', 'soaking', 'urine',
  'faeces', 'dehydrated', 'dehydration', 'starving', 'starved', 'malnourished', 'pressure', 'ulcers', 'ulcer',
  'restrained', 'restraint', 'restraining', 'sedated', 'sedation', 'seclusion', 'secluded', 'locked',
  'collapsed', 'unconscious', 'unresponsive', 'breathing', 'bleeding', 'choking', 'seizure',
  'trafficked', 'trafficking', 'passport', 'passports', 'slavery', 'whistleblowing', 'whistleblower',
  'falsified', 'falsifying', 'medication', 'medicine', 'tablets', 'insulin', 'racist', 'racism',
  'discriminated', 'discrimination', 'homophobic', 'dangerous', 'danger', 'emergency', 'ambulance',
  'violent', 'violence', 'domestic', 'controlling', 'coercive', 'terrified', 'frightened', 'scared',
  'harassed', 'harassment', 'outbreak', 'infection', 'infected', 'norovirus', 'scabies', 'diarrhoea',
  'vomiting', 'dragged', 'dragging', 'grabbed', 'grabbing', 'pinched', 'pinching', 'pushed', 'pushing',
  'manhandled', 'roughly', 'ignored', 'hoist', 'understaffed', 'drunk', 'alcohol', 'asleep',
  'drugged', 'drugging', 'flinches', 'flinching', 'cowering', 'passports', 'wandered', 'wandering',
]

/** Ordinary words one letter away from a safety word, never to be corrected towards it ("shaving" is not "savings"). */
export const ordinaryWords: readonly string[] = ['shaving', 'saving', 'eaten', 'eating', 'banging', 'slipping', 'slipped', 'snapped', 'snapping', 'clapping', 'flapping', 'retrained', 'retraining', 'refrained', 'strained']
