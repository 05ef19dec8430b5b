import { FuzzyVocabulary } from './fuzzy'
import { knownWords } from './knownWords'
import { ordinaryWords, safetyWords } from './safetyLexicon'
import { normaliseTokens } from './text'
import { type RiskCategory, type RiskLevel, riskLevelOrder } from './taxonomy'

export type SignpostKind = 'immediate-danger' | 'mental-health-crisis' | 'abuse'

/**
 * How a match can be cancelled by a negation just before it in the same clause ("no one hit him"):
 * `clause` looks back four words, `near` two words (for crisis statements, where we would rather signpost),
 * `none` never (the phrase already carries its negation, as in "dont want to live").
 */
type Negation = 'clause' | 'near' | 'none'

interface SafetyRule {
  level: RiskLevel
  categories: RiskCategory[]
  signpost?: SignpostKind
  negation: Negation
  /** Finishes "Describes …" in the reason an inspector reads. */
  describes: string
  pattern: RegExp
}

const person =
  '(?:him|her|me|them|us|you|mum|dad|nan|grandad|grandma|granny|residents?|patients?|people|someone|somebody|everyone|' +
  'the (?:residents?|patients?|service users?|old (?:lady|man|people)|lady|man|woman|child|children|kids?|baby)|' +
  '(?:my|his|her|our|their|a|another|the other) (?:mum|dad|nan|grandad|grandma|husband|wife|partner|son|daughter|brother|sister|' +
  'aunt|uncle|friend|relative|child|children|kids?|baby|baby|resident|patient|client|service user|lady|man|woman|boy|girl|father|mother|gran|grandmother|grandfather))'
const self = '(?:my ?self|him ?self|her ?self|them ?selves|them ?self|your ?self|ourselves)'
const possessive = '(?:my|his|her|their|our|your|the)'

function rx(source: string): RegExp {
  return new RegExp(source.replace(/PERSON/g, person).replace(/SELF/g, self).replace(/POSS/g, possessive), 'g')
}

