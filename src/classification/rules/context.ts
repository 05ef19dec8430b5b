/**
 * Context that changes how urgent a safety phrase is, one phrase per line (matched on normalised text, as rules are).
 * `settled`: the harm is over or in hand; `ongoing`: it is still happening or the person is still at risk, which
 * outweighs anything settled. Weak settled phrases (recent past, a single time) count only in pairs.
 */
export interface UrgencyCue {
  id: string
  /** Finishes "the message says …" in a reason. */
  says: string
  strength: 'strong' | 'weak'
  phrases: RegExp[]
}

export const settledCues: UrgencyCue[] = [
  {
    id: 'dealt-with',
    says: 'it was dealt with',
    strength: 'strong',
    phrases: [
      /(?:was|were|been|being|got|is|are) (?:all )?(?:dealt with|sorted(?: out)?|resolved|handled|investigated|put right|sacked|dismissed|suspended|disciplined|retrained|struck off)/,
      /dealt with (?:it|that|this|straight away|at the time|properly|quickly)/,
      /(?:investigated|is investigating|are investigating|looked into it|looking into (?:it|this|that)|will look into)/,
      /(?:said|say|says) (?:they will|theyll|shell|hell|she will|he will|they would|theyd|shed|hed) (?:deal with|look into|sort|retrain|investigate)/,
      /apologi[sz]ed|(?:an|their|full) apology/,
      /(?:it|its|this|that|which|the \w+) (?:has |had |was |been )?(?:since |now )?(?:stopped|been stopped)(?! (?:\w+ing|coming|giving|doing|taking))|(?:has|have) been stopped|(?:has|have) changed (?:the|her|his|their) \w+/,
      /(?:put|added|fitted|brought in) (?:a )?(?:new )?(?:sensor|alarm|keypad|checklist|system|procedure|low bed|mat)/,
      /new (?:checklist|system|procedure|care plan|manager)/,
      /(?:moved|transferred) (?:to (?:another|a different)|her to|him to)/,
      /on (?:1 to 1|one to one)/,
      /(?:hes|shes|he has|she has|i have|we have|weve) (?:since |now )?(?:moved|left) (?:now|homes|out|to (?:a|another|a different))/,
    ],
  },
  {
    id: 'reported',
    says: 'it has been reported',
    strength: 'strong',
    phrases: [
      /(?:safeguarding|the council|social services|social worker|the police|police|the local authority|the cqc) (?:team )?(?:were|was|have been|has been|are|is|got) (?:told|informed|involved|alerted|notified|called|contacted|investigating|looking)/,
      /(?:reported|raised|referred) (?:it |this |that |him |her )?(?:to|with) (?:the )?(?:manager|council|safeguarding|police|office|nurse in charge|matron|agency|home|ward sister)/,
      /(?:i have|we have|i|we) (?:already )?(?:complained|reported it|raised it|raised a safeguarding|made a safeguarding|told the (?:manager|office|home|nurse|agency))/,
      /(?:home|ward|hospital|agency|manager|staff) (?:\w+ )?(?:reported it|made a referral|informed safeguarding|told safeguarding)/,
    ],
  },
  {
    id: 'long-ago',
    says: 'it happened long ago',
    strength: 'strong',
    phrases: [
      /(?:years|a year) ago|(?:many|several|a few|two|three|\d+) years (?:back|before)|a long time ago|long ago/,
      /(?:in|back in|during) (?:19|20)\d\d|back in the day|when (?:i|he|she) was (?:younger|a child|a teenager|little|\d+)|in my (?:teens|twenties|20s|thirties|30s)/,
      /(?:used to|would) (?:lock|hit|shout|leave|hurt|be rough)/,
      /(?:a|her|his|my|their) (?:previous|old|former|different|last) (?:home|hospital|ward|care home|placement|service|agency|carer|carers)/,
    ],
  },
  {
    id: 'checked',
    says: 'someone qualified checked and the person is all right',
    strength: 'strong',
    phrases: [
      /(?:gp|doctor|doctors|nurse|paramedics?|ambulance crew|crew|physio|district nurse|111|consultant|pharmacist|salt) (?:\w+ ){0,2}(?:checked|examined|assessed|reviewed|came out|came|looked at|spotted it|monitored)/,
      /checked (?:him|her|them|me|mum|dad|nan) over|monitored (?:him|her|them|me) (?:all night|overnight|closely)/,
      /nothing (?:was )?broken|no (?:bones )?broken|x ?ray (?:was )?clear|no harm (?:done|came)|(?:wasnt|was not|werent|were not|not) (?:hurt|harmed|injured)|unhurt/,
      /(?<!(?:say|says|said|claim|claims|insist|insists|tell me|tells me|told me|told us|tell us|wrote|writes) )(?:hes|shes|theyre|he is|she is|they are|we are|mum is|dad is|nan is|mums|dads|nans) (?:absolutely |totally |completely |all )?(?:fine|ok|okay|alright|all right|recovering|doing well|doing great|much better|better)(?: now| since| again| in (?:her|him|them)sel(?:f|ves))?(?! but)/,
      /(?:fine|ok|okay|alright|all right|better) now|(?:has|have|had|he|she|they) (?:fully |since |now )?recovered|back to (?:herself|himself|normal)/,
      /(?:was|has been|were) explained|(?:explanation|that) makes sense|showed me (?:in )?the notes|healing (?:well|nicely)|all healed|healed (?:up|now)/,
    ],
  },
  {
    id: 'no-one-at-risk',
    says: 'no one is at risk now',
    strength: 'strong',
    phrases: [
      /nothing (?:bad |serious )?(?:has )?happened yet|nothing bad yet|no (?:serious )?incidents yet|(?:no one|no ones|nobody|nobodys) (?:has been|s been|been|has|was|got) (?:hurt|harmed|injured)/,
      /nothing like that|not like that|no abuse or anything|nothing of that sort/,
      /(?:not|no one|nobody) (?:is )?(?:in (?:any )?danger|at risk)|only a matter of time|i worry what would happen|what would happen if/,
    ],
  },
  {
    id: 'recent-past',
    says: 'it was a while ago',
    strength: 'weak',
    phrases: [
      /last (?:year|month|week|spring|summer|autumn|winter|christmas|january|february|march|april|may|june|july|august|september|october|november|december)|(?:months|weeks) ago|a while ago/,
      /(?:one|a) (?:time|night|evening|morning|day)|once|one off|a mistake|by mistake|an error|one evening/,
    ],
  },
]

