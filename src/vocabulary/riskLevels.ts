/** How serious a piece of feedback is, most serious first. */
export const riskLevels = ['urgent', 'high', 'medium', 'low', 'none'] as const
export type RiskLevel = (typeof riskLevels)[number]

export const riskLevelOrder: Record<RiskLevel, number> = { none: 0, low: 1, medium: 2, high: 3, urgent: 4 }

export function higherRiskLevel(first: RiskLevel, second: RiskLevel): RiskLevel {
  return riskLevelOrder[first] >= riskLevelOrder[second] ? first : second
}

/** GOV.UK tag colour per level, for the console. */
export const riskTagColours: Record<RiskLevel, string> = { urgent: 'red', high: 'orange', medium: 'yellow', low: 'blue', none: 'grey' }

/** Poor care or worse: these levels make feedback a concern whatever its sentiment (see triage isConcern). */
export const concernRiskLevels = ['urgent', 'high', 'medium'] as const satisfies readonly RiskLevel[]