const rules: SafetyRule[] = [
  // Risk to life: suicide and self-harm.
  { level: 'urgent', categories: ['risk-to-life'], signpost: 'mental-health-crisis', negation: 'near', describes: 'a risk of suicide',
    pattern: rx('\\b(?:suicid\\w*|(?:kill|killing|killed|hang|hanging|hanged|hurt|hurting|harm|harming|cut|cutting|starve|starving|drown|poison\\w*|hit|hits|hitting|punch\\w*|burn\\w*) SELF|end (?:it all|POSS (?:own )?life|things|everything)|ending (?:it all|POSS life|things)|take POSS (?:own )?life|taking POSS (?:own )?life|tried to (?:end|take) it)\\b') },
  { level: 'urgent', categories: ['risk-to-life'], signpost: 'mental-health-crisis', negation: 'none', describes: 'someone who does not want to live',
    pattern: rx('\\b(?:(?:want|wants|wanted|wanting|going) to die|wish (?:i|he|she|they) (?:was|were|had) (?:dead|never been born)|better off (?:dead|without me|gone)|(?:dont|doesnt|didnt) want to (?:live|be alive|be here|wake up|exist|carry on|go on)|(?:cant|cannot|couldnt|can not) (?:go on|carry on|take (?:it|this|any ?more)|cope any ?more|do this any ?more)|no (?:point|reason) (?:in )?(?:living|to live|going on|carrying on|being alive)|not worth living|life is(?: not|nt) worth|(?:nothing|no one) to live for|(?:say|said) (?:goodbye|my goodbyes) (?:to everyone|for good)|plan(?:ned|ning)? to (?:die|end))\\b') },
  { level: 'urgent', categories: ['risk-to-life'], signpost: 'mental-health-crisis', negation: 'near', describes: 'self-harm or an overdose',
    pattern: rx('\\b(?:self ?harm\\w*|over ?dos(?:e|ed|ing)|taken (?:a lot of|all (?:my|his|her|the)|loads of) (?:pills|tablets)|(?:swallowed|took) (?:a load of|all (?:my|his|her|the)|loads of|a bottle of|a packet of|a handful of) (?:pills|tablets|paracetamol)|ligature\\w*|noose|(?:saved|saving|stockpil\\w*|stash\\w*) (?:up )?(?:\\w+ ){0,2}(?:tablets|pills|meds|medication|paracetamol)|(?:tablets|pills|meds|paracetamol) (?:\\w+ )?(?:saved|stockpiled|stashed) up|(?:going to|will|wants to|want to|gonna) take (?:them|the lot|it) all|take all (?:POSS|the|them|of (?:them|POSS)) (?:tablets|pills|meds))\\b') },

  // Immediate danger to life or health.
  { level: 'urgent', categories: ['unsafe-care'], signpost: 'immediate-danger', negation: 'clause', describes: 'a medical emergency happening now',
    pattern: rx('\\b(?:not breathing|stopped breathing|(?:cant|cannot|can not|struggling to|unable to) breathe|collapsed|unconscious|unresponsive|not responding|wont wake up|(?:turning|turned|went|goes|gone) blue|choking|having a (?:fit|seizure|stroke|heart attack)|(?:bleeding|blood) everywhere|bleeding heavily|bleeding badly|lots of blood|(?:severe|crushing) chest pain)\\b') },
  { level: 'urgent', categories: ['physical'], signpost: 'immediate-danger', negation: 'clause', describes: 'a threat of violence',
    pattern: rx('\\b(?:(?:going|gonna|about|trying|tried|threaten\\w*|threat\\w* to|said he would|said she would|says he will|says she will|will) to (?:hurt|kill|hit|attack|stab|beat|strangle|harm|rape|batter|shoot|murder) PERSON|(?:threaten\\w*|threats) (?:to|of) (?:kill|hurt|hit|stab|harm|beat|rape)|(?:has|got|holding|with|carrying|pulled) a (?:knife|gun|weapon|blade|machete)|(?:kill|murder) (?:me|him|her|us|them)|in (?:immediate )?danger|(?:being|been|is being|getting) attacked|(?:help me|help us|get help) (?:please|now|quick)|(?:someone|somebody|a resident|a patient|he|she|they) (?:will|could|is going to|are going to) (?:die|get killed|be killed|get seriously hurt)|(?:theres|there is) (?:a )?fire|on fire|house is burning|smoke everywhere|gas leak)\\b') },

  // Physical abuse.
  { level: 'urgent', categories: ['physical'], signpost: 'abuse', negation: 'clause', describes: 'someone being hit or hurt',
    pattern: rx('\\b(?:hit(?! SELF)(?!s? (?:and miss|the (?:roof|spot|button|road|ground|nail|floor|wall|jackpot)|it off|a (?:wall|brick wall|bump))|ting (?:the|a) )|hits|hitting|slap\\w*|punch(?:ed|es|ing)?(?! line)|kick(?:ed|s|ing)?(?! out| off)|smack\\w*|beat (?:PERSON|up)|beaten|beating (?:PERSON|up)|battered|shov(?:ed|es|ing)|(?:pushed|pushing|push|pushes) (?:PERSON)(?! to (?!the floor|the ground)| for| into (?:doing|getting|having)| (?:hard|too hard|too much|a bit)(?! (?:against|into|onto|over|down|off)))(?!(?: \\w+){0,5} (?:wheelchair|chair|trolley|stretcher|pram|buggy))|pushed (?:over|down|into|against)|(?:held|hold|holds|holding) (?:POSS|his|her) head (?:under|down)|thr(?:ew|own|ow) (?:PERSON)|thr(?:ew|ows|ow|owing) (?:\\w+ ){0,3}(?:at|over) PERSON|grabb?(?:ed|ing|s)? (?:PERSON|by)|pinch(?:ed|ing|es) (?:PERSON)|drag(?:ged|ging|s)? (?:PERSON|along|across)|strangl\\w*|throttl\\w*|chok(?:ed|ing) (?:PERSON)|physical(?:ly)? (?:abus\\w*|assault\\w*|hurt|attack\\w*)|assault(?:ed|ing|s)?|attack(?:ed|ing) (?:PERSON)|(?:hurt|hurting|hurts|harmed|harming|injured) PERSON|rough(?:ly)? (?:handl\\w*|with)|manhandl\\w*|man handl\\w*|violen(?:t|ce) (?:to|towards|against) \\w+|spat (?:at|on)|(?:nearly|almost) drown\\w*)\\b') },
  { level: 'high', categories: ['physical'], signpost: 'abuse', negation: 'clause', describes: 'injuries that may come from abuse',
    pattern: rx('\\b(?:bruis\\w*|black eye|(?:burns|burned|scalded) (?:on )?POSS|burns? on (?:POSS )?(?:\\w+ )?(?:face|arms?|legs?|hands?|back|body|skin|neck|feet|foot|chest|bum|bottom)|bite marks|(?:marks|scratches|cuts) on (?:POSS )?(?:neck|face|arms?|legs?|wrists?|body))\\b') },
  { level: 'urgent', categories: [], signpost: 'abuse', negation: 'clause', describes: 'an allegation of abuse',
    pattern: rx('\\b(?:abus(?:e|ed|ing|ive)|mistreat\\w*|ill ?treat\\w*|cruel(?:ty)?)\\b') },

  // Sexual abuse.
  { level: 'urgent', categories: ['sexual'], signpost: 'abuse', negation: 'clause', describes: 'sexual abuse',
    pattern: rx('\\b(?:rap(?:e|ed|ing|ist)|sexual(?! health| orientation| identity| health clinic)\\w*|intimate(?:ly)? (?:examin\\w*|search\\w*|care without)|without (?:a )?chaperone|grop(?:e|ed|es|ing)|molest\\w*|fondl\\w*|touch(?:ed|es|ing)? (?:PERSON )?(?:inappropriately|up|down there|POSS (?:breasts?|private\\w*|bum|bottom|genitals|chest|crotch)|in a sexual way)|inappropriate(?:ly)? touch\\w*|touch(?:ed|es|ing)? PERSON (?:where|in places|places) (?:he|she|they|you) (?:shouldnt|should not|shouldn)|indecen\\w*|expos(?:ed|ing) (?:him|her)self|private parts|made PERSON (?:undress|strip)|sex with|(?:kissed|kissing) PERSON (?:on the lips|against)|sent (?:PERSON )?(?:nudes|naked (?:photos|pictures))|upskirt\\w*|masturbat\\w*|paedo\\w*|pedo\\w*|groom(?:ed|ing) (?:PERSON|children|kids|young))\\b') },

  { level: 'urgent', categories: ['sexual'], signpost: 'abuse', negation: 'clause', describes: 'someone entering another person\'s bed or bedroom',
    pattern: rx('\\b(?:another (?:resident|patient|man)|other (?:residents|patients|men)|a (?:male |man )?(?:resident|patient|man)|the man|he|men) (?:\\w+ ){0,3}(?:keeps |kept )?(?:gets|got|getting|climbs|climbed|climbing|comes|came|coming|goes|going|went|wanders|wandering) (?:in|into) (?:her|their|the (?:womens|ladies|female|girls)|other (?:residents|patients|peoples|womens)|womens|ladies) (?:beds?|(?:bedrooms?|rooms?) (?:at night|in the night|and (?:shuts|shut|closes|closed|locks|locked) the door|when (?:she|they) (?:is|are|was|were) (?:asleep|sleeping|in bed)))\\b') },

  // Psychological or emotional abuse.
  { level: 'high', categories: ['psychological'], signpost: 'abuse', negation: 'clause', describes: 'psychological or emotional abuse',
    pattern: rx('\\b(?:bull(?:y|ied|ies|ying)|humiliat\\w*|intimidat\\w*|degrad(?:ed|ing)|belittl\\w*|taunt\\w*|(?:scream|shout|yell|swear|swore|sworn)\\w* (?:at|in the face of) PERSON|(?:mock|laugh|sneer)\\w* at PERSON|film(?:ed|ing|s)? (?:PERSON|them)|post(?:ed|ing)? (?:it|them|videos?|photos?) (?:online|on facebook|on social media)|call\\w* PERSON (?:names|stupid|fat|disgusting|a \\w+)|verbal(?:ly)? (?:abus\\w*|aggress\\w*|attack\\w*)|emotional(?:ly)? abus\\w*|psychological(?:ly)? abus\\w*|(?:threaten|threatened|threatening) (?:to|PERSON)|(?:scared|frightened|terrified|afraid) of (?:the )?(?:(?:night|day|male|female|new|agency|other) )?(?:staff|carers?|nurses?|manager|him|her|them|going back|being)|(?:too )?(?:scared|frightened|terrified|afraid) to (?:say|tell|speak|complain|report|go back|sleep)|(?:(?:wont|doesnt|didnt|dont|wouldnt|stopped) let|(?:not|arent|stopped) letting) (?:PERSON )?(?:see|speak|talk|phone|call|ring|contact) |(?:hear|heard|hearing) (?:PERSON )?(?:crying|screaming|sobbing|begging) )') },

  { level: 'urgent', categories: ['psychological'], signpost: 'abuse', negation: 'clause', describes: 'someone showing fear of the people around them',
    pattern: rx('\\b(?:(?:flinch\\w*|cower\\w*|recoil\\w*) (?:\\w+ )?(?:when|whenever|every time|as soon as|if) (?:\\w+ ){0,3}(?:comes?|came|walks?|goes|gets|touch\\w*|approach\\w*|rais\\w*|near|in the room|moves?|goes near)|(?:flinch\\w*|cower\\w*|recoil\\w*) (?:away )?from (?:him|her|them|the \\w+|staff|carers?))\\b') },

  // Financial or material abuse.
  { level: 'urgent', categories: ['financial'], signpost: 'abuse', negation: 'clause', describes: 'money or belongings being taken',
    pattern: rx('\\b(?:(?:took|taking|takes|take|stole|stolen|steal|stealing|steals|nicked|pinched|helped (?:him|her|them)selves to|using|used|uses|emptied|drained|spending|spent|selling|sold|sells|pawned) (?!(?:my|our|his|her|their) own |up )(?:\\w+ ){0,3}(?:money|cash|bank cards?|debit cards?|credit cards?|pension|savings|benefits|jewell?e?ry|rings?|valuables|belongings|purse|wallet|possessions)|(?:took|taking|takes|take|stole|stolen|steal|stealing|nicked|selling|sold) POSS (?:\\w+ )?(?:phone|mobile|things|stuff|handbag|tv|ipad|tablet|clothes|food|shopping)|(?:purse|wallet|bank account|money tin|savings) (?:\\w+ ){0,3}(?:empty|emptied|short|cleared out)|(?:making|make|makes|made|forcing|forced|pressured|getting|gets|got) (?:PERSON )?(?:to )?sign (?:\\w+ )?(?:cheques?|checks|over|wills?|power of attorney|loans?|bank \\w+|things (?:she|he) (?:doesnt|didnt|cant))|withdrawals? (?:\\w+ ){0,4}(?:never|didnt|did not|not) (?:made|make|do|did)|(?:money|cash|jewell?e?ry|rings?|wedding ring|valuables|belongings|purse|wallet|savings|bank card) (?:has |have |had |keeps |keep )?(?:gone missing|going missing|go missing|missing|stolen|taken|disappeared|disappearing|vanished)|missing (?:money|cash|jewell?e?ry|rings?|valuables|belongings)|financial(?:ly)? (?:abus\\w*|exploit\\w*)|(?:made|forced|pressured|pressuring|pressure) PERSON (?:to )?(?:sign(?! (?:(?:a|the|my|his|her) )?(?:consent|discharge|in\\b|register|visitors book|petition))|change|give|hand over|lend)|(?:changed|change) POSS will|(?:asked|asking|asks) (?:PERSON )?for (?:money|cash|loans?|her pin|his pin)|borrow(?:ed|ing|s)? (?:money|cash) (?:from|off) (?:PERSON)|scam(?:med|ming)?|fraud\\w*)\\b') },

  // Neglect.
  { level: 'urgent', categories: ['neglect'], signpost: 'abuse', negation: 'clause', describes: 'serious neglect',
    pattern: rx('\\b(?:(?:wont|didnt|stopped|refuse\\w* to|refusing to|not even) (?:feed|feeding) PERSON|(?:not been|hasnt been|havent been|wasnt|werent|never been|not being) fed|no (?:food|water|drinks?|fluids|meals?)(?: or (?:food|water|drinks?|fluids))? (?:for |in )?(?:\\d+|two|three|four|five|several|a few) days|(?:left|lying|lay|sitting|sat|soaked|soaking|covered|found) (?:\\w+ ){0,3}in (?:POSS )?(?:own )?(?:urine|wee|poo|faeces|excrement|mess|soiled|dirty|wet) ?\\w*|soiled (?:pads?|sheets|bed|clothes)|(?:left|lying|lay|laid|found) on the floor (?:for|all|overnight|until|till|til|hours)|starv(?:ed|ing)|(?:left|leave|leaves|leaving) (?:\\w+ ){0,3}in (?:wet|soiled|dirty|soaking|soaked) (?:pads?|beds?|sheets|clothes|nappies|incontinence pads?)|(?:has|had|with|got|left with|left) no (?:food|water|drink|drinks|fluids)|(?:carers?|no one|nobody|staff) (?:have |has |had )?(?:not )?(?:turned up|come|came|visited) (?:for|in) (?:\\d+|two|three|four|several|a few) days|(?:not|never|hasnt|havent|hadnt|wasnt|werent|isnt|arent|no one has|nobody has|nobody) (?:been )?(?:fed|given (?:any )?(?:food|water|a drink|drinks|fluids)|washed|changed|turned|checked on|helped to eat|helped to the toilet) (?:for|in|since|all)|no (?:food|water|drink|fluids) (?:for|all|since)|(?:nothing|no food|no water) (?:to eat|to drink) (?:for|all|since)|(?:left|leave|leaves|leaving) (?:PERSON )?(?:alone |unattended )?(?:for hours|all (?:night|day)|overnight|for days)|wasting away|skin and bone|lost so much weight|(?:hasnt|havent|hadnt|not|wasnt|isnt) (?:eaten|drunk|eating|drinking|had (?:a drink|anything to (?:eat|drink)|any (?:food|fluids|water)))(?: properly| anything| much)? (?:for|in|since|all)|(?:didnt|did not|never|havent|hasnt|not) (?:get|got|been given|given|receive|received|had) any (?:food|fluids|water|drink|drinks|nutrition|feeds?)|begg(?:ing|ed|s) (?:\\w+ ){0,3}for (?:a )?(?:drink|water|food|something to (?:eat|drink))|no (?:water|drinks?|food)(?: jug)? (?:in|by|near) (?:POSS )?(?:room|bed)|(?:lay|lying|laid|left|been|was|were) (?:there|on the floor) (?:\\w+ ){0,6}(?:for hours|for ages|ages|hours|all night|overnight)|on the floor (?:\\w+ ){0,8}(?:no one|nobody|noone)(?! else)|(?:no one|nobody|noone)(?! else) (?:\\w+ ){0,8}on the floor|(?:no one|nobody|noone) (?:had |has |have )?(?:checked(?: on)?(?: PERSON)?|been (?:in|near)) (?:\\w+ ){0,2}(?:for|in) (?:hours|ages|days|(?:\\d+|two|three|four|five|several) (?:hours|days))|(?:left|leave|leaves|leaving|kept|keep|keeps|keeping) (?:PERSON )?in (?:bed|POSS (?:bed|room|chair|wheelchair)|the (?:chair|wheelchair|room)) (?:all (?:day|night)|for (?:hours|days|weeks)|day and night|24 hours)|(?:no one|nobody|noone) (?:ever )?(?:gets PERSON (?:up|washed|dressed)|(?:washes|changes|feeds|turns|bathes) PERSON))\\b') },
  { level: 'high', categories: ['neglect'], signpost: 'abuse', negation: 'clause', describes: 'neglect',
    pattern: rx('\\b(?:(?:pressure|bed) ?(?:sores?|ulcers?)|(?:has|got|with|developed|covered in) (?:\\w+ )?sores|(?:severely |very |really )?dehydrat\\w*|malnourish\\w*|malnutrition|(?:call )?(?:bells?|buzzers?|alarms?) (?:(?:was|is|are|were|goes|go|went|keeps|keep) )?(?:ignored|unanswered|not answered|out of reach|taken away|removed|ringing for)|neglect(?:ed|ing|ful)?|(?:didnt|dont|doesnt|not|never|wont) (?:wash|washed|bath|bathe|change|changed|clean) (?:PERSON)|(?:wont|refuse\\w*|refusing|didnt|wouldnt|not|never) (?:to )?(?:call|get|ring|phone) (?:a |the )?(?:doctor|gp|ambulance|paramedics|nurse|111|999)|left (?:PERSON )?(?:in the bath|on the toilet|on the commode) (?:and|for|alone)|(?:take|takes|took|taking) (?:it|them|the (?:tray|plate|food|meal)) away (?:full|untouched|uneaten)|(?:left|leave|leaves) (?:the )?(?:tray|food|plate|meal|drink|cup|jug) (?:\\w+ ){0,2}out of reach|(?:turn\\w*|switch\\w*) (?:off )?(?:the )?heating (?:off|down)|(?:residents|patients|PERSON) (?:\\w+ ){0,5}(?:shivering|shaking|freezing cold)|(?:carers?|staff|care workers?) (?:are |is |were |was )?(?:not |never |arent |werent |dont |didnt )(?:turning|turn|turned|showing|show|showed|coming|come|came) (?:up|in|out)|(?:losing|lost) (?:loads of|so much|a lot of|lots of) weight)\\b') },

  // Self-neglect.
  { level: 'high', categories: ['self-neglect'], negation: 'clause', describes: 'self-neglect',
    pattern: rx('\\b(?:self ?neglect\\w*|not looking after SELF|(?:stopped|not|isnt|wont|refus\\w* to) (?:eat|eating|drink|drinking|wash|washing|take (?:his|her) (?:meds|medication|tablets))|hoard\\w*|living in (?:squalor|filth)|wont let (?:anyone|carers|us|the carers|anybody) in)\\b') },

  // Discriminatory abuse.
  { level: 'high', categories: ['discriminatory'], signpost: 'abuse', negation: 'clause', describes: 'discrimination or hate',
    pattern: rx('\\b(?:racis\\w*|racial(?:ly)? \\w+|homophob\\w*|transphob\\w*|sexis[tm]|xenophob\\w*|islamophob\\w*|antisemit\\w*|discriminat\\w*|hate crime|(?:because|cos|as) (?:she|he|i|they) (?:is|am|are|was|were) (?:black|asian|gay|lesbian|trans|muslim|jewish|disabled|deaf|blind|foreign|polish|old)|(?:called|calling|calls) PERSON (?:a )?(?:paki|n\\w*er|monkey|faggot|retard|spastic|spaz))\\b') },

  // Organisational abuse.
  { level: 'urgent', categories: ['organisational'], negation: 'clause', describes: 'organisational abuse (a regime that ignores people\'s needs)',
    pattern: rx('\\b(?:(?:put|puts|putting|got|get|gets|getting|made to go|sent) (?:\\w+ ){0,2}(?:to bed|up) at (?:[1-9]\\w*|five|six|seven|half)|(?:keep|keeps|kept|keeping) (?:\\w+ ){0,2}in (?:their|his|her) (?:rooms?|beds?) (?:all|for)|treated like (?:animals|cattle|prisoners|objects|children|a number|dirt)|(?:not allowed|arent allowed|wont let (?:them|residents|patients|us)) (?:to )?(?:go out|out|leave|outside|visitors|see (?:PERSON|visitors|family)|use the toilet|a drink|to eat)|(?:toilet(?:ing)?|pads?) (?:only )?(?:at set times|by the clock)|(?:made|forced) to (?:wear pads|wait for the toilet|use pads)|institutional abuse|organisational abuse|culture of (?:fear|abuse|bullying|cover\\w*))\\b') },

  // Domestic abuse.
  { level: 'urgent', categories: ['domestic-abuse'], signpost: 'abuse', negation: 'clause', describes: 'domestic abuse',
    pattern: rx('\\b(?:domestic (?:abuse|violence)|(?:my|her|his) (?:husband|wife|partner|boyfriend|girlfriend|ex|son|daughter|dad|father|stepdad|mum|mother) (?:hits|hit|beats|beat|hurts|hurt|attacks|attacked|threatens|threatened|controls|strangled|chokes|choked|punched|kicked|slapped|batters|abuses|abused|rapes|raped)|coercive control\\w*|controlling (?:behaviour|relationship|partner|husband|wife)|(?:scared|afraid|frightened|terrified) (?:of|to go home to) (?:my|her|his) (?:husband|wife|partner|boyfriend|girlfriend|ex|son|daughter))\\b') },

  // Modern slavery.
  { level: 'urgent', categories: ['modern-slavery'], signpost: 'abuse', negation: 'clause', describes: 'signs of modern slavery',
    pattern: rx('\\b(?:traffick\\w*|modern slav\\w*|slave labou?r|(?:took|taken|take|kept|keeps|keep|holding|held|hold) (?:\\w+ )?passports?|passports? (?:taken|kept|held|confiscated)|(?:work|working|worked) (?:for (?:no|free|nothing)|without (?:pay|wages|being paid))|(?:never|not) (?:been )?paid (?:any|for months|at all)|no wages|(?:owe|owes|owing) (?:the agency|the boss|them) (?:money|a debt)|debt bondage|(?:no|without) (?:their |own )?passports?|(?:workers?|they|them|staff|lads|girls|men|women) (?:\\w+ ){0,3}(?:arent|are not|not|never|werent|dont get) (?:being )?paid(?! (?:enough|much|well|properly|on time|fairly|for|back|the|extra|more|sick))|(?:live|living|sleep|sleeping|kept) (?:in|at) (?:the )?(?:back room|premises|shop|workplace|car wash)|(?:forced|made) to work|cant leave (?:the|their) (?:house|job|home) )\\b') },

  // Restraint or seclusion.
  { level: 'urgent', categories: ['restraint-seclusion'], signpost: 'abuse', negation: 'clause', describes: 'restraint or seclusion used on someone',
    pattern: rx('\\b(?:held (?:PERSON )?down|pinn(?:ed|ing) (?:PERSON )?(?:down|to)|(?:sat|sitting|knelt|kneeling) on PERSON|tied PERSON (?:up|down|to)|strapp(?:ed|ing) (?:PERSON )?(?:in|to|down)|locked (?:PERSON )?(?:in|up|away)|lock (?:PERSON )?(?:in|up)|locks (?:PERSON )?(?:in|up)|shut (?:PERSON )?in|(?:face ?down|prone) restrain\\w*|sedat(?:ed|ing|ion|ives?) (?:\\w+ ){0,3}(?:to keep|so|to make|without)|chemical cosh|drugg(?:ed|ing) (?:PERSON|to)|(?:keep|keeps|kept) PERSON (?:quiet|asleep|docile)|(?:tie|ties|tying|tied) PERSON (?:up|down|to)|(?:tie|ties|tying|tied) (?:up|down) PERSON|(?:tie|ties|tying|tied|strap\\w*) (?:POSS )?(?:wrists?|hands?|arms?|legs?|ankles?|feet) (?:to|together|down)|(?:hold|holds|held|holding|pinch\\w*) (?:his|her|their) nose (?:\\w+ ){0,3}(?:to make|so|and (?:force|make|pour|shove))|force (?:fed|feed\\w*)|forc(?:e|ed|es|ing) (?:food|it|drink) (?:into|down)|(?:keep|keeps|kept|keeping|have|has|had|got) PERSON dop(?:ed|ing) up|(?:keep|keeps|kept|keeping) PERSON (?:doped|drugged|sedated|zonked|knocked out)|(?:sleeping (?:tablets|pills)|sedatives?|tablets|pills|meds|medication|lorazepam|diazepam|haloperidol) (?:\\w+ ){0,6}(?:so (?:they|staff|the staff|the night staff|we) (?:can|could) (?:have an easy|have a quiet|get some peace|have some peace|get an easy|sit down|get on)|so (?:she|he|they|PERSON) (?:is|are|stays?|keeps?|will be|would be) (?:quiet|asleep|docile|out of the way|no trouble|compliant)))\\b') },
  { level: 'high', categories: ['restraint-seclusion'], negation: 'clause', describes: 'restraint, seclusion or sedation',
    pattern: rx('\\b(?:restrain\\w*|seclu(?:ded|sion)|sedatives?|sedated|like a zombie|zombified)\\b') },

  // Infection control.
  { level: 'high', categories: ['infection-control'], negation: 'clause', describes: 'an infection control risk',
    pattern: rx('\\b(?:outbreak|norovirus|noro|c ?diff|mrsa|scabies|lice|bed ?bugs|(?:no|without|not wearing|never wear|dont wear|didnt wear) (?:any )?(?:gloves|aprons|masks|ppe)|(?:re ?us(?:ed|ing)|shared|sharing) (?:needles|syringes|gloves)|(?:dirty|used) (?:needles|syringes)|(?:blood|faeces|poo|excrement|urine|vomit|sick) (?:on|all over|smeared on|left on) (?:the )?(?:floor|walls?|bed|sheets|chairs?|toilet)|covid (?:positive )?(?:patients|residents|staff) (?:mixed|working|not isolated)|not (?:isolated|isolating)|infection (?:spreading|everywhere|control (?:is )?(?:poor|terrible|non existent|awful)))\\b') },

  // Unsafe staffing.
  { level: 'high', categories: ['unsafe-staffing'], negation: 'clause', describes: 'unsafe staffing',
    pattern: rx('\\b(?:(?:only|just) (?:one|1|two|2) (?:carer|staff|nurse|member of staff|person|care worker)s? (?:on|for|looking after|covering) (?:the )?(?:\\d+|twenty|thirty|forty|whole|entire|all|night|nights|floor|unit|home|building|residents|patients)|no (?:staff|nurses?|carers?|one|qualified nurses?) (?:on (?:duty|shift|the floor|nights?|the unit)|around|about|to help)|(?:staff|carers?|nurses?|night staff|seniors?|manager) (?:are |is |were |was )?(?:always |often )?(?:asleep|sleeping) (?:on|at|during|in)|dangerously (?:short|understaffed|low)|(?:unsafe|dangerous) (?:staffing|levels)|staffing (?:is |levels are )?(?:unsafe|dangerous))\\b') },

  { level: 'urgent', categories: ['unsafe-staffing'], negation: 'clause', describes: 'staff unfit to work',
    pattern: rx('\\b(?:(?:staff|carers?|nurses?|night staff|seniors?|manager|doctor) (?:are |is |were |was )?(?:always |often )?(?:drunk|on drugs|high|smoking weed) (?:on|at|during|in|while|and)|(?:drunk|drinking|under the influence) (?:on|at|during|while) (?:shift|duty|work)|(?:came|comes|come|turned up|turns up) (?:in |into work |to work )?(?:drunk|high|intoxicated|smelling of (?:alcohol|drink)))\\b') },

  // Unsafe care or treatment.
  { level: 'high', categories: ['unsafe-care'], negation: 'clause', describes: 'unsafe care or treatment',
    pattern: rx('\\b(?:wrong (?:medication|medicine|meds|tablets|dose|dosage|drug|drugs|patient|leg|arm|insulin|blood)|(?:medication|drug|dosing) (?:error|errors|mistake|mix up)|(?:given|gave) (?:PERSON )?(?:someone elses|another (?:residents|patients)|the wrong) (?:medication|meds|tablets)|(?:missed|not given|never given|didnt get|didnt give|forgot (?:to give )?(?:his|her|my)?) (?:\\w+ )?(?:medication|meds|tablets|insulin|injection|antibiotics|inhaler|pain relief)|(?:medication|meds|tablets|insulin) (?:not given|missed|left (?:out|on the side)|withheld)|dropp(?:ed|ing) (?:PERSON|from|out of)|(?:fell|fallen|falls|fall) (?:out of|from|off) (?:the |POSS )?(?:bed|hoist|chair|wheelchair|stretcher|toilet)|(?:keeps|kept|keep) (?:having )?(?:falling|falls)|(?:residents|people|patients|he|she|they|mum|dad) (?:are|is|keep|keeps) (?:falling|having falls)|(?:several|many|repeated|multiple|numerous) falls|(?:broken|fractured|broke|fractures) (?:POSS )?(?:hip|arm|leg|wrist|neck|ribs?|collar ?bone|femur|shoulder|ankle)|head injur\\w*|(?:banged|hit|cut) (?:POSS )?head|hoist (?:\\w+ )?(?:broken|wrong|alone|single|by one)|(?:on one|single handed) hoist\\w*|sepsis|septic|(?:unsafe|dangerous) (?:care|practice|treatment|discharge|to be left)|(?:sent|discharged) (?:him |her |me |PERSON )?home (?:too early|still (?:ill|unwell|bleeding)|with(?:out)? (?:a |any )?(?:broken|fracture|care|support|medication))|misdiagnos\\w*|(?:nearly|almost) (?:died|killed|lost (?:him|her|my))|(?:could|would) have (?:died|killed)|died (?:because|due to|after|from)|(?:preventable|avoidable|unexpected) death|choked on|not (?:following|on) (?:a|the|her|his) (?:soft|pureed|modified) diet|(?:fed|given) (?:solid|the wrong) food|(?:do not|dnr|dnacpr) (?:resuscitate|without|not discussed)|dnr|dnacpr)\\b') },

  { level: 'urgent', categories: ['unsafe-care'], negation: 'clause', describes: 'someone given medication that is not theirs or too much of it',
    pattern: rx('\\b(?:(?:given|gave|giving|gives|give) (?:PERSON )?(?:someone elses|somebody elses|another (?:residents|patients|persons|mans|ladys)|other (?:residents|patients|peoples)|double (?:POSS|the)|twice (?:POSS|the)|too much|an overdose of) (?:\\w+ )?(?:medication|medicine|meds|tablets|pills|insulin|morphine|dose|doses)|(?:medication|medicine|meds|tablets|pills|morphine|insulin) (?:that )?(?:she|he|they|PERSON) (?:wasnt|was not|werent|were not|isnt|is not|had not been|hadnt been) prescribed|(?:medication|medicine|meds|tablets|pills|morphine|insulin) (?:that|which) (?:arent|werent|wasnt|isnt|are not|were not) (?:his|hers|theirs|PERSON))\\b') },

  // People with care needs going missing.
  { level: 'high', categories: ['unsafe-care'], negation: 'clause', describes: 'someone with care needs leaving unnoticed',
    pattern: rx('\\b(?:(?:wandered|wanders|wandering|walked|slipped|got|gets|getting) (?:out|off|away) (?:of )?(?:the )?(?:front |back |fire |main )?(?:door|home|building|unit|ward|house|grounds)|(?:he|she|PERSON) (?:has |had |have )?(?:went|go|goes|gone|going) missing)\\b') },
  { level: 'urgent', categories: ['unsafe-care'], signpost: 'immediate-danger', negation: 'clause', describes: 'a person missing or found wandering in danger',
    pattern: rx('\\b(?:(?:he|she|PERSON) (?:keeps|kept|keep) (?:going missing|wandering off|getting out of the (?:home|building|house|unit|ward))|police (?:found|brought|picked|had to bring) (?:PERSON )?(?:back|up|on|in|wandering)|found (?:PERSON )?(?:wandering|walking|lost) (?:\\w+ ){0,3}(?:road|roads|street|streets|night|pyjamas|canal|river|town|motorway)|(?:didnt|did not|dont|never|no one|nobody) (?:know|knew|notice|noticed|realise|realised) (?:that )?(?:PERSON|he|she|they) (?:was|had|were|has) (?:gone|missing))\\b') },

  // Whistleblowing by staff.
  { level: 'high', categories: ['whistleblowing'], negation: 'none', describes: 'a worker raising a concern (whistleblowing)',
    pattern: rx('\\b(?:whistle ?blow\\w*|(?:i|we) (?:work|worked|am working|have worked|used to work) (?:at|in|for|there|on)|as (?:a|an) (?:member of staff|staff member|employee|carer|care worker|support worker|nurse|hca|healthcare assistant|agency worker|senior|night carer)|(?:i am|im) (?:a|an) (?:carer|care worker|support worker|nurse|hca|employee|member of staff|staff member)(?: there| at| in)?|afraid (?:of|to|ill|i will) (?:lose|losing|get sacked|speak up|report)|(?:scared|frightened) (?:of|to) (?:lose|losing|get sacked|speak up|report)|(?:lose|losing) (?:my|our) jobs? if)\\b') },
  { level: 'high', categories: ['whistleblowing', 'organisational'], negation: 'clause', describes: 'a cover-up or falsified records',
    pattern: rx('\\b(?:(?:manager|management|the boss|matron|owner|seniors?) (?:\\w+ )?(?:told|tells|makes|made|asked|asks) (?:us|staff|me|everyone) (?:not to|to lie|to cover|to change|to alter|to sign|to write|to keep quiet)|keep quiet about|cover(?:ed|ing|s)? (?:\\w+ )?up|(?:falsif|fabricat)\\w*|(?:change|changed|changing|alter|altered|altering) (?:the )?(?:records|notes|charts|logs|paperwork)|(?:records|notes|charts|logs|paperwork) (?:are |were |being )?(?:changed|altered|made up|backdated|filled in later|faked)|(?:sack|sacked|fire|discipline|disciplined|punish|punished) (?:anyone|us|staff|people|me) (?:who|that|for|if) (?:report|reports|complain|complains|speak|speaks|raise|raises))\\b') },
  { level: 'high', categories: ['unsafe-care'], negation: 'none', describes: 'someone not feeling safe',
    pattern: rx('\\b(?:(?:dont|doesnt|didnt|not|never|cant|wont) (?:\\w+ )?(?:feel|felt|feeling) safe|(?:is|was|are|were|isnt|not|feel|feels|felt) (?:\\w+ )?unsafe|not safe (?:there|here|at|in|with|to)|fear(?:s|ed)? for (?:POSS|his|her|my) (?:life|safety))\\b') },
]