export const ongoingCues: UrgencyCue[] = [
  {
    id: 'happening-now',
    says: 'it is happening now',
    strength: 'strong',
    phrases: [
      /(?:is|s|are|am|cries|cry|crying|screaming|screams) (?:\w+ )?(?:in|with) (?:so much |terrible |a lot of )?pain|right now|just now|as we speak|tonight|tomorrow|this (?:morning|afternoon|evening)|since (?:this morning|yesterday|last night)|at the minute|(?:back |again |still )on shift|next shift/,
      /(?:is|are|s|keeps|keep) (?:still )?(?:being |getting )(?:hit|abused|hurt|left|starved|locked|tied|threatened|touched|attacked)/,
      /(?:hasnt|havent|has not|have not|not) (?:eaten|drunk|had (?:a drink|anything)|been (?:fed|changed|given|checked|seen)) (?:all|for|since)/,
      /(?:lying|lay|laying) on the floor|(?:no one|nobody) (?:is |s )?(?:answering|doing anything|helping|coming)|nothing is being done/,
    ],
  },
  {
    id: 'keeps-happening',
    says: 'it keeps happening',
    strength: 'strong',
    phrases: [
      /every (?:day|night|time|shift|week)|all the time|constantly|keeps (?:on )?(?:hitting|hurting|doing|happening|shouting|going)|still (?:happening|going on|doing it|hitting|hurting)/,
      /nothing (?:has|s) changed|(?:not|never) been dealt with|nothing (?:was|has been) done|(?:told|tells) (?:us |me |staff |them )?to (?:keep quiet|leave it|say nothing|mind)|(?:say|says|said) (?:its|it is) (?:her|his|their) (?:choice|decision)|(?:three|four|five|several|many|\d+) times/,
    ],
  },
  {
    id: 'afraid-now',
    says: 'someone is afraid now',
    strength: 'strong',
    phrases: [
      /(?:is|are|am|s|i am|hes|shes|theyre) (?:so |really |very )?(?:scared|terrified|frightened|afraid)(?!(?: \w+){1,2} (?:will|might|could|would))/,
      /please (?:help|do something|can someone)|help (?:me|us) please|(?:needs|need) help (?:now|urgently)/,
    ],
  },
]
