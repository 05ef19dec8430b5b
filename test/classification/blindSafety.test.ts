import { evaluateSafetySet } from '../../scripts/evalSafety'

// A regression guard on the blind safety set (written before its authors read the safety rules).
// It is not a measure of accuracy on unseen text any more: the rules have since been tuned against its misses.
describe('safety rules on the blind fixture set', () => {
  it('keeps urgent recall at or above 90% and calm comments marked urgent at or below 10%', async () => {
    const result = await evaluateSafetySet('blind', 'blind-urgent.jsonl', 'blind-calm.jsonl')
    expect(result.urgentTotal).toBeGreaterThanOrEqual(60)
    expect(result.calmTotal).toBeGreaterThanOrEqual(80)
    expect(result.urgentCaught / result.urgentTotal).toBeGreaterThanOrEqual(0.9)
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.1)
  })

  it('keeps the authored set at 100% urgent recall and at most 2% calm comments marked urgent', async () => {
    const result = await evaluateSafetySet('authored', 'urgent-concerns.jsonl', 'calm-comments.jsonl')
    expect(result.missed).toEqual([])
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.02)
  })
})
