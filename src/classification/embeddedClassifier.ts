import type { ConcernAssessment } from './concernModel'
import { loadEmbeddedModel, type EmbeddedModel, type ModelPrediction } from './model'
import { assessSafety, describeCategories, describeOtherSignals, givesOrdinaryReasonForParting, isNeverLowered, isNotInItselfUrgent, noPresentDangerReason, quoteSentence, signpostingByRules, withContext, type SafetyFinding, type SafetySignal, safetyRulesVersion } from './safetyRules'
import { higherRiskLevel, type RiskCategory, type RiskLevel, riskLevelOrder } from './taxonomy'
import { lexiconFeatures } from './sentimentLexicon'
import { normaliseTokens, splitSentences } from './text'
import type { Classification, FeedbackClassifier, FeedbackContext, RiskAssessment } from './types'

const themeRiskCategories: Record<string, RiskCategory> = {
  'Number & deployment of staff': 'unsafe-staffing',
  'Cleanliness, tidiness & infection control': 'infection-control',
  'Supplying & understanding medication': 'unsafe-care',
  'Competence & training': 'unsafe-care',
  'Diagnosis & triage': 'unsafe-care',
  'Feeling safe': 'unsafe-care',
  'Safeguarding concerns?': 'unsafe-care',
}

const careThemes = new Set([
  'Staff manner & personal attributes', 'Competence & training', 'Supplying & understanding medication', 'Pain management',
  'Diagnosis & triage', 'Care plans', 'Impact of treatment/ care', 'Cleanliness, tidiness & infection control', 'Feeling safe',
  'Number & deployment of staff', 'Staff listening, understanding & involving patients', 'Discharge', 'Patient appearance & grooming',
  'Food & drink provision & facilities', 'Safeguarding concerns?', 'Mental Health Act', 'Equality, Diversity & Inclusion',
])

function describeThemes(themes: string[]): string {
  const named = themes.filter(theme => theme !== 'Negative experience & dissatisfaction' && theme !== 'Not assigned').slice(0, 2)
  return named.length > 0 ? named.map(theme => theme.toLowerCase()).join(' and ') : 'the service'
}

/** The sentence whose words are most negative (by the sentiment lexicon), quoted for a reason from the theme and sentiment model. */
export function mostNegativeSentence(text: string): string {
  const sentences = splitSentences(text)
  let chosen = sentences[0] ?? text
  let lowest = Infinity
  for (const sentence of sentences) {
    const [compound] = lexiconFeatures(sentence) as [number]
    if (compound < lowest) {
      lowest = compound
      chosen = sentence
    }
  }
  return chosen
}

/** The sentence a model scores highest, to quote in a reason (the whole text when it is one sentence). */
function sentenceScoringHighest(text: string, score: (sentence: string) => number): string {
  const sentences = splitSentences(text)
  let strongest = sentences[0] ?? text
  let best = -Infinity
  for (const sentence of sentences.length > 1 ? sentences : []) {
    const value = score(sentence)
    if (value > best) {
      best = value
      strongest = sentence
    }
  }
  return strongest
}

