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
  /** Says only that someone was told, or when it began: it does not settle harm the message shows happening now. */
  notWhenHarmedNow?: true
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
      /(?<!(?:not|never|isnt|wasnt|nothing) (?:\w+ )?)(?:all |its |it is |it was |thats |that is )?(?:sorted|fixed|resolved|put right) (?:now|since|straight away|quickly|the same day|within)/,
      /(?:manager|home|agency|they|trust|hospital|owner|matron) (?:has |have |had )?(?:suspended|sacked|dismissed|disciplined|retrained|removed) (?:her|him|them|the)/,
      /(?:shes|hes|theyre|theyve|she has|he has|they have|who was|who has) (?:been )?(?:suspended|sacked|dismissed|arrested|charged)|(?:was|were|been|got) arrested/,
      /(?:taken|took|removed|moved) (?:her|him|them|the carer|the worker) off (?:his|her|their|my|mums|dads) (?:calls|visits|rota|shifts?|ward|unit|floor)/,
      /(?:investigated|(?:is|are) (?:already |now )?investigating|looked into it|looking into (?:it|this|that)|will look into)/,
      /(?:said|say|says) (?:they will|theyll|shell|hell|she will|he will|they would|theyd|shed|hed) (?:deal with|look into|sort|retrain|investigate)/,
      /apologi[sz]ed|(?:an|their|full) apology/,
      /(?:it|its|this|that|which|the \w+) (?:has |had |was |been )?(?:since |now )?(?:stopped|been stopped)(?! (?:\w+ing|coming|giving|doing|taking))|(?:has|have) been stopped|(?:has|have) changed (?:the|her|his|their) \w+/,
      /(?:put|added|fitted|brought in) (?:a )?(?:new )?(?:sensor|alarm|keypad|checklist|system|procedure|low bed|mat)/,
      /new (?:checklist|system|procedure|care plan)/,
      /(?:is|are) (?:now )?(?:reviewing|reassessing)|review (?:is |has been )?(?:booked|arranged|planned|due)|(?:popping|pops|calling|checking|looking|going) in (?:on (?:her|him|them) )?(?:daily|every day|each day|twice a day)/,
      /(?:was|were|been|has been|have been) (?:fully )?(?:reviewed|debriefed)|(?:did|had|held) a (?:debrief|review|meeting)|(?:changed|updated|reviewed|rewrote|revised) (?:his|her|their|the|my) (?:care |support |behaviour |risk )?(?:plan|assessment|plans)/,
      /(?:is|are|s|it is|its) (?:now )?being treated|(?:it|its|it is|the (?:sore|wound|bruise|bruising|ulcer|infection|injury|cut|burn|skin|fracture|leg|foot|heel)) (?:is |s )?(?:now )?(?:healing|improving|on the mend|getting better)|(?:now|currently) (?:being treated|settled|healing|improving)|(?:nurses?|doctors?|they|district nurses?|tissue viability|gp|physio|team) (?:are|is) (?:now )?(?:treating|dressing|redressing|managing|monitoring) (?:it|them|the \w+|her|him)/,
      /(?:shes|hes|theyre|she is|he is|they are|i am|now) (?:back )?(?:home|discharged)(?: now)? and (?:doing|getting|feeling) (?:better|well|fine|ok)|(?:now|since) (?:discharged|home) and|(?:doing|getting) (?:much |a lot |really )?(?:better|well) now/,
      /(?:moved|transferred) (?:to (?:another|a different)|her to|him to)/,
      /on (?:1 to 1|one to one)|(?:1 \| 1|1 ?1|1 to 1|one to one) (?:staffing|support|care|obs|observations?) (?:\w+ )?(?:put in|in place|started|arranged)/,
      /police (?:\w+ ){0,2}(?:took|arrested|removed|escorted) (?:a |the )?(?:staff member|member of staff|carer|worker|nurse|him|her) (?:away|off|out)/,
      /(?:hes|shes|he has|she has|i have|we have|weve) (?:since |now )?(?:moved|left) (?:now|homes|out|to (?:a|another|a different))/,
      /(?:got|gets|get|gave|gives|given|handed) (?:it|them|(?:her|his|their|my|the) \w+) back|(?:was|were|been) (?:given|handed) back/,
      /(?:engineer|plumber|electrician|landlord|maintenance|gas board|fire brigade|fire service) (?:\w+ ){0,4}(?:fixed|repaired|sorted|replaced|capped|made safe|made it safe)/,
      /(?:off|suspended|stood down|removed) (?:work )?(?:pending|during|while|whilst) (?:an |the )?(?:investigation|inquiry|enquiry|review)|(?:is|are|was|were) (?:now )?(?:under|pending) investigation/,
      /(?:has|have|had) done a (?:review|debrief)|(?:retrained|suspended|disciplined|dismissed|sacked) (?:the|that) (?:nurse|carer|care worker|worker|staff member|member of staff|driver|senior|manager)|(?:is|are|s) (?:not|no longer) (?:working|employed|allowed) (?:there|here|at|with)/,
    ],
  },
  {
    id: 'reported',
    says: 'it has been reported',
    strength: 'strong',
    notWhenHarmedNow: true,
    phrases: [
      /(?:safeguarding|the council|social services|social worker|the police|police|the local authority|the cqc) (?:team )?(?:were|was|have been|has been|are|is|got) (?:already |now )?(?:told|informed|involved|alerted|notified|called|contacted|investigating|looking)/,
      /(?:reported|raised|referred) (?:it |this |that |him |her )?(?:to|with) (?:the )?(?:manager|council|safeguarding|police|office|nurse in charge|matron|agency|home|ward sister|local authority|social services|social worker|lado|cqc)/,
      /(?:i have|we have|i|we) (?:already )?(?:complained|reported it|raised it|raised a safeguarding|made a safeguarding|told the (?:manager|office|home|nurse|agency))/,
      /(?:safeguarding )?(?:referral|alert) (?:has |had |was )?(?:gone|went|been|put) in|(?:made|raised|submitted|sent|put in) (?:a )?safeguarding (?:referral|alert|concern)/,
      /(?:home|ward|hospital|agency|manager|staff) (?:\w+ )?(?:reported it|made a referral|informed safeguarding|told safeguarding)/,
      /police (?:came|attended|(?:have|has) (?:come|been|attended)|were called|have been called|took (?:a |his |her |my |our )?statements?|are involved|were involved|have been involved|got involved)/,
    ],
  },
  {
    id: 'long-ago',
    says: 'it happened long ago',
    strength: 'strong',
    notWhenHarmedNow: true,
    phrases: [
      /(?:years|a year) ago|(?:many|several|a few|two|three|\d+) years (?:back|before)|a long time ago|long ago/,
      /(?:in|back in|during) (?:19|20)\d\d|back in the day|when (?:i|he|she) was (?:younger|a child|a teenager|little|\d+)|in my (?:teens|twenties|20s|thirties|30s)|as a (?:child|kid|teenager|teen|young (?:man|woman|person|lad|girl)|boy|girl)|between (?:19|20)\d\d and/,
      /(?:used to|would) (?:lock|hit|shout|leave|hurt|be rough)/,
      /(?:a|her|his|my|their) (?:previous|old|former|different|last) (?:home|hospital|ward|care home|placement|service|agency|carer|carers)/,
      /long behind (?:him|her|me|us|them)|(?:hasnt|has not|havent|have not|hadnt|had not) (?:self harmed|cut (?:him|her|my|them) ?sel(?:f|ves)|harmed (?:him|her|my|them) ?sel(?:f|ves)|overdosed|tried anything) (?:\w+ ){0,2}(?:for|in) (?:over )?(?:\w+ )?(?:years|a decade)/,
    ],
  },
  {
    id: 'checked',
    says: 'someone qualified checked and the person is all right',
    strength: 'strong',
    phrases: [
      /(?:gp|doctor|doctors|nurse|paramedics?|ambulance crew|crew|physio|district nurse|111|consultant|pharmacist|salt) (?:\w+ ){0,2}(?:checked|examined|assessed|reviewed|came out|came|looked at|spotted it|monitored)/,
      /(?:gp|doctor|doctors|nurse|paramedics?|district nurse|consultant) saw (?:it|her|him|them)(?= \||$)|(?:they|staff|carers|the home|the nurse|the doctor) checked (?:him|her|them|me|mum|dad|nan)(?! (?:every|each|once))|checked (?:him|her|them|me|mum|dad|nan) over|monitored (?:him|her|them|me) (?:all night|overnight|closely)/,
      /(?:turned|turns) out (?:to be|it was|to have been|its|it is|she|he|they|shed|hed|theyd|shes|hes|theyre)|(?:it|which) was (?:only|just) (?:a |an )?\w+|nothing (?:was )?broken|no (?:bones )?broken|x ?ray (?:was )?clear|no harm (?:done|came)|(?:wasnt|was not|werent|were not|isnt|is not|arent|are not|not) (?:hurt|harmed|injured)|unhurt/,
      /(?<!(?:say|says|said|claim|claims|insist|insists|tell me|tells me|told me|told us|tell us|told him|told her|told them|tells him|tells her|wrote|writes) )(?:hes|shes|theyre|he is|she is|they are|we are|mum is|dad is|nan is|mums|dads|nans) (?:absolutely |totally |completely |all )?(?:fine|ok|okay|alright|all right|recovering|doing well|doing great|much better|better)(?: now| since| again| in (?:her|him|them)sel(?:f|ves))?(?! but)/,
      /(?:back )?home (?:safe and well|and (?:well|recovering|doing well))|(?:fine|ok|okay|alright|all right|better) now|(?:has|have|had|he|she|they) (?:fully |since |now )?recovered|back to (?:herself|himself|normal)/,
      /(?:it was|its|it is) (?:the |his |her )?(?:illness|dementia|delirium|infection|condition)(?: \|)? not (?:him|her|them)|(?:was|has been|were) explained|(?:nurse|doctor|gp|home|staff|they|she|he) explained\b|(?:bruis\w*|marks?|sores?|skin tears?) (?:\w+ ){0,4}(?:from|because of|due to|caused by) (?:the |her |his |a |my )?(?:blood tests?|injections?|cannulas?|drips?|blood thinners|warfarin|falls? at home|hoist|sling|operation|surgery|bed ?rails?|bumpers?|wheelchair|walking frame|zimmer|footplate|door ?frame|furniture)|(?:its|it is|it was|theyre|they are|they were|thats) (?:\w+ ){0,2}(?:from|because of|due to|caused by) (?:the |her |his |a |my )?(?:blood tests?|injections?|cannula\w*|drips?|(?:bp|blood pressure) cuffs?|blood thinners|warfarin|hoist|sling|bed ?rails?)|(?:explanation|that) makes sense|showed me (?:in )?the notes|healing (?:well|nicely)|all healed|healed (?:up|now)/,
    ],
  },
  {
    id: 'responded',
    says: 'help came and the person is being looked after',
    strength: 'strong',
    phrases: [
      /(?:ambulance|paramedics?|crew|doctors?|district nurses?|gp|out of hours|111|crash team|resus team|outreach team) (?:\w+ )?(?:came|arrived)|(?:crash|resus|outreach) team (?:\w+ ){0,3}(?:round|there|with) (?:him|her|them)|(?:nurses?|staff|carers?) (?:\w+ )?(?:came|arrived) (?:quickly|straight away|immediately|right away|running|to help|within)|(?:ambulance|paramedics?|crew|doctors?|nurses?|staff|carers?) (?:\w+ )?(?:did cpr|did back blows|got (?:him|her|them) (?:breathing|up)|took (?:him|her|them) (?:in|to))|did cpr|back blows/,
      /took (?:\w+ ){0,4}to (?:attend|arrive|come|turn up|get (?:here|there|to us|to me)|reach (?:us|her|him|them|me))|(?<!(?:have|ve|has|s|been|still|are|is) )(?:had to wait|waited) (?:over |nearly |almost |about |more than |a full |an |a )?(?:\w+ )?(?:hours?|minutes|mins)(?: \w+){0,3} (?:for (?:an |the )?(?:ambulance|paramedics|crew)|whilst|while)|(?:had to wait|waited) (?:\w+ ){0,4}(?:for|before) (?:an |the )?(?:ambulance|paramedics|crew|help) (?:to )?(?:came|arrived|turned up|got)|saved (?:his|her|my|their) life|(?:called|rang|phoned) (?:999|an ambulance|the paramedics)|(?:seen|treated) (?:straight away|immediately|quickly|right away)/,
      /(?:is|s|shes|hes|are) (?:now )?(?:doing (?:well|fine|better|ok)|recovering|on the mend|stable)|(?:home|back home) (?:now )?(?:and|feeling) (?:well|better|much better|fine)/,
    ],
  },
  {
    id: 'no-one-at-risk',
    says: 'no one is at risk now',
    strength: 'strong',
    phrases: [
      /nothing (?:bad |serious )?(?:has )?happened yet|(?:hasnt|havent|has not|have not) (?:got|caught|had) it yet|nothing (?:has )?gone (?:badly |seriously |really )?wrong yet|nothing bad yet|no (?:serious )?incidents yet|(?:no one|no ones|nobody|nobodys) (?:has been|s been|been|has|was|got) (?:hurt|harmed|injured|dropped)(?: or (?:hurt|harmed|injured|dropped))?/,
      /nothing like that|not like that|no abuse or anything|nothing of that sort/,
      /(?:no one|no ones|nobody|nobodys) (?:has |s )?(?:yet )?(?:missed (?:a|any) (?:dose|doses|meds|medication|medicines|tablets|meals?|visits?)|gone without|come to (?:any )?harm)/,
      /(?:not|no one|no ones|nobody|nobodys|isnt|is not|arent|are not|wasnt|was not|werent|were not) (?:is )?(?:in (?:any )?danger|at (?:any )?risk)|only a matter of time|i worry what would happen|what would happen if/,
      /(?:no one|no ones|nobody|nobodys|none of (?:them|the \w+)) (?:is|was|were|has been|s been|got|became|is being) (?:seriously |badly |really )?(?:ill|unwell|hurt|harmed|injured|affected)|no (?:ill|lasting|harmful|bad) effects|no (?:further|more|other) (?:incidents|problems|episodes|falls|issues)(?! since (?:yesterday|last night|this morning))/,
      /(?:dont|do not|didnt|did not) know of (?:anyone|anybody|any one) (?:being |getting )?(?:hurt|harmed|injured)|not aware of (?:anyone|anybody) (?:being |getting )?(?:hurt|harmed|injured)/,
      /(?:no one|no ones|nobody|nobodys|never) (?:has |s |have )?(?:ever )?(?:raised a hand|laid a (?:hand|finger)) (?:to|on)|(?:no one|nobody|nobodys|no ones) (?:is|s|was|has been|s been) (?:\w+ )?(?:hurting|harming|hitting|hurt|harmed|hit) (?:her|him|them|me)|no (?:marks|bruises|bruising|injuries|scratches)(?: \|)? (?:and )?no (?:marks|bruises|bruising|injuries|scratches)/,
      /(?:hes|shes|he is|she is|he has|she has|they have|theyve|theyre|they are|im|i am|ive) (?:\w+ and )?not (?:come to (?:any )?harm|(?:been )?suicidal|a (?:risk|danger) to (?:him|her|them|my)sel(?:f|ves)|a risk to (?:anyone|anybody))|(?:hasnt|has not|havent|have not) come to (?:any )?harm|(?:no one|nobody|nobodys) (?:\w+ )?harmed that i know of/,
    ],
  },
  {
    id: 'well-now',
    says: 'the person is safe and well',
    strength: 'strong',
    phrases: [
      /(?<!(?:say|says|said|saying|claim\w*|insist\w*|tell|tells|told|telling|wrote|writes|written|recorded|seemed|seems|looked|looks|if|whether|other|asked|asks)(?: \w+){0,4} )(?<!other )(?:patients|residents|everyone|everybody|everyones|everybodys|the (?:residents|patients|children|kids|baby)|(?:she|he|they|mum|dad|nan|i|we|baby) (?:was|were|is|are|am)|shes|hes|theyre|i am|we are|we were|i was) (?:are |is |were |was )?(?:all )?(?:safe|fine|ok|okay|unharmed|alright|all right)(?: now)?(?! but| for now| apart| except| until| at the moment| at first| then| when)|(?:so|and) is (?:the baby|my baby|she|he|mum|dad)/,
      /(?:hes|shes|he is|she is|theyre|they are) now (?:a |an )?(?:\w+ ){0,2}(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:month|year) old|(?:hes|shes|he is|she is|theyre|they are|baby is|babys) (?:now )?(?:back )?home(?: now)? and (?:\w+ ){0,3}(?:feeding|eating|thriving|growing|doing (?:well|great|fine)|well|fine|settled)|(?:back|home) (?:the )?(?:same|next) (?:night|day|evening|morning|afternoon) and (?:well|fine|ok|okay|alright|all right|settled)|(?:healed|mended) (?:perfectly|well|nicely|fine|up|completely|fully)|(?:shes|hes|she is|he is|they are|theyre) (?:safe|well) and (?:eating|well|settled|happy|comfortable)|(?:got|get|getting) (?:him|her|them|me|mum|dad) (?:walking|talking|eating|up and about|back on (?:his|her|their|my) feet) again/,
      /(?:he|she|they|mum|dad|nan) (?:came|come|got|was sent|went) (?:back )?home (?:last|yesterday|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|after (?:a|two|three|\d+)|the (?:next|same|following) day|a (?:week|few days|day|fortnight) later|(?:\d+|two|three|four) (?:days|weeks) later)/,
      /(?:shes|hes|she is|he is|they are|theyre|was|were|been) (?:now )?(?:found|back|home|returned)(?: home)? (?:\| )?(?:safe|safely|unharmed|unhurt|safe and (?:well|sound))|found (?:safe|unharmed|unhurt|safe and well)/,
      /(?:shaken|shook up|shaken up|upset|bruised|sore|a bit nervous|nervous|tearful|tired) but (?:ok|okay|fine|alright|all right|well|safe|settled)/,
      /(?:shes|hes|she is|he is|theyre|they are|mum is|dad is|nan is) (?:now )?(?:very |really |quite )?well (?:now|again|in (?:her|him|them)sel(?:f|ves))|(?<!(?:say|says|said|claim\w*|insist\w*|tell|tells|told|if|whether)(?: \w+){0,4} )(?:my|our) (?:uncle|aunt|auntie|brother|sister|son|daughter|mum|dad|nan|grandad|grandma|husband|wife|partner|father|mother|friend|baby|boy|girl|lad) (?:is|was) (?:now )?(?:safe|fine|ok|okay|unharmed|alright|all right)(?: now)?(?! but| for now| apart| except| until| at the moment| at first| then| when)/,
      /(?:shes|hes|theyve|she has|he has|they have|she|he|they|mum|dad|nan) (?:has |have )?(?:fully |since |now |thankfully )?(?:recovered|pulled through)|made a full recovery|(?:pt|patient) (?:is |s )?(?:well|fine|ok) now|(?:home|back home) now(?: and)? (?:eating|sleeping|resting|walking|back to)/,
    ],
  },
  {
    id: 'recent-past',
    says: 'it was a while ago',
    strength: 'weak',
    phrases: [
      /last (?:year|month|week|spring|summer|autumn|winter|christmas|january|february|march|april|may|june|july|august|september|october|november|december)|(?:months|weeks) ago|a while ago|(?:\w+|\d+) (?:months|weeks) on|when (?:he|she|they|mum|dad) (?:first )?(?:arrived|came in|moved in)/,
      /(?:one|a) (?:time|night|evening|morning|day)|(?<!at |all at )once(?! (?:a|an|every|more|again)\b)|one off|a mistake|by mistake|an error|one evening/,
    ],
  },
]