/** A negation that does not cancel what follows ("never stops hitting her", "dont know if"). */
const negators = new Set(['no', 'not', 'never', 'nobody', 'didnt', 'doesnt', 'dont', 'wasnt', 'werent', 'isnt', 'arent', 'hasnt', 'havent', 'hadnt', 'wouldnt', 'couldnt', 'shouldnt', 'wont', 'without', 'nothing', 'none', 'neither', 'nor', 'nor', 'denies', 'zero'])
const negationReleasers = new Set(['stop', 'stops', 'stopped', 'stopping', 'know', 'sure', 'care', 'like', 'matter', 'help', 'helped', 'helping', 'even', 'only', 'just', 'notice', 'noticed', 'realise', 'realised', 'report', 'reported', 'tell', 'told', 'believe', 'believed', 'listen', 'listened', 'do', 'did', 'anything', 'one', 'want', 'get', 'got', 'seem', 'remember'])

const persistence =
  /\b(?:every (?:day|night|time|week|shift)|all the time|constantly|keeps?|kept on|again|still|regularly|daily|nightly|ongoing|continu\w+|for (?:days|weeks|months|years|a week|a month|a fortnight|(?:\d+|two|three|four|five|several|a few) (?:days|weeks|months))|(?:scared|terrified|frightened|afraid)|cries|crying|wont look at|(?:three|four|five|several|many|\d+) times|unexplained|cant explain|no explanation|(?:no one|nobody|dont|doesnt|didnt) (?:knows?|knew) how)\b/
