import { createHash } from 'node:crypto'
import { FuzzyVocabulary } from './fuzzy'
import { knownWords } from './knownWords'
import { LiteralPrefilter } from './literalPrefilter'
import { type Negation, type SafetyRuleDefinition, safetyRuleDefinitions, type SignpostKind } from './rules'
import { ordinaryWords, safetyWords } from './safetyLexicon'
import { type UrgencyCue, ongoingCues, presenceCues, settledCues } from './rules/context'
import { normaliseTokens, splitSentences } from './text'
import { type RiskCategory, riskCategoryLabels, type RiskLevel, riskLevelOrder } from './taxonomy'

export type { SignpostKind }

export interface SafetyRule extends SafetyRuleDefinition {
  pattern: RegExp
  /** One expression per kind of sign, and one for the ordinary reasons that cancel them, for a rule read from signs together. */
  signPatterns?: RegExp[]
  ordinaryReasons?: RegExp
}

const person =
  '(?:him|her|me|them|us|you|mum|dad|nan|grandad|grandma|granny|residents?|patients?|people|someone|somebody|everyone|' +
  'the (?:residents?|patients?|service users?|old (?:lady|man|people)|lady|man|woman|child|children|kids?|baby)|' +
  // "a 12 year old boy", "the frail man", "my little girl"
  '(?:a|an|the|my|his|her|our|their|another) (?:\\d+|young|little|old|elderly|frail|vulnerable|disabled|poor|autistic|blind|deaf) (?:(?:yr|yrs|year|years) old )?(?:boy|girl|lady|man|woman|child|resident|patient|gentleman|person|lad|baby)|' +
  '(?:my|his|her|our|their|a|another|the other) (?:mum|dad|nan|grandad|grandma|husband|wife|partner|son|daughter|brother|sister|' +
  'aunt|uncle|friend|relative|child|children|kids?|baby|baby|resident|patient|client|service user|lady|man|woman|boy|girl|father|mother|gran|grandmother|grandfather))'
const self = '(?:my ?self|him ?self|her ?self|them ?selves|them ?self|your ?self|ourselves)'
const possessive = '(?:my|his|her|their|our|your|the)'
// Medicines people save up or take all at once: the general words and the commonest named ones in UK overdoses.
const medicines =
  '(?:tablets|pills|meds|medication|medicines|prescriptions?|painkillers|sleeping (?:tablets|pills)|paracetamol|co ?codamol|codeine|tramadol|morphine|oxycodone|' +
  'methadone|buprenorphine|heroin|insulin|lithium|diazepam|zopiclone|zolpidem|temazepam|pregabalin|gabapentin|amitriptyline|sertraline|citalopram|' +
  'fluoxetine|mirtazapine|venlafaxine|quetiapine|olanzapine|propranolol|antidepressants|benzos|sleepers)'

/** A rule's phrases as one expression, with PERSON, SELF, POSS and MEDS expanded. */
export function compileRule(definition: SafetyRuleDefinition): SafetyRule {
  const compile = (phrases: RegExp[]): RegExp => {
    const source = `\\b(?:${phrases.map(phrase => phrase.source).join('|')})${definition.endsAtWordBoundary === false ? '' : '\\b'}`
    return new RegExp(source.replace(/PERSON/g, person).replace(/SELF/g, self).replace(/POSS/g, possessive).replace(/MEDS/g, medicines), 'g')
  }
  // A rule read from signs has no phrase of its own that matches alone.
  const pattern = definition.phrases.length > 0 ? compile(definition.phrases) : /(?!)/g
  const { signs } = definition
  return { ...definition, pattern, signPatterns: signs && Object.values(signs.kinds).map(compile), ordinaryReasons: signs && compile(signs.unless) }
}

const rules: SafetyRule[] = safetyRuleDefinitions.map(compileRule)
const ruleExpressions = rules.flatMap(rule => [rule.pattern, ...(rule.signPatterns ?? []), ...(rule.ordinaryReasons ? [rule.ordinaryReasons] : [])])
const rulePrefilter = new LiteralPrefilter(ruleExpressions)

/**
 * Runs every rule expression twice. V8 compiles an expression on its first use and to machine code on its second;
 * for the large ones each step takes up to a second or two, and the prefilter means a rule may first be used by the
 * message that needs it, perhaps an urgent one. Called at start-up (see warmUpClassification).
 */
export function compileRuleExpressions(): void {
  for (let round = 0; round < 2; round++) {
    for (const pattern of ruleExpressions) {
      pattern.lastIndex = 0
      pattern.exec(' |')
    }
  }
}

/** A short hash of every rule's id, level, categories, signposting, negation and phrases: part of the classifier version. */
export const safetyRulesVersion: string = createHash('sha256')
  .update(
    JSON.stringify(
      safetyRuleDefinitions.map(({ matches: _matches, doesNotMatch: _doesNotMatch, phrases, signs, ...rest }) => ({
        ...rest,
        phrases: phrases.map(phrase => phrase.source),
        ...(signs
          ? { signs: { signsNeeded: signs.signsNeeded, kinds: Object.entries(signs.kinds).map(([kind, kindPhrases]) => [kind, kindPhrases.map(phrase => phrase.source)]), unless: signs.unless.map(phrase => phrase.source) } }
          : {}),
      })),
    ),
  )
  .digest('hex')
  .slice(0, 10)


/** A negation that does not cancel what follows ("never stops hitting her", "dont know if"). */
const negators = new Set(['no', 'not', 'never', 'nobody', 'nobodys', 'didnt', 'doesnt', 'dont', 'wasnt', 'werent', 'isnt', 'arent', 'hasnt', 'havent', 'hadnt', 'wouldnt', 'couldnt', 'shouldnt', 'wont', 'without', 'nothing', 'none', 'neither', 'nor', 'nor', 'denies', 'zero'])
const negationReleasers = new Set(['stop', 'stops', 'stopped', 'stopping', 'know', 'sure', 'care', 'like', 'matter', 'help', 'helped', 'helping', 'even', 'only', 'just', 'notice', 'noticed', 'realise', 'realised', 'report', 'reported', 'tell', 'told', 'believe', 'believed', 'listen', 'listened', 'do', 'did', 'anything', 'one', 'want', 'get', 'got', 'seem', 'remember'])