export const ongoingCues: UrgencyCue[] = [
  {
    id: 'happening-now',
    says: 'it is happening now',
    strength: 'strong',
    phrases: [
      /(?:is|s|are|am|cries|cry|crying|screaming|screams) (?:\w+ )?(?:in|with) (?:so much |terrible |a lot of )?pain|right now|just now|as we speak|by the minute|(?:getting|going|looks?|looking) (?:paler|greyer|grayer|weaker|worse and worse)|tonights?|tomorrow|this (?:morning|afternoon|evening)|since (?:this morning|yesterday|last night)|at the minute|(?:back |again |still )on shift|next shift/,
      /(?:is|are|s|keeps|keep) (?:still )?(?:being |getting )(?:hit|abused|hurt|left|starved|locked|tied|threatened|touched|attacked)/,
      /(?:hasnt|havent|has not|have not|not) (?:eaten|drunk|had (?:a drink|anything)|been (?:fed|changed|given|checked|seen)) (?:all|for|since)/,
      /(?:is|s|are|shes|hes|theyre|has been|have been|keeps|still) (?:\w+ ){0,2}?(?:fitting|seizing|convulsing|(?:going|turning) (?:grey|gray|blue)|gasping|struggling to breathe|bleeding|unresponsive|unconscious)/,
      /(?:has|have|is|s|are) (?:gone |still |now |been )?missing|(?:been|gone) missing|(?:cant|cannot|can not|still not|not) (?:find|found|been found|traced)(?: (?:her|him|them))?(?= |$)/,
      /(?:lying|laying) on the (?:kitchen |bathroom |bedroom |toilet |lounge |living room |hall |hallway |landing |corridor |cold |wet |hard |concrete |tiled )?floor|(?:is|s|are|still|been) lay on the (?:kitchen |bathroom |bedroom |toilet |lounge |living room |hall |hallway |landing |corridor |cold |wet |hard |concrete |tiled )?floor|still (?:\w+ ){0,4}(?:screaming|crying|in (?:\w+ )?pain|in agony|bleeding|on the (?:kitchen |bathroom |bedroom |toilet |lounge |living room |hall |hallway |landing |corridor |cold |wet |hard |concrete |tiled )?floor)|(?<!(?:if|whether) )(?:its|it is|this is) still (?:happening|going on)|(?<!(?:if|whether) (?:its|it is|this is) )still happening|(?:no one|nobody) (?:is |s )?(?:answering|doing anything|helping|coming)|nothing is being done/,
    ],
  },
  {
    id: 'keeps-happening',
    says: 'it keeps happening',
    strength: 'strong',
    phrases: [
      /(?<!(?:(?:review|reviews|check|checks|checked|checking|monitor|monitors|monitored|rang|rings|phoned|phones|called|calls)(?: on| in on)?(?: me| him| her| them| us| mum| dad)?|(?:visit|visits|visited|visiting|pops in on|popped in on) (?:me|him|her|them|us|mum|dad)) )every (?:day|night|time|shift|week)|all the time|constantly|keeps (?:on )?(?:hitting|hurting|doing|happening|shouting|going)|still (?:happening|going on|doing it|hitting|hurting)/,
      /nothing(?: has| s|s| is|s been| has been)? (?:changed|been done|being done)|(?:not|never) been dealt with|nothing (?:was|has been) done|(?:told|tells) (?:us |me |staff |them )?to (?:keep quiet|leave it|say nothing|mind)|(?:say|says|said) (?:its|it is) (?:her|his|their) (?:choice|decision)|(?:three|four|five|several|many|\d+) times/,
    ],
  },
  {
    id: 'afraid-now',
    says: 'someone is afraid now',
    strength: 'strong',
    phrases: [
      /(?:is|are|am|s|i am|hes|shes|theyre) (?:so |really |very )?(?:scared|terrified|frightened|afraid)(?!(?: \w+){1,2} (?:will|might|could|would))(?! (?:to|of) (?:raise|speak|report|complain|say|tell|lose|losing|whistle))/,
      /please (?:help|do something|can someone)|help (?:me|us) please|(?:needs|need) help (?:now|urgently)/,
      /(?:begged|begging|begs|pleaded|pleading|pleads) (?:me |us |them |staff )?(?:to|not to|for)/,
    ],
  },
  {
    id: 'not-acted-on',
    says: 'the concern was not acted on and the person is still exposed',
    strength: 'strong',
    phrases: [
      /(?:is|s|are|was|were|been|hes|shes|theyre) (?:still|back|again) (?:working|on (?:shift|duty|the floor|the rota|the ward|nights|days|lates|earlies)|rostered|caring for|looking after|in charge|allowed)|(?:on|back on) (?:shift|duty|the rota|the floor) again|(?:is|s|are|been) rostered|still (?:works?|working) (?:with|on) (?:her|him|them|the|my|his|that|this|nights|lates|days|earlies)/,
      /(?:and|but|yet) nothing (?:happened|was done|came of it|changed)|(?:laughed|shrugged|brushed|fobbed) (?:it |me |us )?(?:off|and said)|(?:said|told (?:me|us)) (?:not to worry|to leave it|it was nothing)|(?:dont|do not|didnt|did not) (?:think|believe) (?:its|it is|it s|it was|anything|anyone|they) (?:being |been |is being |has been |will be )?(?:done|looked into|investigated|dealt with|taken seriously|reported|doing anything)/,
      /(?:is|s|hes|shes|now|still) (?:now )?(?:working|volunteering|volunteers|coaching|driving|helping out|works)(?: \w+| \|){0,12} (?:kids|childrens?|young people|teenagers|vulnerable (?:adults|people))\b|(?:handled|dealt with|kept) in house|(?:no one|nobody) (?:has )?(?:done|did) anything|(?:hasnt|havent|has not|have not|wasnt|was not) been (?:reported|investigated|suspended|dealt with|looked into)/,
      /(?:didnt|did not|never|havent|have not|hasnt|has not|wouldnt|would not) (?:get|have|had) (?:him|her|them|mum|dad|nan|it) (?:checked|seen|looked at|x rayed)/,
      /covered (?:it |this |that |\w+ )?up|cover (?:it |this |that )?up|(?:rewrote|rewritten|rewriting|changed|altered|falsified|falsifying|doctored|backdated|made up|deleted|shredded) (?:\w+ ){0,3}(?:notes|records?|incident (?:forms?|reports?)|charts?|datix|times|entries)|(?:datix|incident (?:forms?|reports?)|referrals?|reports?|notes|records|charts|entries) (?:\w+ ){0,3}(?:was|were|got|been) (?:deleted|removed|binned|shredded|changed|altered|rewritten|falsified|doctored|backdated)|(?:told|tells|telling|warned) (?:\w+ ){0,2}(?:not to|to stop) (?:report|reporting|send|sending|say|tell|raise|raising)|(?:sack|fire|discipline|get rid of) (?:anyone|anybody|whoever|us|me) (?:who|that|if)/,
    ],
  },
]