const seriousHarm =
  /\b(?:(?:ended up|ending up|end up|rushed|admitted|taken) (?:in|to) (?:a e|hospital|intensive care|icu|itu|resus)|hospitali[sz]ed|(?:nearly|almost|could have|might have) died|died|(?:broke|broken|fractured?) (?:(?:my|his|her|their|our|your|the) )?\w+|head injur\w*|unconscious|seriously (?:hurt|injured|ill)|grade (?:3|4|three|four)|down to the bone|septic|sepsis|(?:will|could|going to) die)\b/
const careRecipient =
  /\b(?:residents?|patients?|service users?|clients?|mum|mam|dad|nan|gran|granda|grandad|grandpa|granddad|grandfather|dziadek|babcia|babci|taid|nain|grandma|mother|father|son|daughter|brother|sister|husband|wife|uncle|aunt|auntie|aunty|the kids|children|him|them)\b/
const recovery =
  /\b(?:saved (?:my|his|her) life|helped me|got me through|no longer|used to (?:be|feel)|in the past|years ago|months ago|recovered|used to (?:hit|hurt|harm|cut|self)|in recovery|(?:im|i am) (?:now )?(?:much )?better|(?:talked|talk|talking) me (?:down|out of)|prevention)\b/

export interface SafetyFinding {
  level: RiskLevel
  categories: RiskCategory[]
  signposts: SignpostKind[]
  reason: string
}

