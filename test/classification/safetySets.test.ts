import { evaluateSafetySet, trainingSafetySets, unseenSafetySet } from '../../scripts/evalSafety'

describe('risk on the safety sets', () => {
  // Written by someone who saw neither the rules nor the concern model, and never trained or tuned on.
  it('finds at least 90% of the unseen urgent concerns and marks at most 10% of the unseen calm comments urgent', async () => {
    const result = await evaluateSafetySet(unseenSafetySet)
    expect(result.urgentTotal).toBeGreaterThanOrEqual(100)
    expect(result.calmTotal).toBeGreaterThanOrEqual(100)
    expect(result.urgentCaught / result.urgentTotal).toBeGreaterThanOrEqual(0.9)
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.1)
  })

  // In-sample for the concern model, so a guard against regressions rather than a measure of accuracy.
  it.each(trainingSafetySets.map(set => [set.name, set] as const))('keeps every urgent example in %s urgent, and few calm ones', async (_name, set) => {
    const result = await evaluateSafetySet(set)
    expect(result.missed).toEqual([])
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.08)
  })
})