/** What the statistical model alone says about risk: how negative, and about what. */
export function modelRisk(prediction: ModelPrediction, safetyThemeProbability: number, text = ''): RiskAssessment {
  const quoted = (): string => ` Most negative in its words: ${quoteSentence(mostNegativeSentence(text))}.`
  const { sentiment, themes } = prediction
  const categories = [...new Set(themes.map(theme => themeRiskCategories[theme]).filter((category): category is RiskCategory => category !== undefined))]
  if (sentiment >= 4 && safetyThemeProbability >= 0.5) {
    return { level: 'high', categories: categories.length > 0 ? categories : ['unsafe-care'], reason: `The theme model reads this as someone not feeling safe or a safeguarding concern, with no rule matched.${quoted()}` }
  }
  const aboutCare = themes.some(theme => careThemes.has(theme))
  if (sentiment === 5 || (sentiment === 4 && aboutCare)) {
    return { level: 'medium', categories: sentiment >= 4 ? categories : [], reason: `No rule matched; the theme and sentiment model reads negative feedback about ${describeThemes(themes)}, as poor care.${quoted()}` }
  }
  if (sentiment >= 3 && !themes.includes('Positive experience & gratitude')) {
    return { level: 'low', categories: [], reason: `No rule matched; the theme and sentiment model reads a service issue about ${describeThemes(themes)}.${quoted()}` }
  }
  if (sentiment >= 4) {
    return { level: 'low', categories: [], reason: `No rule matched; the theme and sentiment model reads a service issue about ${describeThemes(themes)}.${quoted()}` }
  }
  return { level: 'none', categories: [], reason: 'No safety concern found; the feedback reads as positive or neutral.' }
}

/**
 * The highest level wins. Its reason is kept, the safety rules' first when they tie (they quote the phrase that
 * matched); categories come from every source that reached that level.
 */
export function combineRisk(rules: SafetyFinding, ...models: RiskAssessment[]): RiskAssessment {
  const sources: RiskAssessment[] = [rules, ...models]
  const level: RiskLevel = sources.reduce<RiskLevel>((highest, source) => higherRiskLevel(highest, source.level), 'none')
  const atLevel = sources.filter(source => source.level === level && source.reason !== '')
  const categories = [...new Set(atLevel.flatMap(source => source.categories))]
  return { level, categories, reason: atLevel[0]?.reason ?? (sources.find(source => source.reason !== '')?.reason ?? '') }
}

/** Safety phrases that figures of speech, resolved events and good news rarely borrow: never second-guessed. */
const alwaysUrgentCategories = new Set<RiskCategory>(['risk-to-life', 'sexual'])

/**
 * A safety phrase marks a message urgent on its own when the concern model, reading the whole message, reads it as
 * urgent too, or a sentence shows someone harmed or in danger now, or the message says it goes on. Otherwise, when the
 * model reads the message below urgent ("dad keeps saying he's starving, he isn't, but still"), or reads it as calm
 * with confidence whatever else it says ("years ago a carer was rough with my gran, it was dealt with"), the phrase
 * still gets an inspector within a working day, but does not page anyone: false alarms teach people to ignore alarms.
 * Risk to life, sexual abuse and emergencies happening now are never held back, nor is a finding whose own sentence
 * the concern model reads as urgent: praise around it dilutes the whole message ("he is still scared because a nurse
 * slapped him last night", added to a chat that began "the nurses were lovely").
 */
export function weighRulesAgainstConcern(rules: SafetyFinding, concern: ConcernAssessment, readsUrgent: (sentence: string) => boolean): SafetyFinding {
  if (rules.level !== 'urgent' || concern.level === 'urgent') return rules
  const { harmShown, ongoingBy, atRiskNowSaid } = rules.context
  const harmNow = harmShown !== undefined || ongoingBy.length > 0 || atRiskNowSaid
  if (harmNow && !concern.confidentlyCalm) return rules
  if (rules.signposts.includes('immediate-danger') || rules.categories.some(category => alwaysUrgentCategories.has(category))) return rules
  const [strongest, ...others] = rules.signals as [SafetySignal, ...SafetySignal[]]
  if (readsUrgent(strongest.sentence)) return rules
  const because = concern.confidentlyCalm
    ? 'the concern model reads the whole message as calm'
    : `the concern model reads the whole message as ${concern.level === 'high' ? 'serious but not urgent' : 'calm'}, and no sentence shows someone harmed or in danger now`
  const reason =
    `Rule ${strongest.ruleId} (${describeCategories(strongest.categories)}) found ${strongest.describes} in ${quoteSentence(strongest.sentence)}. ` +
    `High rather than urgent because ${because}.` +
    describeOtherSignals(others)
  return { ...rules, level: 'high', reason, signals: [{ ...strongest, level: 'high' }, ...others] }
}