const persistence =
  /\b(?:every (?:day|night|time|week|shift)|all the time|constantly|keeps?|kept on|again|still(?! (?:(?:havent|hasnt|have not|has not|not|never) (?:heard|got back|replied|responded|rung|called|contacted|answered)|waiting (?:for|on) (?:a |an |any )?(?:reply|response|answer|callback|call back|apology)))|regularly|daily|nightly|ongoing|continu\w+|for (?:days|weeks|months|years|a week|a month|a fortnight|(?:\d+|two|three|four|five|several|a few) (?:days|weeks|months))|(?:scared|terrified|frightened|afraid)|cries|crying|wont look at|(?:three|four|five|several|many|\d+) times|unexplained|cant explain|no explanation|(?:no one|nobody|dont|doesnt|didnt) (?:knows?|knew) how)\b/
const seriousHarm =
  /\b(?:(?:ended up|ending up|end up|rushed|admitted|taken) (?:in|to) (?:a e|hospital|intensive care|icu|itu|resus)|hospitali[sz]ed|(?:nearly|almost|could have|might have) died|died|(?:broke|broken|fractured?) (?:(?:my|his|her|their|our|your|the) )?\w+|head injur\w*|unconscious|seriously (?:hurt|injured|ill)|(?:unable to|cant|cannot|can not|not able to) (?:swallow|breathe)|(?:now|gone|going|is|s) (?:completely |so |very )?rigid|grade (?:3|4|three|four)|down to the bone|septic|sepsis|(?:will|could|going to) die|news2? (?:score )?(?:of |is |was |at |now )?(?:[5-9]|1\d)|(?:sats|spo2|saturations?|oxygen (?:levels?|sats)) (?:\w+ ){0,2}(?:[4-8]\d|90)(?: ?%| percent)?)\b/
const seriousHarmAnywhere = new RegExp(seriousHarm.source, 'g')

/** Serious harm said of someone, not denied ("nobody was seriously ill", "no bones broken"). */
function mentionsSeriousHarm(joined: string): boolean {
  seriousHarmAnywhere.lastIndex = 0
  for (let match = seriousHarmAnywhere.exec(joined); match !== null; match = seriousHarmAnywhere.exec(joined)) {
    if (!isNegated(joined, match.index, 'clause')) return true
  }
  return false
}
const careRecipient =
  /\b(?:residents?|patients?|service users?|clients?|mum|mam|dad|nan|gran|granda|grandad|grandpa|granddad|grandfather|dziadek|babcia|babci|taid|nain|grandma|mother|father|son|daughter|brother|sister|husband|wife|uncle|aunt|auntie|aunty|the kids|children|him|them)\b/
const praise = /\b(?:lovely|kind|kindest|brilliant|great|wonderful|amazing|fantastic|excellent|fab|thank\w*|grateful|caring|helpful)\b/
const relapse = /\b(?:again|relapsed|relapse)\b/
const recovery =
  /\b(?:saved (?:my|his|her) life|helped me|got me through|no longer|(?:i|he|she) used to (?:feel|be (?:suicidal|depressed|in a bad place))|in the past|years ago|months ago|recovered|used to (?:hit|hurt|harm|cut|self)|in recovery|(?:years?|months?) clean|clean (?:and sober )?(?:for|since) (?:\w+ )?(?:years?|months?|(?:19|20)\d\d)|(?:hasnt|havent|has not|have not|not) (?:(?:hurt|harmed|cut|self harmed) (?:my|him|her|them) ?sel(?:f|ves)|self harmed|overdosed) (?:in|for) (?:over )?(?:\w+ )?(?:months|weeks|years|a year|ages|a long time|a decade)|long behind (?:him|her|me|us|them)|(?:im|i am) (?:now )?(?:much )?better|(?:im|i am) (?:really |very |so )?well (?:now|again)|(?:talked|talk|talking) me (?:down|out of)|prevention|when (?:i|he|she) was (?:\d+|younger|a teenager|a child|little)|doing (?:really |very )?well|(?:been|is|was|stayed|now) (?:well|safe|stable|clean|sober) for|(?:self harm|harm|drug|alcohol|drink|crisis|relapse) free|last (?:year|yr|month|spring|summer|autumn|winter)|(?:a|one) (?:year|yr|month) ago|(?:years|yrs) ago|as a (?:teen|teenager|child|kid|student|young (?:man|woman|person|lad|girl))|in (?:my|his|her|their) (?:teens|twenties|youth)|in a (?:much |far |lot |way )?better place|doing (?:loads|lots|so much|much|a lot|way|far) better|(?:\w+|\d+) (?:months|years|winters|summers|springs|autumns|christmases) (?:ago|later|on|now)|(?:has|have|had) (?:since )?(?:recovered|started (?:a )?new)|(?:is|are|s) (?:now )?(?:very |really |so )?(?:well|thriving|in a good place)|(?:\d+|two|three|four|five|six|several|many) (?:years?|yrs?|months?) (?:before|back)|not (?:now|any ?more)(?: \|)? (?:im|i am) (?:doing )?(?:ok|okay|well|fine|alright|all right)|old (?:self ?harm |sh )?scars|(?:theyre|they are|theyve been|its|it is) (?:all )?(?:years|months) old|back in (?:19|20)\d\d|(?:things|life|everything) (?:is|are|s|feels?) (?:so |much |a lot |far |way |loads )*better)\b/

let fuzzyVocabulary: FuzzyVocabulary | undefined

function correctedTokens(text: string): string[] {
  fuzzyVocabulary ??= new FuzzyVocabulary(safetyWords, new Set([...knownWords, ...ordinaryWords]))
  const vocabulary = fuzzyVocabulary
  return normaliseTokens(text).map(token => vocabulary.correct(token))
}

/** Words that end a negation's reach: "she wasnt prescribed it and now she wont wake" negates "prescribed", not what follows. */
const scopeEnders = new Set(['so', 'then', 'because', 'cos', 'when', 'after', 'now', 'which', 'while', 'until', 'since', 'therefore'])
const newSubjects = new Set(['i', 'he', 'she', 'they', 'we', 'it', 'now', 'then', 'his', 'her', 'their', 'my', 'mum', 'dad', 'nan', 'staff', 'im', 'ive', 'hes', 'shes', 'theyre', 'theyve', 'weve', 'its'])

function endsNegationScope(words: readonly string[], from: number): boolean {
  for (let index = from; index < words.length; index++) {
    const word = words[index] as string
    if (scopeEnders.has(word)) return true
    if (word === 'and' && newSubjects.has(words[index + 1] ?? '')) return true
  }
  return false
}