let fuzzyVocabulary: FuzzyVocabulary | undefined

function correctedTokens(text: string): string[] {
  fuzzyVocabulary ??= new FuzzyVocabulary(safetyWords, new Set([...knownWords, ...ordinaryWords]))
  const vocabulary = fuzzyVocabulary
  return normaliseTokens(text).map(token => vocabulary.correct(token))
}

function isNegated(joined: string, matchStart: number, negation: Negation): boolean {
  if (negation === 'none') return false
  const clauseStart = joined.lastIndexOf('|', matchStart)
  const before = joined.slice(clauseStart + 1, matchStart).trim().split(' ').filter(word => word !== '')
  const window = negation === 'near' ? 2 : 4
  const start = Math.max(0, before.length - window)
  for (let index = start; index < before.length; index++) {
    const word = before[index] as string
    if (!negators.has(word)) continue
    const following = before[index + 1]
    if (word === 'no' && following === 'one') return true
    if (following !== undefined && negationReleasers.has(following)) continue
    return true
  }
  return false
}

/** Figures of speech that borrow the words of harm ("nearly died laughing", "could murder a cup of tea"). */
const figurative =
  /\b(?:(?:nearly |almost )?(?:died|die|dying|killing (?:my|him|her|our|them) ?sel(?:f|ves)|killed (?:my|him|her) ?self|wet (?:my|him|her) ?self) (?:laughing|of laughter|with laughter|of boredom|of embarrassment|of shame)|(?:could|would) (?:have )?(?:murdered|murder|killed|kill) (?:a|for a|for an|an) \w+|(?:cut|cuts|nicked) (?:my|him|her) ?self (?:\w+ )?shaving|(?:an )?overdose of (?:praise|compliments|love|kindness|attention|sugar|chocolate|cake|fun|good news|positivity|sunshine))\b/g