/** Words of a crisis or its means: the concern model's reading of risk to life stands on them, not on its category guess alone. */
const riskToLifeWords =
  /\b(?:suicid\w*|self ?harm\w*|overdos\w*|kill (?:my|him|her|them) ?sel(?:f|ves)|(?:end|ending|finish|finishing|take|taking) (?:it|it all|my life|his life|her life|their life|things)|(?:want|wants|wanted|going|ready) to (?:die|go)|die|dying|dead|better off|goodbye|note|notes|rope|noose|ligature|hose|bridge|jump|jumping|pills|tablets|paracetamol|antidepressants|vodka|razor|blades?|cut|cutting|cuts|hang|hanging|not be here|wont be here|be gone|cant (?:go on|cope|take|do this)|no (?:point|reason) (?:in )?(?:living|going on)|hopeless)\b/

function speaksOfRiskToLife(text: string): boolean {
  return riskToLifeWords.test(normaliseTokens(text).join(' ')) || signpostingByRules(text).includes('mental-health-crisis')
}

/**
 * With no rule at urgent, the concern model pages someone only when its score clears its urgent threshold by this
 * much; just over the line, it reads like a serious matter for a working day (most of the serious-not-immediate
 * reports in the team's sets scored there).
 */
const concernAloneUrgentMargin = 0.18

/**
 * Far over its urgent line, the concern model's reading stands without a sentence the context rules read as harm
 * now: those rules know phrases, and people describe danger in words no list holds ("pins him to the wall by his
 * neck", "4 my nan on kitchen floor"). Past, settled and praise still lower it. Chosen on the team's and the
 * outside writers' sets: on the validation sets, 7 more of 440 urgent items paged (2 more of 63 in mixed inboxes)
 * for no more of 634 calm ones, and 5 more of 349 serious-not-immediate (measured before a worker's report joined
 * needsHarmShown).
 */
const concernStandsAloneMargin = 0.5

/**
 * When the concern model reads a message as urgent, the in-hand model holds it at high only this far over its own line:
 * two learned readings that disagree need a clear one to keep a page back. At its line alone, the team's unseen urgent
 * set lost a worker's report of an outbreak the concern model read far over its urgent line.
 */
const inHandOverConcernMargin = 0.3

/**
 * Staffing and hygiene worries, and a worker's report, page only when someone is harmed now, however sure the model is
 * ("two staff for 20 residents", "managers told us not to write incidents down").
 */
const needsHarmShown = new Set<RiskCategory>(['unsafe-staffing', 'infection-control', 'whistleblowing'])

/**
 * Whether the risk-to-life model reads signs that someone may mean to end their life, with no ordinary reason for the
 * goodbye given (a move, a new service, getting better): its calm examples share those signs, but few of them.
 */
export function showsSignsOfRiskToLife(text: string, riskToLifeMargin: number): boolean {
  return riskToLifeMargin >= 0 && !givesOrdinaryReasonForParting(text)
}

export class EmbeddedClassifier implements FeedbackClassifier {
  readonly name = 'embedded'
  private readonly model: EmbeddedModel
  private readonly safetyThemeIndices: number[]

  constructor(model: EmbeddedModel = loadEmbeddedModel()) {
    this.model = model
    this.safetyThemeIndices = ['Feeling safe', 'Safeguarding concerns?'].map(theme => model.themeNames.indexOf(theme)).filter(index => index >= 0)
  }

  /** The model's version and the safety rules' hash, stored on every result. */
  get version(): string {
    return `${this.model.version}+rules.${safetyRulesVersion}`
  }