function isNegated(joined: string, matchStart: number, negation: Negation): boolean {
  if (negation === 'none') return false
  const clauseStart = joined.lastIndexOf('|', matchStart)
  const before = joined.slice(clauseStart + 1, matchStart).trim().split(' ').filter(word => word !== '')
  // The match's own first word can start a new clause ("no bruising and hes fine": "hes" ends the negation).
  const reaching = [...before, joined.slice(matchStart).split(' ')[0] ?? '']
  // "no one" and "nobody" reach as far: "no one has ever hit or shouted at him".
  const window = negation === 'near' ? 2 : 6
  const start = Math.max(0, before.length - window)
  for (let index = start; index < before.length; index++) {
    const word = before[index] as string
    if (!negators.has(word)) continue
    const following = before[index + 1]
    // "Not because anyone is in danger": the reason itself is denied.
    if (word === 'not' && following === 'because') return true
    if (endsNegationScope(reaching, index + 1)) continue
    if (word === 'no' && following === 'one') return true
    if (following !== undefined && negationReleasers.has(following)) continue
    return true
  }
  return false
}

/** A death is past help: it calls for an inspector, not a page, unless someone else is in danger now. */
const deaths = /\b(?:(?:nearly|almost|could have|might have) )?died\b/g

export const noPresentDangerReason = 'nothing in the message says anyone is being harmed or is in danger now'

/** Figures of speech that borrow the words of harm ("nearly died laughing", "could murder a cup of tea"). */
const figurative =
  /\b(?:(?:nearly |almost )?(?:died|die|dying|killing (?:my|him|her|our|them) ?sel(?:f|ves)|killed (?:my|him|her) ?self|wet (?:my|him|her) ?self) (?:laughing|of laughter|with laughter|of boredom|of embarrassment|of shame|with worry|with stress|with work|worrying)|(?:could|would) (?:have )?(?:murdered|murder|killed|kill) (?:a|for a|for an|an) \w+|(?:cut|cuts|nicked) (?:my|him|her) ?self (?:\w+ )?shaving|(?:nearly|almost) (?:killed|kill) (?:my|him|her) ?self (?:\w+ ){0,2}(?:on (?:the|a|that|those|them|some)|tripping|falling|slipping|trying|getting|carrying|lifting)|(?:killing|killed|kill) (?:my|him|her|them) ?sel(?:f|ves) (?:trying|running|rushing|working|getting|doing|to get|to make|to find)|(?:i|we|id|wed) (?:\w+ ){0,2}(?:wanted|want|could (?:have )?|felt like|feel like|was tempted|am tempted) (?:to )?(?:throttle|strangle|murder|kill|punch|slap|smash|thump|batter|deck|swing for) (?:her|him|them|someone|something|somebody|the \w+)(?! ?sel)|makes? me (?:want to )?(?:smash|punch|scream|throw) (?:something|things|the \w+)|(?:nearly|almost) had a (?:punch ?up|fight|scrap|fist ?fight)|(?:thought|convinced|sure|certain) (?:\w+ ){0,2}(?:was going to|was gonna|would|were going to|were gonna) (?:kill|murder) me (?:\| )?(?:but |and then )?(?:i |she |he |they |it )?(?:didnt|did not|never) (?:feel|felt|hurt)|(?:were|we are|we was|im|i am|i was|we were) (?:literally |absolutely |practically |basically )?(?:starving|starved|freezing) to death|(?:staff|night staff|nurses|relatives|visitors|families|family members|parents) (?:are|were|get|got|getting|go|going|left) (?:literally |absolutely |always |often )?(?:starving|starved)|(?:would|d|will|gonna|going to) (?:kill|murder) (?:me|him|her|us) (?:if|when) (?:she|he|they|i|we|you|mum|dad) (?:ever )?(?:knew|knows|found out|finds out|saw|sees|heard|hears|read|reads)|(?:an )?overdose of (?:praise|compliments|love|kindness|attention|sugar|chocolate|cake|fun|good news|positivity|sunshine|forms|paperwork|questions|emails|letters|admin)|overdos\w* on (?:the )?(?!(?:\w+ )?(?:tablets|pills|paracetamol|meds|medication|insulin|drugs|heroin|methadone|morphine|painkillers)\b)\w+|(?:the )?(?:cancer|tumou?r|dementia|motor neurone disease|mnd|terminal illness) (?:is |will |would |is going to |going to |gonna )?(?:kill|killing|kills) (?:her|him|me|them|us)|dragg\w* (?:me|him|her|us|them) (?:along |out |off )?(?:to|round to|down to) (?:the |a |an |my |his |her |our )?(?:gym|physio|class|classes|exercise class|church|shops|pub|party|bingo|quiz|dance|disco|walk|park|garden|activities|session|pool|swimming))\b/g

/**
 * A risk named as a topic or a service, not as something happening to a person: "the self harm support group",
 * "questions about suicide", "suicide prevention training". Read as if the words were not there.
 */