interface RuleMatch {
  rule: SafetyRule
  phrase: string
}

function findMatches(text: string): { matches: RuleMatch[]; joined: string } {
  const joined = ` ${correctedTokens(text).join(' ')} `.replace(figurative, ' ')
  const matches: RuleMatch[] = []
  for (const rule of rules) {
    rule.pattern.lastIndex = 0
    for (let match = rule.pattern.exec(joined); match !== null; match = rule.pattern.exec(joined)) {
      if (!isNegated(joined, match.index, rule.negation)) {
        matches.push({ rule, phrase: match[0].trim() })
        break
      }
      if (match[0].length === 0) rule.pattern.lastIndex++
    }
  }
  return { matches, joined }
}

function quote(phrase: string): string {
  const words = phrase.split(' ')
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : phrase
}

const thirdPartyCategories = new Set<RiskCategory>(['physical', 'psychological', 'discriminatory'])

export interface SafetyContext {
  /** The model reads the feedback as positive, as when praising a crew who helped someone who collapsed. */
  positive?: boolean
}

/**
 * The explicit safety rules: what an inspector must see, with the phrase that triggered it.
 * A "high" signal becomes urgent when it persists ("every night", "for days"), has caused serious harm,
 * is about someone in care rather than the writer, or comes with another serious signal (such as a worker's report).
 */