  /**
   * The concern model's reading, as a risk an inspector can check: the sentence it scores highest is quoted, and
   * an urgent reading becomes high when the message says the harm is over or in hand (as for the rules).
   */
  concernRisk(text: string, concern: ConcernAssessment, ruleFinding: SafetyFinding, positive = false): RiskAssessment {
    if (concern.level === 'none') return { level: 'none', categories: [], reason: '' }
    const rules = withContext(ruleFinding, text)
    const strongest = sentenceScoringHighest(text, sentence => this.model.assessConcern(sentence).score)
    const { settled, settledBy } = rules.context
    // The model's category is a guess from its words: when the message says the harm is over or in hand, a reading of
    // risk to life stands only if the message speaks of a crisis (a wrong dose put right is not a wish to die).
    const unfoundedRiskToLife = concern.category === 'risk-to-life' && !speaksOfRiskToLife(text)
    const neverLowered = isNeverLowered([concern.category]) && !unfoundedRiskToLife
    // The writer saying no one is in danger ("he's not in danger but he's cut off", "not an emergency") outweighs a
    // habit or a repeat told beside it, unless a sentence shows someone harmed: the model's words alone do not overrule it.
    const deniedDanger = rules.context.harmShown === undefined ? settledBy.find(({ cue }) => cue.id === 'no-one-at-risk') : undefined
    const loweredBy = settled ? settledBy[0] : rules.signals.every(signal => signal.level !== 'urgent') ? deniedDanger : undefined
    const lowered = concern.level === 'urgent' && loweredBy !== undefined && !neverLowered && !rules.signals.some(signal => isNeverLowered(signal.categories))
    // Just over the line, the reading pages only when a rule confirms a serious concern and a sentence shows someone harmed
    // now, or when it is of sexual abuse or a crisis the message names: those are never held back.
    const confirmed = rules.level === 'high' && rules.context.atRiskNow !== undefined
    const narrow = concern.level === 'urgent' && !lowered && concern.margin < concernAloneUrgentMargin && !confirmed && !neverLowered
    // Words alone do not page: the model's reading needs a sentence showing someone harmed or in danger now (so does a
    // guess of risk to life in a message with no word of a crisis: "scaffolding outside her window for six months").
    const { harmShown, past } = rules.context
    const unconfirmed =
      concern.level === 'urgent' && !lowered && !narrow && !neverLowered &&
      (past || positive || ((isNotInItselfUrgent([concern.category]) || unfoundedRiskToLife) && harmShown === undefined && (concern.margin < concernStandsAloneMargin || needsHarmShown.has(concern.category))))
    const level = lowered || narrow || unconfirmed ? 'high' : concern.level
    const because =
      lowered && loweredBy
        ? ` High rather than urgent because the message says ${loweredBy.cue.says}: ${quoteSentence(loweredBy.sentence)}.`
        : narrow
          ? ' High rather than urgent because the score is only just over the urgent line and no rule confirms it.'
          : unconfirmed
            ? ` High rather than urgent because ${past ? 'the message places it in the past and says nothing goes on now' : positive ? 'the message reads as praise' : noPresentDangerReason}.`
            : level === 'urgent' && harmShown !== undefined
              ? ` Urgent because it shows someone harmed or in danger: ${quoteSentence(harmShown)}.`
              : level === 'urgent' && (isNotInItselfUrgent([concern.category]) || unfoundedRiskToLife)
                ? ' Urgent because the score is far over the urgent line, though no rule names the harm.'
                : ''
    return {
      level,
      categories: [concern.category],
      reason: `The concern model (${describeCategories([concern.category])}) reads this as ${concern.level}, most of all ${quoteSentence(strongest)}; no rule matched at that level.${because}${describeOtherSignals(rules.signals)}`,
    }
  }

  /**
   * The risk-to-life model's reading, quoting the sentence it scores highest. Risk to life is never lowered: people who
   * mean it thank staff, say it is nobody's fault and speak of the past.
   */
  riskToLifeRisk(text: string, rules: SafetyFinding): RiskAssessment {
    const strongest = sentenceScoringHighest(text, sentence => this.model.riskToLifeMargin(sentence))
    return {
      level: 'urgent',
      categories: ['risk-to-life'],
      reason: `The risk-to-life model reads signs that someone's life may be at risk, most of all ${quoteSentence(strongest)}; no rule matched at that level.${describeOtherSignals(rules.signals)}`,
    }
  }