const topicPhrases: RegExp[] = [
  /(?:violence|abuse|aggression)(?: (?:and|or) (?:violence|abuse|aggression))? (?:towards|against|to) (?:our |the )?staff (?:will not|wont|is not|isnt) (?:be )?tolerated/,
  /(?:rape crisis|sexual assault referral|domestic (?:abuse|violence)|modern slavery|trafficking|restraint|abuse and neglect|elder abuse)(?: \w+)? (?:counsell\w*|centre|center|charity|helpline|line|services?|team|worker|advocate|policy|policies|training|course|awareness|posters?|leaflets?|talk|session|reduction|techniques)/,
  /(?:suicide|suicidal|self harm|self harming|overdose|crisis)(?: and (?:suicide|self harm))? (?:prevention|intervention|awareness|support|group|groups|team|service|services|training|course|module|line|helpline|charity|questions?|questionnaire|screening|assessment|risk assessment|policy|policies|liaison|worker|leaflets?|posters?|plan|safety plan|first aid|kits?|reversal|pathways?|audits?|statistics|rates?|research|campaign|bereavement|lead)/,
  /(?:questions?|asked|ask|asks|asking|screening|screened|assessed|assessment|talk|talked|talking|leaflets?|posters?|training|course|rules|polic(?:y|ies)|ad|advert|adverts|feedback|dissertation|documentary|programme|essay|project|assignment|coursework|thesis|study|research|article|presentation|session|protocol|guidance|procedure|statistics) (?:\w+ ){0,5}(?:about|on|for|into) (?:(?:how|when|whether|what|why|spotting|assessing|managing|preventing|handling|recognising|identifying)(?: \w+){0,8} )?(?:(?:people|patients|someone|anyone|staff|residents) (?:at risk of|with) )?(?:(?:\w+ ){1,4}and )?(?:suicide|self harm|overdos\w*|suicidal thoughts|thoughts of (?:suicide|self harm))(?: (?:and|or) (?:suicide|self harm|suicidal thoughts))?/,
  /(?:cpr|first aid|choking|sepsis|resus|resuscitation|basic life support|anaphylaxis)(?: (?:and|or) (?:cpr|first aid|choking|sepsis|resus|resuscitation|basic life support|anaphylaxis))? (?:training|course|videos?|sessions?|refresher|module|awareness|posters?|leaflets?|talk|demo|certificate|algorithm|care plan|plan|protocol|drill|policy|risk assessment)/,
  /(?:training|course|videos?|sessions?|module|talk|bit|section|lecture|workshop|refresher) (?:\w+ ){0,2}(?:on|about|covering|covered|covers|incl|including|inc) (?:cpr|first aid|choking|sepsis|resus|resuscitation|basic life support|anaphylaxis)(?: (?:and|or) (?:cpr|first aid|choking|sepsis|resus|resuscitation|basic life support|anaphylaxis))?/,
  /(?:manage|manages|managing|managed|assess|assesses|assessing|handle|handles|handling|deal with|deals with|dealing with) (?:\w+ )?(?:suicide|self harm|ligature) risks?/,
  /(?:history of|past|previous|historic) (?:\w+ )?(?:suicide|suicidal|self harm|self harming|overdos\w*|crisis)(?: attempts?)?/,
  /(?:suicide|suicidal|self harm|self harming|overdos\w*|crisis)(?: attempts?)? (?:in|back in|was|was in|were in) (?:19|20)\d\d|(?:suicide|suicidal|self harm|self harming|overdos\w*|crisis)(?: attempts?)?(?: \w+){0,2} years ago/,
  /since (?:my|his|her|the|their)(?: last)? overdose|after (?:\d+|two|three|four|five|several|many|multiple) overdos\w*|(?:free|clean) (?:from|of) self harm(?:ing)?|(?:sons|daughters|brothers|sisters|husbands|wifes|partners|dads|mums|fathers|mothers|friends) suicide(?! attempt)/,
  /ligature (?:training|audits?|risks?|points?|cutters?|knife|knives|assessments?|checks?|free|course|module|awareness|refresher|policy|policies|inspections?|equipment|reduction|champions?|folders?|registers?|walk ?(?:rounds?|arounds?))|anti ligature \w+|nothing to do with (?:self harm|suicide|overdos\w*)/,
  /(?:anyone|anybody|people|patients|someone|somebody|callers?|residents) who (?:mentions?|says?|talks? about|discloses?|disclosed|mentioned|said) (?:suicide|self harm|suicidal thoughts|wanting to die|they want to die|theyre suicidal|they are suicidal)/,
  /(?:suicide|self harm) risk (?:screening|assessment|questions?|training|policy|protocol)/,
  /(?:asked|asking|asks|ask) (?:\w+ ){0,3}(?:if|whether) (?:i|he|she|they|we) (?:had|have|has|was having|were having) (?:any )?(?:plans|thoughts|intentions?) (?:to|of) (?:end|ending|kill|killing|harm|harming)(?: (?:my|his|her|their|our) ?(?:life|lives|self|selves))?/,
  /(?:died|dying|death|deaths) (?:by|from|through) suicide|(?:lost|losing) (?:\w+ ){1,2}to suicide/,
  /(?:training|taught|shown|course|refresher|drill|plan) (?:\w+ ){0,2}(?:on |for |in |about )?(?:what to do|how to (?:help|respond|react|act)) (?:if|when)(?: \w+){0,6} (?:unconscious|not breathing|stopped breathing|choking|collapses|collapsed|fitting|having a (?:fit|seizure|stroke|heart attack))(?: and (?:not breathing|unresponsive))?/,
]
const topicMentions = new RegExp(`\\b(?:${topicPhrases.map(phrase => phrase.source).join('|')})\\b`, 'g')