/**
 * Whether a person is being harmed or is in danger now: the evidence a category that is serious but not in itself an
 * emergency (staffing, infection control, records, a regime, a worker's report, unsafe care) needs before it pages.
 * A harm phrase says what is happening to someone; a time phrase says it is happening now (or within the last day);
 * a past phrase places it before. Matched on normalised text, one phrase per line.
 */
export interface PresenceCues {
  harm: RegExp[]
  now: RegExp[]
  /** Habits ("every night", "always"): now, unless the sentence places them in the past ("last year … every night"). */
  habitual: RegExp[]
  past: RegExp[]
}

export const presenceCues: PresenceCues = {
  harm: [
    /(?:in|with) (?:\w+ )?(?:pain|agony)|crying|cries|screaming|screams|sobbing|distressed|moaning/,
    /(?:finger|grip|hand|slap|rope|strap|red|purple|pinch) ?(?:shaped )?marks|marks? (?:on|round|around|across|over) (?:his|her|their|my|the) \w+|dragg\w*|twist\w* (?:\w+ )?(?:arms?|legs?|wrists?|fingers?|hands?)|pinch\w*|(?:crush\w*|hid\w*|hiding|disguis\w*|put\w*|slipp\w*) (?:\w+ ){0,3}(?:tablets|pills|meds|medication|medicines?) (?:in|into) (?:\w+ ){0,2}(?:food|drinks?|tea|yoghurt|porridge)|(?:without|no) (?:any )?(?:authorisation|consent|prescription|name on)/,
    /(?:sit|sits|sat|sitting|left|leave|leaves|leaving|kept|keep) (?:\w+ ){0,4}in (?:a |an |the |his |her |their )?(?:wet|soiled|dirty|soaking|soaked|damp) (?:clothes|clothing|pads?|sheets|beds?|nappies)|as (?:a )?(?:punishment|lesson)|to (?:punish|teach) (?:him|her|them)/,
    /(?:climb\w*|jump\w*|lean\w*|fall\w*|fell) (?:out|out of|from|off) (?:the |a |her |his |their )?(?:windows?|balcony|roof|top floor)|(?:trying|tries|tried) to climb out|(?:window )?restrictors? (?:\w+ ){0,3}(?:broken|missing|removed)/,
    /(?:banged|bumped|hit|cracked|knocked|smacked) (?:her|his|their|my) head|(?:nobody|no one) (?:has |have )?(?:checked|examined|seen|looked at) (?:her|him|them)(?: over)?/,
    /bleeding|bruis\w*|injur\w*|wounds?|burns|burnt|broken (?:skin|bones?|arm|arms|leg|legs|wrist|hip|ankle|nose|jaw|ribs?|collar ?bone|fingers?)|fractur\w*|(?:pressure )?(?:sores?|ulcers?)|skin (?:is )?(?:breaking|broken|raw|torn)/,
    /on the (?:kitchen |bathroom |bedroom |toilet |lounge |living room |hall |hallway |landing |corridor |cold |wet |hard |concrete |tiled )?floor|(?:man|woman|lady|gentleman|resident|patient|he|she|him|her|mum|dad|nan|nana|gran|grandad|grandma|grandpa|husband|wife|someone|somebody|person|baby|child|son|daughter|brother|sister|friend|neighbour) (?:is |s |still |lying |laying |left |been |was )?on floor|collapsed|droop\w*|slurr\w*|not making (?:much |any )?sense|(?:struggling|struggles|fighting) to (?:swallow|breathe)|(?:had|having|has) (?:a |another |two |three |several )?(?:fit|fits|seizures?)(?! (?:of|if|when|at))|(?:need|needs|needed|urge) to push|unconscious|unresponsive|out cold|febrile|(?:cant|wont|couldnt|cannot|not|barely|hardly|stopped|stops|unable to) (?:(?:wake|waking)(?! up (?:early|in time|for)| (?:early|in time|for)\b)|breathe|breathing|swallow|stand)|(?:cant|cannot|couldnt|not) be (?:woken|roused)|(?:passing|vomiting|coughing|bringing) (?:up )?blood|nose ?bleed\w*|nose (?:\w+ ){0,2}(?:pouring|gushing|bleeding|wont stop)|blood in (?:his|her|their|my) (?:wee|urine|poo|stools?|sick)|fitting|seizures?|chok\w*|(?:went|gone|going|turned|turning) (?:blue|grey|gray)|(?<!(?:make|makes|made|making) me )drowsy|delirious|(?:head|neck|arm|leg|foot|hand) (?:got |gets |was |is |keeps getting )?(?:caught|stuck|trapped|wedged) (?:in|between|under|behind)|(?:needs?|relies on|depends on) (?:it|them|this|that|the machine|the oxygen) to (?:breathe|clear (?:his|her|their|my) (?:airway|chest)|stay alive|live)|(?:pins?|pinned|pinning|grabs?|grabbed|grabbing|holds?|held|holding|drags?|lifts?|lifted) (?:\w+ ){0,8}by (?:the |his |her |their )?(?:neck|throat|hair|collar)/,
    /(?:no|without|not given|not getting) (?:any )?(?:food|water|drinks?|fluids|heating|meals|medication|meds|insulin)|(?:turn\w*|switch\w*|put\w*|kept|keep\w*) (?:\w+ ){0,2}heating off|(?:not|hasnt|havent|hadnt|hasnt been|not been|hardly|barely) (?:eaten|drunk|fed|had a drink|had anything)|hungry|starving|starved|dehydrated|soaked|soiled|sat in (?:urine|faeces|poo|wee)|lost (?:\w+ ){0,2}(?:stone|weight)|too weak/,
    /(?:walked|wandered|got|slipped) (?:out|off|away)(?! (?:of )?(?:the )?(?:meeting|appointment|room|consultation|interview|session|class|job))|(?:run|ran|running|runs) out of (?:food|milk|insulin|oxygen|meds|medication|medicines|pads|water|formula)|nothing left (?:\w+ ){0,10}(?:to feed|to eat)|(?:switch\w*|turn\w*|unplug\w*|disconnect\w*) (?:off |out )?(?:the )?(?:call bells?|buzzers?|door alarms?|sensor mats?)|(?:call bells?|buzzers?) (?:\w+ ){0,2}(?:switched|turned) off|(?:didnt|did not|wouldnt|couldnt|not) come round|sleeping (?:tablets|pills) (?:\w+ ){0,3}(?:arent|not|isnt) prescribed|(?:cant|cannot|can not) remember (?:my|his|her|their|your) (?:own )?name|(?:come|came|comes|coming|went|gone|going|feel|feels|feeling|felt) (?:over )?faint|anyone (?:can|could) (?:just )?(?:walk|wander|come|get) (?:in|into|off the (?:street|corridor))|(?:unable to|cant|cannot|can not|not able to) swallow/,
    /(?:scared|terrified|frightened|afraid|petrified)(?! (?:to|of) (?:raise|raising|speak|speaking|report|reporting|complain|complaining|say|saying|tell|telling|lose|losing|whistle|ask|asking))|flinch\w*|(?:begging|calling|shouting|pleading) for help/,
    /(?:hit|hits|hitting|slapped|slaps|kicked|kicks|kicking|punched|punches|(?:pushed|pushes)(?! (?:back|forward|for|through|ahead)\b)|shoved|grabbed|grabs|hurt|hurts|hurting|harmed|abused|abusing|assaulted|attacked|threatened|threatens|touching|touched)/,
    /danger|at risk|locked (?:in|up|the doors?)|doors? (?:are |is )?locked|chained|tied|strapped|pinned|held down|left (?:alone|on (?:the|her|his) own|for hours|all (?:day|night))|(?:nobody|no one) (?:is )?(?:there|checking|answering|coming|helping)|calling out|crying out/,
    /floppy|(?:wont|not|cant) (?:feed|feeding|eat|eating|drink|drinking)|swelling|swollen|fits|fitting|aspirat\w*|on oxygen|intensive care|icu|itu|resus|dizzy|(?<!(?:go|told to go|going|have to go|had to go|sent|nurse|nurses|doctor|doctors|staff|team|consultant|receptionist|everyone) )(?:in|into|to|admitted to|gone to|ended up in|taken to) (?:the )?(?:hospital|a e)|cardiac arrest|arrested|deteriorat\w*|coughs?|coughing|diarrhoea|sickness|stomach bugs?|(?:tested |testing )?positive|down with it|going round|spreading|outbreak/,
    /(?:people|residents|patients|he|she|they|mum|dad|nan|i) (?:are |is |keep |keeps |kept )?(?:falling|fell|falls)|(?:fell|fallen|dropped|slid|sliding|slipped) (?:out|off|over|on|onto|from|down)|been dropped|(?:nearly|almost) (?:dropped|fell|fallen|fall|drop)|(?:was|were|been|is|s|being|are) (?:violently |really |very )?sick(?! (?:of|and tired|leave|note|pay|days?)\b)/,
    /(?:wont|will not|refus\w*(?: to)?|didnt|did not|not|never) (?:call|ring|phone|get|fetch) (?:a |the |an )?(?:doctor|gp|ambulance|nurse|paramedics?|police|999|111)|(?:drunk|stoned|intoxicated|under the influence|(?:using|taking|smoking|doing) (?:drugs|cannabis|weed|cocaine|them)) (?:\w+ ){0,4}(?:on shift|on duty|at work|while (?:working|caring|on duty))|(?:sign|signed|signing|consent\w*|agree\w*) (?:\w+ ){0,5}(?:i|she|he|they) (?:dont|doesnt|didnt|cant|cannot|did not|do not|does not|could not|couldnt) understand/,
    /(?:missing|missed|without|no) (?:their |his |her |my )?(?:\w+ )?(?:medicines?|medication|meds|tablets|insulin|lunch|tea|dinner|breakfast|meals?|calls?|visits?)|(?:didnt|did not|dont|not|never) (?:get )?(?:fed|get fed|get (?:a |their |his |her )?(?:meal|lunch|tea|dinner|meds|medication))|went without|go without|(?:skip|skips|skipped|skipping|cut|cutting|drop|dropped|dropping) (?:\w+ ){0,3}(?:calls?|visits?|meals?)|call bells? (?:\w+ )?(?:unplugged|removed|out of reach|taken away)|out of reach/,
    /not allowed (?:out|to (?:go out|leave|see|have|ring|phone|call)|phones?|visitors|visits)|no (?:visits|visitors|contact)|(?:kept|keeps|keep|keeping|stuck) in (?:their|his|her|the) (?:rooms?|beds?)|lose (?:food|meals|contact)|lock(?:ing|s|ed)? (?:\w+ ){0,2}in (?:their|his|her|the) (?:rooms?|beds?|lounge)|(?:not|hasnt|havent|hadnt|wasnt|werent) (?:been )?given (?:any )?(?:\w+ )?(?:lunch|food|meals?|drinks?|water|tea|dinner|breakfast|meds|medication|medicines|insulin)/,
    /(?:reus\w*|sharing|shared|same|used) (?:\w+ ){0,3}(?:needles?|syringes?|insulin pens?|instruments?|scopes?|gloves|tourniquet|single use \w+|lancets?|commode|sling) (?:\w+ ){0,4}(?:between|on|for|from) (?:\w+ ){0,3}(?:patients?|residents?|people|every\w*|the next|me|him|her)|c diff|mrsa|covid|tb|norovirus|noro|scabies|hep(?:atitis)? [bc]|hiv|infected|infectious/,
    /no (?:nurse|nurses|doctor|qualified staff|trained staff|waking (?:night )?staff|staff) (?:on|at all|for|in charge)|zombie|knocked out|spaced out|asleep for (?:a day|days|hours|\w+ days)|over ?medicat\w*|(?:very|really|so|too|extremely) (?:sleepy|drowsy)|(?:double|wrong|extra|too many) (?:doses?|dose)/,
    /shaking|sweating|sweaty|clammy|sedat\w*|drugged|scratching \w+ raw|(?:without|no) (?:any )?(?:checks|care|help|being (?:checked|fed|changed|turned|washed))|(?:not|never) (?:being )?(?:checked on|turned|changed|fed|washed)|(?:dirty|used|recap\w*) needles|needle ?stick|blood on|swollen|coughing|grunting|wheez\w*|(?:struggling|fighting) (?:to|for) breath|skin and bone|thin as|freezing|(?:very|so|really) cold|filthy|falls a lot|keeps? falling|(?:on|not) (?:taking|take|takes|having) (?:his|her|their|my) (?:insulin|medication|meds|tablets)|(?:have|has) died|deaths|food poisoning|poisoned|hypos?|(?:got|gets|ran|runs|run) (?:out|off|away)|walked (?:off|out of) (?:the )?(?:ward|unit|home|building|hospital|house)|(?:didnt|did not|hasnt|has not|havent|have not|never) (?:come|came) (?:back|home)|absconded|missing|naked|humiliat\w*|degrad\w*|(?:weeing|wetting|soiling) (?:him|her|them)sel(?:f|ves)/,
    /(?:blood )?sugar (?:is|was|of)|sats|temperature|fever|vomiting|being sick|unwell|(?:is|was|very|really|so|seriously|gravely) ill|confused|infection|sepsis|septic/,
    /news2? (?:score )?(?:of |is |was |at |now )?(?:[5-9]|1\d)|in (?:only )?(?:his|her|their) (?:slippers|pyjamas|nightie|nightdress|nightclothes|dressing gown)|(?:its|it is) (?:getting )?(?:dark|raining|snowing|freezing|pouring)|calling (?:out )?(?:for )?help|(?:sat|sitting|stood|standing|climbing|climbed) on (?:the )?(?:window ?)?(?:ledge|sill)|no (?:window )?restrictors?|(?:cant|cannot|can not) swim/,
    /(?:out of date|expired|contaminated|tampered|returned) (?:\w+ ){0,2}(?:medicines?|medication|meds|tablets|vaccines?|stock|drugs)|keep using (?:the )?(?:stock|vaccines?|medicines?)|(?:with|in) (?:their|his|her) coats? on|(?:blue|grey|gray) (?:round|around|in|at) (?:the |his |her |their )?(?:lips|mouth|face)/,
  ],
  now: [
    /now (?:she|he|they|we|i|mum|dad|nan|its|it|is|are|s|shes|hes|theyre)|(?:is|are|s) now|now(?= \|)|right now|tonight|today|tomorrow|this (?:morning|morn|afternoon|evening|week|weekend)|at the (?:moment|minute)|currently|as we speak|(?<!(?:may|might|could|probably|possibly|(?:if|whether) (?:its|it is|thats|hes|shes|theyre|they are|he is|she is|this is)) )still|(?:shes|hes|theyre|she is|he is|they are|im|i am|is|are) (?:\w+ )?(?:barely|hardly|passing|covered|lying|bleeding|shaking|screaming|crying|struggling|gasping|soaked|soaking|stuck|trapped|pinned)|(?<!(?:walking|eating|drinking|smiling|talking|laughing|sleeping|herself|himself|themselves|normal|well|home) )again|anymore|any more/,
    /since (?:yesterday|last night|this morning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunch|breakfast|the weekend|\d+)|since (?:\w+ ){1,3}(?:last (?:week|night|weekend|month)|yesterday|this morning)|for (?:hours|days|(?:\w+ )?(?:hours|days|hour))/,
    /nothing (?:happens|is done|gets done|is being done|changes)|last night|yesterday|earlier|(?:is|are|am|s) (?:being|getting)|on shift|on (?:again|nights)|(?:is|are|am|s) (?:still )?(?:lying|sat|sitting|left|locked|crying|screaming)/,
  ],
  habitual: [
    /every (?:day|night|time|shift|meal|morning|evening|week)|all (?:day|night|week|weekend)|keeps?|constantly|all the time|daily|nightly|always|never|regularly|routine|at night|(?:in the )?(?:mornings|evenings|nights)|(?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekends)/,
  ],
  past: [
    /(?:years?|months?|weeks?|a while|some time) ago|last (?:year|month|week|spring|summer|autumn|winter|christmas|january|february|march|april|may|june|july|august|september|october|november|december)/,
    /before (?:he|she|they|i) (?:came|moved|went) in|on admission|in (?:january|february|march|april|may|june|july|august|september|october|november|december|the (?:spring|summer|autumn|winter)|(?:19|20)\d\d)|back in|at the time|used to|when (?:i|he|she|they) (?:was|were) (?:a |an |younger|little|small|at school|in (?:my|his|her|their) (?:teens|twenties|thirties)|\d+)/,
    /inquest|coroners?|funeral|passed away|(?:who|he|she|they|mum|dad|nan) (?:has |had )?died|bereave\w*/,
    /(?:i|we|he|she|they) (?:have |has )?(?:since )?(?:left|moved)(?! (?:her|him|them|me|us|it|mum|dad|nan|my|his|their|our|residents?|patients?|people|someone|the (?:residents?|patients?|man|woman|lady|baby))\b)|no longer (?:works?|there|lives?)|(?:previous|old|former|last) (?:home|placement|job|ward|hospital|manager|carer)|over now|(?:is|s|its|it is|it was|was|has been|been) (?:all )?(?:fixed|sorted|resolved)/,
  ],
}