  /**
   * An urgent reading held at high when the in-hand model reads the whole message as serious but over or in hand
   * (dealt with, reported, checked, in the past, no one at risk now), in words no cue list holds. Never for risk to
   * life (named, or read by the risk-to-life model), sexual abuse, an emergency, a sentence showing someone harmed or
   * in danger now, or a cue that it goes on (the abuser "now volunteering with children", "every night", "nothing was
   * done", records rewritten).
   */
  heldInHand(text: string, rules: SafetyFinding, prediction: ModelPrediction, risk: RiskAssessment): RiskAssessment {
    if (risk.level !== 'urgent' || isNeverLowered(risk.categories, rules.signposts.includes('immediate-danger') ? 'immediate-danger' : undefined)) return risk
    if (showsSignsOfRiskToLife(text, prediction.riskToLifeMargin)) return risk
    if (rules.signals.some(signal => isNeverLowered(signal.categories))) return risk
    const { atRiskNowSaid, ongoingBy } = withContext(rules, text).context
    if (atRiskNowSaid || ongoingBy.length > 0) return risk
    if (this.model.inHandMargin(text) < (prediction.concern.level === 'urgent' ? inHandOverConcernMargin : 0)) return risk
    const strongest = sentenceScoringHighest(text, sentence => this.model.inHandMargin(sentence))
    return { ...risk, level: 'high', reason: `${risk.reason} High rather than urgent because the in-hand model reads the message as over or in hand, most of all ${quoteSentence(strongest)}.` }
  }

  /** Whether the concern model alone reads the text as calm (below high): a condition for an LLM to lower urgent. */
  readsAsCalm(text: string): boolean {
    return this.model.assessConcern(text).level === 'none'
  }

  classifySync(text: string, context: FeedbackContext = {}): Classification {
    const prediction = this.model.predict(text, context)
    const safetyThemeProbability = Math.max(0, ...this.safetyThemeIndices.map(index => prediction.themeProbabilities[index] as number))
    const positive = prediction.sentiment <= 2 && prediction.themes.includes('Positive experience & gratitude')
    const rules = weighRulesAgainstConcern(assessSafety(text, { positive }), prediction.concern, sentence => this.model.assessConcern(sentence).level === 'urgent')
    const concern = riskLevelOrder[prediction.concern.level] > riskLevelOrder[rules.level] ? this.concernRisk(text, prediction.concern, rules, positive) : { level: 'none' as const, categories: [], reason: '' }
    const riskToLife = rules.level !== 'urgent' && concern.level !== 'urgent' && showsSignsOfRiskToLife(text, prediction.riskToLifeMargin) ? this.riskToLifeRisk(text, rules) : { level: 'none' as const, categories: [], reason: '' }
    const combined = this.heldInHand(text, rules, prediction, combineRisk(rules, concern, riskToLife, modelRisk(prediction, safetyThemeProbability, text)))
    // The concern model counted too, though a rule's reason was chosen: name it.
    const concernAlso =
      combined.reason === rules.reason && riskLevelOrder[prediction.concern.level] >= riskLevelOrder.high
        ? ` The concern model also reads it as ${prediction.concern.level} (${describeCategories([prediction.concern.category])}).`
        : ''
    const risk = { ...combined, reason: `${combined.reason}${concernAlso}` }
    const sentiment = riskLevelOrder[risk.level] >= riskLevelOrder.high && prediction.sentiment < 4 ? 4 : prediction.sentiment
    return { themes: prediction.themes, sentiment, risk, classifier: { name: this.name, version: this.version } }
  }

  async classifyFeedback(text: string, context: FeedbackContext = {}): Promise<Classification> {
    return this.classifySync(text, context)
  }
}