/** A question about whether harm ever happens ("someone asked if the carers ever hit her"), a joke about it, or a story (a film where someone is strangled): not a report of it. */
const hypotheticalQuestions =
  /\b(?:asked|asks|ask|asking|wondered|wonder|wondering|want(?:ed)? to know|checked|checking)(?: \w+){0,3} (?:if|whether) (?:\w+ ){0,5}(?:ever|at all|any thoughts?|thoughts)\b(?:(?! (?:and|but|so|because|then|yes|said|says|told|tells|until|now) )[^|])*|\b(?:if|what if|what happens if|suppose|supposing|say) (?:(?:i am|im|you are|youre|we are|were) (?:an? )?\w+ (?:\w+ )?and )?(?:i|we|you|they|a colleague|a member of staff|someone|somebody|someones|anyone|anybody|anyones|anybodys|staff|carers|nurses|a carer|a nurse|the carer|the nurse|new starters?|a new starter|one of us) (?:ever |is |are )?(?:(?:arrive|arrives|go in|goes in|walk in|walks in|turn up|turns up|come in|comes in|get there|gets there) and )?(?:see|sees|saw|witness\w*|suspect\w*|notice\w*|hear|hears|heard|find|finds|found|think|thinks|thinking|thought|feel|feels|feeling|am worried|was worried|have concerns|discloses?|disclosed|mentions?|mentioned|message|messaged|text|texted|ring|rang|call|called|phone|phoned|contact|contacted|email|emailed|report|reported)\b(?:(?! (?:and|but|so|because|then|yes|said|says|told|tells|until|now) )[^|])*|\b(?:always |often |just )?(?:joke|joking|joked|jokes|jokingly|teasing|teased|teases|kidding|pretending) (?:that|about)\b(?:(?! (?:and|but|so|because|then|yes|said|says|told|tells|until|now) )[^|])*|\b(?:films?|movies?|thrillers?|novels?|books?|stories|story|programmes?|documentar(?:y|ies)|soaps?|plays?|dramas?|episodes?|murder myster(?:y|ies)|crime (?:series|drama)|video games?)(?: \w+){0,4} (?:where|in which|about|called|with|showing|featuring|full of)\b(?:(?! (?:and|but|so|because|then|yes|said|says|told|tells|until|now) )[^|])*|\bis (?:it|this|that) (?:classed as |counted as |called |really )?(?:abuse|neglect|assault|restraint) (?:if|when|that)\b(?:(?! (?:and|but|so|because|then|yes|until|now) )[^|])*|\b(?:if|in case|whenever) (?:(?:she|he|they|someone|somebody|anyone|anybody|you|i|we|(?:a|the|my|his|her|our) \w+) (?:is|s|are|were|was|feels?|felt|becomes?|gets?)|shes|hes|theyre|youre|im) (?:ever |ever feels? |feeling )?(?:in danger|at risk|unsafe)\b|\b(?:what|how) (?:should|do|would|must|can) (?:carers|staff|nurses|our staff|care workers|support workers|new starters|a carer|a nurse|a care worker|a support worker|a new starter)(?: \w+){0,2} (?:do|respond|react|act) (?:if|when)\b[^|]*|\b(?:policy|protocol|procedure|guidance|process|what to do|how to (?:respond|react|help)|should (?:we|staff|i|they|receptionists|carers|nurses)(?: \w+){0,3}) (?:\w+ ){0,2}(?:if|when) (?:(?:a|an|any|the) )?(?:resident|patient|client|colleague|service user|person|member of staff|caller|customer|tenant|pupil|student|someone|somebody|anyone|anybody|people|patients|residents) (?:\w+ ){0,2}(?:says?|said|mentions?|mentioned|tells?|told|discloses?|talks? about|talking about|seems?|feels?)\b[^|]*|\b(?:leaflets?|posters?|notices?|booklets?|signs?) (?:\w+ ){0,4}(?:says?|said|reads?)\b(?:(?! (?:and|but|so|because|then|yes|until|now) )[^|])*/g

/** The text as the rules read it: one normalised segment per sentence, joined by clause breaks. */
interface ReadText {
  joined: string
  sentences: string[]
  /** Where each sentence's segment starts in `joined`. */
  starts: number[]
  /** Each sentence's segment of `joined`. */
  segments: string[]
  /** False for a rule's expression only when it cannot match `joined` (see LiteralPrefilter). */
  mayMatch: (pattern: RegExp) => boolean
}

/**
 * A laughing face or "banter" in a threat's sentence or the next marks the threat as a joke ("I'll kill him 😂", "'I'll
 * murder him' … I know it's banter"), unless fear is named too. "lol" and "haha" are not enough: people use them
 * nervously about real threats.
 */
const jokeMarks = /😂|🤣|😆|😹|😜|😝|\b(?:banter|only joking|just joking|jokingly|in jest|(?:meant|said|made) (?:it )?as a joke|joking,? obviously|obviously joking|(?:he|she|they)(?:'?s| is| was| were|'?re| are) (?:only |just |obviously |clearly )?joking)\b/i
const fearNamed = /\b(?:scared|frightened|terrified|afraid|petrified|worried|serious|seriously|not joking|wasnt joking)\b/i
const jokingThreats = /\b(?:(?:tried|try|trying|going|gonna|want|wants|wanted) to |(?:ill|i will|he will|she will|hell|shell|will|would|d) )?(?:kill|murder|strangle|throttle|batter) (?:me|him|her|us|them|you|my \w+|his \w+|her \w+|the \w+)\b/g

/** Lookalikes read as if their words were not there, in this order; a joking threat only beside a joke mark. */
const lookalikes = [figurative, topicMentions, hypotheticalQuestions]
const lookalikesBesideAJoke = [...lookalikes, jokingThreats]
const lookalikePrefilter = new LiteralPrefilter(lookalikesBesideAJoke)

/** A sentence's words without its lookalikes; an expression that cannot match (see LiteralPrefilter) is not run. */
function withoutLookalikes(segment: string, patterns: readonly RegExp[]): string {
  let may = lookalikePrefilter.possibleIn(segment)
  for (const pattern of patterns) {
    if (!may(pattern)) continue
    const replaced = segment.replace(pattern, ' ')
    if (replaced === segment) continue
    segment = replaced
    may = lookalikePrefilter.possibleIn(segment)
  }
  return segment
}

function readText(text: string): ReadText {
  const sentences = splitSentences(text)
  const starts: number[] = []
  let joined = ''
  for (const [index, sentence] of sentences.entries()) {
    starts.push(joined.length)
    const nearby = `${sentence} ${sentences[index + 1] ?? ''}`
    const joking = jokeMarks.test(nearby) && !fearNamed.test(nearby)
    joined += withoutLookalikes(` ${correctedTokens(sentence).join(' ')} `, joking ? lookalikesBesideAJoke : lookalikes) + '|'
  }
  const segments = starts.map((start, index) => joined.slice(start, starts[index + 1] ?? joined.length))
  const read = joined === '' ? ' ' : joined
  return { joined: read, sentences, starts, segments, mayMatch: rulePrefilter.possibleIn(read) }
}

function sentenceAt(read: ReadText, index: number): string {
  let chosen = 0
  for (let sentence = 0; sentence < read.starts.length; sentence++) if ((read.starts[sentence] as number) <= index) chosen = sentence
  return read.sentences[chosen] ?? ''
}

interface RuleMatch {
  rule: SafetyRule
  phrase: string
  sentence: string
}

function firstMatchOf(pattern: RegExp, rule: SafetyRule, read: ReadText): RuleMatch | undefined {
  if (!read.mayMatch(pattern)) return undefined
  pattern.lastIndex = 0
  for (let match = pattern.exec(read.joined); match !== null; match = pattern.exec(read.joined)) {
    if (!isNegated(read.joined, match.index, rule.negation)) return { rule, phrase: match[0].trim(), sentence: sentenceAt(read, match.index) }
    if (match[0].length === 0) pattern.lastIndex++
  }
  return undefined
}

