import { loadEmbeddedModel } from './model'
import { signpostingByRules, type SignpostKind } from './safetyRules'

/**
 * Which help a message needs signposting to now: the safety rules, plus crisis help when the concern model reads a
 * risk to life that no rule named ("ive written letters for my kids, im by the river"). The one answer every
 * caller gets: the bot, the turn gate, the form, the API and the LLM classifier's danger check.
 */
export function detectSignposting(text: string): SignpostKind[] {
  const kinds = signpostingByRules(text)
  if (kinds.includes('mental-health-crisis')) return kinds
  const concern = loadEmbeddedModel().assessConcern(text)
  if (concern.level !== 'urgent' || concern.category !== 'risk-to-life') return kinds
  const order: SignpostKind[] = ['immediate-danger', 'mental-health-crisis', 'abuse']
  return order.filter(kind => kind === 'mental-health-crisis' || kinds.includes(kind))
}
