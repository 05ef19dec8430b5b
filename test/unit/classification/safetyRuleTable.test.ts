import { ruleMatches, safetyRules, safetyRulesVersion } from '../../../src/classification/safetyRules'
import { EmbeddedClassifier } from '../../../src/classification/embeddedClassifier'

describe('every safety rule, on its own examples', () => {
  it('has a unique id, at least one example it must match and one it must not', () => {
    const ids = safetyRules.map(rule => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of safetyRules) {
      expect({ id: rule.id, matches: rule.matches.length > 0, doesNotMatch: rule.doesNotMatch.length > 0 }).toEqual({ id: rule.id, matches: true, doesNotMatch: true })
    }
  })

  const cases = safetyRules.flatMap(rule => [
    ...rule.matches.map(text => [rule.id, 'matches', text, true] as const),
    ...rule.doesNotMatch.map(text => [rule.id, 'does not match', text, false] as const),
  ])
  it.each(cases)('%s %s %j', (_id, _kind, text, expected) => {
    const rule = safetyRules.find(candidate => candidate.id === _id)
    expect(rule && ruleMatches(rule, text)).toBe(expected)
  })

  it('puts the rule set version on every embedded result', () => {
    expect(safetyRulesVersion).toMatch(/^[0-9a-f]{10}$/)
    expect(new EmbeddedClassifier().classifySync('Lovely staff.').classifier.version).toContain(`rules.${safetyRulesVersion}`)
  })
})