/** A rule's first phrase that matches; for a rule read from signs, enough kinds of sign, quoting the first sentence with one. */
function firstMatch(rule: SafetyRule, read: ReadText): RuleMatch | undefined {
  const alone = firstMatchOf(rule.pattern, rule, read)
  if (alone || !rule.signPatterns || !rule.signs) return alone
  if (rule.ordinaryReasons && firstMatchOf(rule.ordinaryReasons, rule, read)) return undefined
  const found = rule.signPatterns.flatMap(pattern => firstMatchOf(pattern, rule, read) ?? [])
  if (found.length < rule.signs.signsNeeded) return undefined
  const [first] = found.sort((one, other) => read.joined.indexOf(one.phrase) - read.joined.indexOf(other.phrase))
  return first && { ...first, phrase: found.map(match => match.phrase).join(' … ') }
}

function findMatches(read: ReadText): RuleMatch[] {
  const matches: RuleMatch[] = []
  for (const rule of rules) {
    const match = firstMatch(rule, read)
    if (match) matches.push(match)
  }
  return matches
}

/** Whether one rule matches a text on its own (for the rule table test and tools). */
export function ruleMatches(rule: SafetyRule, text: string): boolean {
  return firstMatch(rule, readText(text)) !== undefined
}

export const safetyRules: readonly SafetyRule[] = rules

const partingRules = rules.filter(rule => rule.ordinaryReasons !== undefined)

/** Whether the text gives an ordinary reason for parting ways (a move, a new service, getting better), as the sign rules read it. */
export function givesOrdinaryReasonForParting(text: string): boolean {
  const read = readText(text)
  return partingRules.some(rule => firstMatchOf(rule.ordinaryReasons as RegExp, rule, read) !== undefined)
}

/**
 * Quoted so an inspector can find it: the sentence as written (its own double quotes made single, so the quotation
 * has clear ends), cut at 200 characters.
 */