export function assessSafety(text: string, context: SafetyContext = {}): SafetyFinding {
  const { matches, joined } = findMatches(text)
  if (matches.length === 0) return { level: 'none', categories: [], signposts: [], reason: '' }
  const persistent = persistence.test(joined)
  const harmful = seriousHarm.test(joined)
  const aboutSomeoneInCare = careRecipient.test(joined)
  const recovering = recovery.test(joined)
  const highRules = new Set(matches.filter(match => match.rule.level !== 'urgent').map(match => match.rule.describes))
  let level: RiskLevel = 'none'
  let strongest: RuleMatch | undefined
  const categories = new Set<RiskCategory>()
  const signposts = new Set<SignpostKind>()
  for (const match of matches) {
    const { rule } = match
    let matchLevel = rule.level
    const onlyWhistleblowing = rule.categories.every(category => category === 'whistleblowing')
    // A phrase cannot be its own evidence of serious harm ("physio for my broken wrist was great").
    const harmfulBeyondPhrase = harmful && seriousHarm.test(joined.replace(match.phrase, ' '))
    if (matchLevel === 'high' && !onlyWhistleblowing && (persistent || harmfulBeyondPhrase)) matchLevel = 'urgent'
    if (matchLevel === 'high' && aboutSomeoneInCare && rule.categories.some(category => thirdPartyCategories.has(category))) matchLevel = 'urgent'
    if (matchLevel === 'high' && highRules.size >= 2) matchLevel = 'urgent'
    if (matchLevel === 'urgent' && rule.categories.includes('risk-to-life') && recovering) matchLevel = 'high'
    if (matchLevel === 'urgent' && context.positive === true && rule.signpost === 'immediate-danger' && rule.categories.includes('unsafe-care')) matchLevel = 'low'
    for (const category of rule.categories) categories.add(category)
    if (rule.signpost) signposts.add(rule.signpost)
    if (strongest === undefined || riskLevelOrder[matchLevel] > riskLevelOrder[level]) {
      level = matchLevel
      strongest = match
    }
  }
  const chosen = strongest as RuleMatch
  const others = matches.length - 1
  const reason =
    `Describes ${chosen.rule.describes} ("${quote(chosen.phrase)}")` +
    (others > 0 ? `, and ${others} other safety signal${others === 1 ? '' : 's'}.` : '.')
  return { level, categories: [...categories], signposts: [...signposts], reason }
}

