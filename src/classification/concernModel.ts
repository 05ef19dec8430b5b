import type { EncodedFeatures } from './features'
import { type FeatureSpace, LinearLayer, type StoredLinearLayer, type SparseVector, Vectoriser } from './vectors'
import type { WordVectors } from './wordVectors'
import type { RiskCategory } from './taxonomy'

/**
 * The learned side of risk: one linear SVM that scores how much a message reads like a report of someone at risk of
 * serious harm, and one per safeguarding category. It is trained on hand-written urgent and calm examples (see
 * src/classification/training/examples) against the NHS comments, with its own vocabulary, so words such as "rope"
 * or "bruises" count even though ordinary feedback rarely uses them.
 */
export interface StoredConcernLayer {
  features: string[]
  idf: number[]
  urgent: StoredLinearLayer
  categories: StoredLinearLayer
  /** Scores at or above these are urgent or high; chosen by cross-validation for recall on the urgent examples. */
  urgentThreshold: number
  highThreshold: number
  /** Nearly every urgent example scores above this; below it the model is confident the message is calm. */
  calmThreshold: number
  /** The weight of the model's word vectors as a block of features beside this layer's tf-idf ones (none when absent). */
  embeddingWeight?: number
}

export interface ConcernAssessment {
  score: number
  /** How far the score is above the urgent threshold (negative below it). */
  margin: number
  level: 'urgent' | 'high' | 'none'
  confidentlyCalm: boolean
  category: RiskCategory
  /** The words and word pairs in the message that raised the score most. */
  evidence: string[]
}

/** Words too common to tell an inspector anything on their own. */
const uninformativeWords = new Set(
  ('a an and are as at be been being but by can could did do does for from had has have he her hers him his how i if in into is it its ' +
    'me my no not of on or our she so some than that the their them then there they this to too up us was we were what when where which ' +
    'who will with would you your just all any again still now about after before am because get got go going said says say told tells ' +
    'since very really only also even over out off down one two three day days week weeks today yesterday last night time ' +
    'hes shes hasnt havent isnt wasnt dont didnt doesnt im ive its theyre thats whats').split(' '),
)

function isInformative(phrase: string): boolean {
  return phrase.split(' ').some(word => word.length > 1 && !uninformativeWords.has(word) && !/^#+$/.test(word))
}

export class ConcernModel {
  private readonly vectoriser: Vectoriser
  private readonly features: readonly string[]
  private readonly urgentLayer: LinearLayer
  private readonly categoryLayer: LinearLayer
  private readonly urgentThreshold: number
  private readonly highThreshold: number
  private readonly calmThreshold: number

  constructor(stored: StoredConcernLayer, space: FeatureSpace, wordVectors?: WordVectors) {
    this.features = stored.features
    const embedding = wordVectors !== undefined && stored.embeddingWeight ? { vectors: wordVectors, weight: stored.embeddingWeight } : undefined
    this.vectoriser = new Vectoriser(stored.features, stored.idf, embedding, space)
    this.urgentLayer = new LinearLayer(stored.urgent)
    this.categoryLayer = new LinearLayer(stored.categories)
    this.urgentThreshold = stored.urgentThreshold
    this.highThreshold = stored.highThreshold
    this.calmThreshold = stored.calmThreshold
  }

  assess(encoded: EncodedFeatures): ConcernAssessment {
    const vector = this.vectoriser.vectoriseEncoded(encoded)
    const score = this.urgentLayer.scores(vector)[0] as number
    const level = score >= this.urgentThreshold ? 'urgent' : score >= this.highThreshold ? 'high' : 'none'
    if (level === 'none') return { score, margin: score - this.urgentThreshold, level, confidentlyCalm: score < this.calmThreshold, category: 'unsafe-care', evidence: [] }
    const categoryScores = this.categoryLayer.scores(vector)
    let best = 0
    for (let index = 1; index < categoryScores.length; index++) if ((categoryScores[index] as number) > (categoryScores[best] as number)) best = index
    return { score, margin: score - this.urgentThreshold, level, confidentlyCalm: false, category: this.categoryLayer.outputs[best] as RiskCategory, evidence: this.evidence(vector, best) }
  }

  /** Whole words and word pairs that raised both the score and the chosen category most, strongest first. */
  private evidence(vector: SparseVector, category: number): string[] {
    const parts: { phrase: string; weight: number }[] = []
    for (let entry = 0; entry < vector.indices.length; entry++) {
      const index = vector.indices[entry] as number
      const feature = this.features[index]
      // The word-vector block (beyond the features) names no word.
      if (feature === undefined || !feature.startsWith('w:') && !feature.startsWith('b:')) continue
      const urgentWeight = this.urgentLayer.weightOf(index, 0)
      const weight = urgentWeight > 0 ? (vector.values[entry] as number) * (urgentWeight + Math.max(0, this.categoryLayer.weightOf(index, category))) : 0
      const phrase = feature.slice(2).replace(/<\/?s>/g, '').trim()
      if (weight > 0 && isInformative(phrase)) parts.push({ phrase, weight })
    }
    parts.sort((first, second) => second.weight - first.weight)
    const chosen: string[] = []
    for (const { phrase } of parts) {
      if (chosen.some(already => already.includes(phrase) || phrase.includes(already))) continue
      chosen.push(phrase)
      if (chosen.length === 3) break
    }
    return chosen
  }
}

export interface StoredThresholdedLayer {
  features: string[]
  idf: number[]
  layer: StoredLinearLayer
  /** Scores at or above this read as the model's class; chosen so few examples of the other class reach it. */
  threshold: number
  embeddingWeight?: number
}

/**
 * One linear SVM with its own vocabulary and a threshold, for a yes-or-no reading of a whole message:
 * - the risk-to-life model, trained only on messages where someone may mean to end their life, hints as much as words
 *   ("wont be needing the appointments after this week, thanks for everything"), against calm ones with the same
 *   surface signs (a move, a will with the hospice, a pet rehomed);
 * - the in-hand model, trained on serious matters that are over or in hand against urgent ones, which reads the many
 *   ways people say harm was dealt with that no phrase list holds.
 */
export class ThresholdedModel {
  private readonly vectoriser: Vectoriser
  private readonly layer: LinearLayer
  private readonly threshold: number

  constructor(stored: StoredThresholdedLayer, space: FeatureSpace, wordVectors?: WordVectors) {
    const embedding = wordVectors !== undefined && stored.embeddingWeight ? { vectors: wordVectors, weight: stored.embeddingWeight } : undefined
    this.vectoriser = new Vectoriser(stored.features, stored.idf, embedding, space)
    this.layer = new LinearLayer(stored.layer)
    this.threshold = stored.threshold
  }

  /** How far the score is above the threshold (negative below it). */
  margin(encoded: EncodedFeatures): number {
    return (this.layer.scores(this.vectoriser.vectoriseEncoded(encoded))[0] as number) - this.threshold
  }
}