export function quoteSentence(sentence: string): string {
  const plain = sentence.replace(/["\u201c\u201d]/g, "'")
  return `"${plain.length > 200 ? `${plain.slice(0, 199).trimEnd()}…` : plain}"`
}

/**
 * A reason without the person's words, for alerts that leave the service (email, SMS, webhook, Teams): the rule, the
 * model and the categories stay; the quoted sentences are for the console, where reading them is audited.
 */
export function reasonWithoutQuotations(reason: string): string {
  return reason
    .replace(/ Most negative in its words: "[^"]*"\./g, '')
    .replace(/(?:,? most of all|:| in)? ?["\u201c][^"\u201d]*["\u201d]/g, '')
    .replace(/\s+([.;,])/g, '$1')
    .trim()
}

export interface CueMatch {
  cue: UrgencyCue
  sentence: string
}

export interface UrgencyContext {
  /** The harm is over or in hand (at least one strong or two weak settled cues), and nothing says it goes on. */
  settled: boolean
  settledBy: CueMatch[]
  ongoingBy: CueMatch[]
  /** The sentence that shows a person being harmed or in danger now, when one does (see presenceCues). */
  atRiskNow?: string
  /** Whether that sentence says so itself (harm and the present in one sentence, or a cue it is happening now), not only by the message's "now" elsewhere. */
  atRiskNowSaid: boolean
  /** The sentence that shows a person harmed or in danger, at a time the message does not place in the past. */
  harmShown?: string
  /** The message places what happened in the past (last year, in May, he has left) and says nothing happens now. */
  past: boolean
}

const compiledCue = new Map<UrgencyCue, RegExp>()
function cuePattern(cue: UrgencyCue): RegExp {
  let pattern = compiledCue.get(cue)
  if (!pattern) {
    pattern = new RegExp(`\\b(?:${cue.phrases.map(phrase => phrase.source).join('|')})\\b`, 'g')
    compiledCue.set(cue, pattern)
  }
  return pattern
}

/** Cues that say a person is all right, undone by hearsay in the same clause ("mum says she is fine"). */
const hearsayUndoes = new Set(['responded', 'well-now', 'no-one-at-risk'])
const hearsay = /\b(?:says|said|say|saying|claims?|claimed|insists?|insisted|tells|told|reckons?|wrote|writes)\b/

function isQualifiedWellbeing(cue: UrgencyCue, read: ReadText, index: number): boolean {
  return hearsayUndoes.has(cue.id) && hearsay.test(read.joined.slice(read.joined.lastIndexOf('|', index) + 1, index))
}

/**
 * The first place each cue is said. A settled cue that is negated in its clause ("it was never investigated", "I dont
 * think it is being dealt with") says the opposite and does not count.
 */
function findCues(cues: UrgencyCue[], read: ReadText, negatable = false): CueMatch[] {
  const found: CueMatch[] = []
  for (const cue of cues) {
    const pattern = cuePattern(cue)
    pattern.lastIndex = 0
    for (let match = pattern.exec(read.joined); match !== null; match = pattern.exec(read.joined)) {
      const sentence = sentenceAt(read, match.index)
      if (negatable && (isNegated(read.joined, match.index, 'clause') || isQualifiedWellbeing(cue, read, match.index))) {
        if (match[0].length === 0) pattern.lastIndex++
        continue
      }
      found.push({ cue, sentence })
      break
    }
  }
  return found
}

const presencePatterns = {
  harm: new RegExp(`\\b(?:${presenceCues.harm.map(phrase => phrase.source).join('|')})\\b`, 'g'),
  now: new RegExp(`\\b(?:${presenceCues.now.map(phrase => phrase.source).join('|')})\\b`),
  habitual: new RegExp(`\\b(?:${presenceCues.habitual.map(phrase => phrase.source).join('|')})\\b`),
  past: new RegExp(`\\b(?:${presenceCues.past.map(phrase => phrase.source).join('|')})\\b`),
}

function mentionsHarm(segment: string): boolean {
  const pattern = presencePatterns.harm
  pattern.lastIndex = 0
  for (let match = pattern.exec(segment); match !== null; match = pattern.exec(segment)) {
    if (!isNegated(segment, match.index, 'clause')) return true
  }
  return false
}

/**
 * Whether a cue that something goes on ("every day", "three times") is about the harm now: in the sentence that named
 * the harm or in another that speaks of harm, and not placed in the past. "Two years ago he was self-harming every
 * day" and "his follow-up has been moved three times" do not undo a recovery. Nor does a relapse told with its time
 * ("… for six years, but last night he cut himself again").
 */
function harmGoesOn(read: ReadText, ongoingBy: CueMatch[], harmSentence: string): boolean {
  const harmSegment = read.segments[read.sentences.indexOf(harmSentence)] ?? ''
  if (relapse.test(harmSegment) && presencePatterns.now.test(harmSegment)) return true
  if (ongoingBy.length === 0) return false
  return ongoingBy.some(({ sentence }) => {
    const segment = read.segments[read.sentences.indexOf(sentence)] ?? ''
    return (sentence === harmSentence || mentionsHarm(segment)) && (presencePatterns.now.test(segment) || !presencePatterns.past.test(segment))
  })
}

/**
 * The sentence that says a person is harmed or in danger now: harm and the present in one sentence, or in the message
 * as a whole when nothing places it in the past; or a cue that it is happening now or someone is afraid now.
 */
function findAtRiskNow(read: ReadText, settledBy: CueMatch[], ongoingBy: CueMatch[]): { atRiskNow?: string; atRiskNowSaid: boolean; harmShown?: string; past: boolean } {
  const { segments } = read
  const isPast = segments.map(segment => presencePatterns.past.test(segment))
  const isNow = segments.map(segment => presencePatterns.now.test(segment) || presencePatterns.habitual.test(segment))
  const pastMentioned = isPast.includes(true)
  const now = isNow.includes(true)
  const happeningNow = ongoingBy.find(({ cue }) => cue.id === 'happening-now' || cue.id === 'afraid-now')
  const noOneHarmed = settledBy.some(({ cue }) => cue.id === 'no-one-at-risk')
  const harmed = noOneHarmed ? [] : segments.flatMap((segment, index) => (mentionsHarm(segment) ? [index] : []))
  // Harm in a sentence that says now, or in one that does not place it in the past.
  const harmNow = harmed.find(index => isNow[index])
  const harmUndated = harmed.find(index => !isPast[index])
  let atRiskNow: string | undefined
  if (happeningNow) atRiskNow = happeningNow.sentence
  else if (harmNow !== undefined) atRiskNow = read.sentences[harmNow]
  else if (harmUndated !== undefined && now && !pastMentioned) atRiskNow = read.sentences[harmUndated]
  const harmIndex = harmNow ?? harmUndated
  const harmShown = atRiskNow ?? (harmIndex === undefined ? undefined : read.sentences[harmIndex])
  const past = pastMentioned && !now && harmShown === undefined
  return { atRiskNow, atRiskNowSaid: happeningNow !== undefined || harmNow !== undefined, harmShown, past }
}

/**
 * A sentence after the last word that the harm was in hand which shows harm now: telling a nurse or a check does not
 * settle what came after it ("I told the nurse I swallowed batteries and she said go to bed. My stomach really hurts now").
 */
function harmNowAfter(read: ReadText, settledBy: CueMatch[]): boolean {
  const last = Math.max(...settledBy.map(({ sentence }) => read.sentences.lastIndexOf(sentence)))
  return read.segments.some((segment, index) => index > last && mentionsHarm(segment) && presencePatterns.now.test(segment))
}

function readUrgencyContext(read: ReadText): UrgencyContext {
  const settledBy = findCues(settledCues, read, true)
  // Saying no one has been harmed outweighs a problem that persists (short staffing every night), not harm happening now.
  const noOneHarmed = settledBy.some(({ cue }) => cue.id === 'no-one-at-risk')
  const ongoingBy = findCues(ongoingCues, read).filter(({ cue }) => !(noOneHarmed && cue.id === 'keeps-happening'))
  const presence = findAtRiskNow(read, settledBy, ongoingBy)
  // Telling someone, or an old start, does not make a person safe who the message shows harmed now.
  const settling = presence.atRiskNow === undefined ? settledBy : settledBy.filter(({ cue }) => cue.notWhenHarmedNow !== true)
  const strong = settling.some(({ cue }) => cue.strength === 'strong')
  const settled = ongoingBy.length === 0 && (strong || settling.length >= 2) && !harmNowAfter(read, settling)
  return { settled, settledBy: settling, ongoingBy, ...presence }
}

const unread: UrgencyContext = { settled: false, settledBy: [], ongoingBy: [], atRiskNowSaid: false, past: false }

/** The finding with its urgency context read, when assessSafety skipped it because no rule matched. */
export function withContext(finding: SafetyFinding, text: string): SafetyFinding {
  return finding.context === unread ? { ...finding, context: assessUrgencyContext(text) } : finding
}

/** Whether the message says the harm is over or in hand, and nothing says it goes on (for the concern model's reading too). */
export function assessUrgencyContext(text: string): UrgencyContext {
  return readUrgencyContext(readText(text))
}

/**
 * Categories that are serious but not in themselves an emergency: a regime, a worker's report, infection control,
 * staffing, records, unsafe care. They reach an inspector within a working day, and page only when a person is
 * harmed or in danger now (or has just come to serious harm).
 */
const notInThemselvesUrgent = new Set<RiskCategory>(['organisational', 'whistleblowing', 'infection-control', 'unsafe-staffing', 'unsafe-care'])

export function isNotInItselfUrgent(categories: readonly RiskCategory[], signpost?: SignpostKind): boolean {
  return signpost !== 'immediate-danger' && categories.length > 0 && categories.every(category => notInThemselvesUrgent.has(category))
}

/** Never lowered by context: risk to life, sexual abuse, and danger happening now. */
export function isNeverLowered(categories: readonly RiskCategory[], signpost?: SignpostKind): boolean {
  return signpost === 'immediate-danger' || categories.includes('risk-to-life') || categories.includes('sexual')
}

const thirdPartyCategories = new Set<RiskCategory>(['physical', 'psychological', 'discriminatory'])

export interface SafetyContext {
  /** The model reads the feedback as positive, as when praising a crew who helped someone who collapsed. */
  positive?: boolean
}

/** One rule that fired, at the level it counted for. */
export interface SafetySignal {
  ruleId: string
  describes: string
  categories: RiskCategory[]
  level: RiskLevel
  sentence: string
  /** Why a serious (high) rule counted as urgent here. */
  raisedBecause?: string
}

export interface SafetyFinding {
  level: RiskLevel
  categories: RiskCategory[]
  signposts: SignpostKind[]
  reason: string
  /** Every rule that fired, strongest first. */
  signals: SafetySignal[]
  context: UrgencyContext
  /** Set when context lowered an urgent phrase to high. */
  loweredBy?: CueMatch
}

export function describeCategories(categories: readonly RiskCategory[]): string {
  return categories.length === 0 ? 'abuse of a kind not named' : categories.map(category => riskCategoryLabels[category].toLowerCase()).join(' and ')
}

function describeSignal(signal: SafetySignal): string {
  return `rule ${signal.ruleId} (${describeCategories(signal.categories)}) in ${quoteSentence(signal.sentence)}`
}

/** Names every other rule counted, each with its sentence, after the one that set the level. */
export function describeOtherSignals(signals: readonly SafetySignal[]): string {
  return signals.length === 0 ? '' : ` Also counted: ${signals.map(describeSignal).join('; ')}.`
}

/**
 * The explicit safety rules: what an inspector must see, with the sentence that triggered it.
 * A "high" signal becomes urgent when it persists ("every night", "for days"), has caused serious harm,
 * is about someone in care rather than the writer, or comes with another serious signal (such as a worker's report),
 * unless the message says the harm is over or in hand. An urgent signal becomes high when the message says it is
 * over or in hand (dealt with, reported, long ago, checked by a doctor, no one at risk) and nothing says it goes on;
 * risk to life, sexual abuse and danger happening now are never lowered.
 */
export function assessSafety(text: string, safetyContext: SafetyContext = {}): SafetyFinding {
  const read = readText(text)
  const matches = findMatches(read)
  // Most feedback matches no rule: its context is read only if the concern model needs it (see withContext).
  if (matches.length === 0) return { level: 'none', categories: [], signposts: [], reason: '', signals: [], context: unread }
  const context = readUrgencyContext(read)
  const { joined } = read
  // A habit told in praise ("the carers were lovely every time") is not harm that persists.
  const persistent = read.segments.some(segment => persistence.test(segment) && !praise.test(segment))
  const harmful = mentionsSeriousHarm(joined)
  const aboutSomeoneInCare = careRecipient.test(joined)
  const recovering = recovery.test(joined)
  const highRules = new Set(matches.filter(match => match.rule.level !== 'urgent').map(match => match.rule.id))
  const categories = new Set<RiskCategory>()
  const signposts = new Set<SignpostKind>()
  const signals: SafetySignal[] = []
  let loweredBy: CueMatch | undefined
  let noPresentDanger = false
  const harmfulNow = mentionsSeriousHarm(joined.replace(deaths, ' '))
  for (const match of matches) {
    const { rule } = match
    let matchLevel = rule.level
    const onlyWhistleblowing = rule.categories.every(category => category === 'whistleblowing')
    // A phrase cannot be its own evidence of serious harm ("physio for my broken wrist was great").
    const harmfulBeyondPhrase = harmful && mentionsSeriousHarm(joined.replace(match.phrase, ' '))
    let raisedBecause: string | undefined
    const notInItselfUrgent = isNotInItselfUrgent(rule.categories, rule.signpost)
    // A serious harm just done (not a death, which is past help) is present danger too.
    const presentDanger = context.harmShown !== undefined || (harmfulNow && !context.past && !context.settled)
    if (!context.settled && !context.past && matchLevel === 'high' && (presentDanger || !notInItselfUrgent)) {
      if (!onlyWhistleblowing && persistent) raisedBecause = 'it persists or is unexplained'
      else if (!onlyWhistleblowing && harmfulBeyondPhrase) raisedBecause = 'it has caused serious harm'
      else if (aboutSomeoneInCare && rule.categories.some(category => thirdPartyCategories.has(category))) raisedBecause = 'it concerns someone in care'
      else if (highRules.size >= 2) raisedBecause = 'it comes with another serious signal'
      if (raisedBecause) matchLevel = 'urgent'
    }
    if (matchLevel === 'urgent' && rule.categories.includes('risk-to-life') && recovering && !harmGoesOn(read, context.ongoingBy, match.sentence)) matchLevel = 'high'
    // Praise around a medical emergency is praise for the care that answered it ("he collapsed, the paramedics were brilliant"); a fire or gas leak gets no such reading.
    if (matchLevel === 'urgent' && safetyContext.positive === true && rule.id === 'immediate-danger.medical-emergency-now') matchLevel = 'low'
    const pastEmergency = rule.signpost === 'immediate-danger' && rule.categories.includes('unsafe-care') && context.settledBy.some(({ cue }) => cue.id === 'checked' || cue.id === 'responded' || cue.id === 'well-now' || cue.id === 'dealt-with')
    if (matchLevel === 'urgent' && context.settled && (pastEmergency || !isNeverLowered(rule.categories, rule.signpost))) {
      matchLevel = 'high'
      loweredBy ??= context.settledBy[0]
    }
    if (matchLevel === 'urgent' && notInItselfUrgent && (rule.level === 'urgent' ? context.past : !presentDanger)) {
      matchLevel = 'high'
      noPresentDanger = true
    }
    for (const category of rule.categories) categories.add(category)
    if (rule.signpost) signposts.add(rule.signpost)
    signals.push({ ruleId: rule.id, describes: rule.describes, categories: rule.categories, level: matchLevel, sentence: match.sentence, raisedBecause: matchLevel === 'urgent' ? raisedBecause : undefined })
  }
  signals.sort((first, second) => riskLevelOrder[second.level] - riskLevelOrder[first.level])
  const [strongest, ...others] = signals as [SafetySignal, ...SafetySignal[]]
  const stillUrgent = strongest.level === 'urgent'
  const lowered = !stillUrgent && loweredBy !== undefined
  const reason =
    `Rule ${strongest.ruleId} (${describeCategories(strongest.categories)}) found ${strongest.describes} in ${quoteSentence(strongest.sentence)}.` +
    (strongest.raisedBecause ? ` Urgent because ${strongest.raisedBecause}.` : '') +
    (lowered && loweredBy ? ` High rather than urgent because the message says ${loweredBy.cue.says}: ${quoteSentence(loweredBy.sentence)}.` : '') +
    (!stillUrgent && !lowered && noPresentDanger ? ` High rather than urgent because ${noPresentDangerReason}.` : '') +
    describeOtherSignals(others)
  return { level: strongest.level, categories: [...categories], signposts: [...signposts], reason, signals, context, loweredBy: lowered ? loweredBy : undefined }
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

/** Which help the rules alone say a message needs (signposting.ts adds the concern model's reading). Fast, synchronous, errs towards signposting. */
export function signpostingByRules(text: string): SignpostKind[] {
  const read = readText(text)
  const { joined } = read
  const matches = findMatches(read)
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