const signpostOnly: { kind: SignpostKind; pattern: RegExp }[] = [
  { kind: 'immediate-danger', pattern: /\b(?:fire|emergency|999|call (?:an ambulance|the police)|danger|scared for (?:my|his|her) life|unsafe right now|attacking|weapon|knife)\b/ },
  { kind: 'mental-health-crisis', pattern: /\b(?:die|hopeless|give up on life|end it|desperate|cant cope|cant go on|overdose)\b/ },
  { kind: 'abuse', pattern: /\b(?:abuse|abused|abusing|abusive|unsafe|not safe|locked in|stealing|stole|stolen|hitting)\b/ },
]
const signpostCancellers: Record<SignpostKind, RegExp> = {
  'immediate-danger': /\b(?:fire (?:door|exit|alarm|drill|brigade)s?|emergency (?:department|dept|services?|appointment|dentist|number|contact)|a e|accident and emergency|not (?:in )?(?:any )?danger)\b/g,
  'mental-health-crisis': /\b(?:die(?:d|s)? (?:peacefully|with dignity))\b/g,
  abuse: /\b(?:no one (?:was )?hitting|nobody (?:was )?hitting|not (?:abused|unsafe|stolen)|never (?:abused|unsafe|stolen)|felt safe|feel safe)\b/g,
}

/** Which help a message needs signposting to now. Fast, synchronous, and errs towards signposting. */
export function detectSignposting(text: string): SignpostKind[] {
  const { matches, joined } = findMatches(text)
  const kinds = new Set<SignpostKind>()
  for (const match of matches) if (match.rule.signpost) kinds.add(match.rule.signpost)
  for (const { kind, pattern } of signpostOnly) {
    if (kinds.has(kind) || !pattern.test(joined)) continue
    const withoutCancelled = joined.replace(signpostCancellers[kind], ' ')
    if (pattern.test(withoutCancelled)) kinds.add(kind)
  }
  const order: SignpostKind[] = ['immediate-danger', 'mental-health-crisis', 'abuse']
  return order.filter(kind => kinds.has(kind))
}
