import { evaluateSafetySet, mixedInboxSet, precisionDevSet, regulatorInboxDevSet, seriousNotImmediateSet, trainingSafetySets, trickyCalmSet, unseenSafetySet } from '../../../scripts/evalSafety'

describe('risk on the safety sets', () => {
  // Written by someone who saw neither the rules nor the concern model, and never trained or tuned on.
  it('finds at least 95% of the unseen urgent concerns and marks at most 5% of the unseen calm comments urgent', async () => {
    const result = await evaluateSafetySet(unseenSafetySet)
    expect(result.urgentTotal).toBeGreaterThanOrEqual(100)
    expect(result.calmTotal).toBeGreaterThanOrEqual(100)
    expect(result.urgentCaught / result.urgentTotal).toBeGreaterThanOrEqual(0.95)
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.05)
  })

  it('shows help lines at once for most unseen urgent concerns, and rarely for calm comments', async () => {
    const result = await evaluateSafetySet(unseenSafetySet)
    expect(result.urgentSignposted / result.urgentTotal).toBeGreaterThanOrEqual(0.75)
    expect(result.calmSignposted / result.calmTotal).toBeLessThanOrEqual(0.05)
  })

  // Written before the rules were tuned for issue #12 (see test/classification/fixtures/README.md for the figures then).
  it('pages for at most 5% of the tricky calm feedback', async () => {
    const result = await evaluateSafetySet(trickyCalmSet)
    expect(result.calmTotal).toBeGreaterThanOrEqual(80)
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.05)
  })

  it('sends serious matters that are not immediate to an inspector within a day, mostly without a page', async () => {
    const result = await evaluateSafetySet(seriousNotImmediateSet)
    expect(result.seriousAsHighOrAbove / result.seriousTotal).toBeGreaterThanOrEqual(0.8)
    expect(result.seriousAsUrgent / result.seriousTotal).toBeLessThanOrEqual(0.2)
  })

  it('on a mixed inbox, pages for every urgent item and for at most a fifth of everything', async () => {
    const result = await evaluateSafetySet(mixedInboxSet)
    expect(result.total).toBeGreaterThanOrEqual(150)
    expect(result.urgentCaught).toBe(result.urgentTotal)
    expect(result.paged / result.total).toBeLessThanOrEqual(0.2)
  })

  // Written for the level rework (urgent needs a person harmed or in danger now); see the fixtures README.
  it('on the precision set, pages for urgent matters and rarely for serious-not-immediate or calm ones', async () => {
    const result = await evaluateSafetySet(precisionDevSet)
    expect(result.urgentCaught / result.urgentTotal).toBeGreaterThanOrEqual(0.95)
    expect(result.seriousAsUrgent / result.seriousTotal).toBeLessThanOrEqual(0.1)
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.05)
  })

  // A development set (see its README): a guard at today's figures (37 of 40 urgent paged, every one at least high),
  // so that poor care, tricky calm and serious-not-immediate items stay unpaged and no urgent item slips further.
  it('on the regulator inbox dev set, pages for urgent matters and not for poor care, tricky calm or serious-not-immediate ones', async () => {
    const result = await evaluateSafetySet(regulatorInboxDevSet)
    expect(result.urgentCaughtAsHighOrAbove).toBe(result.urgentTotal)
    expect(result.urgentCaught / result.urgentTotal).toBeGreaterThanOrEqual(0.925)
    expect(result.seriousAsUrgent / result.seriousTotal).toBeLessThanOrEqual(0.1)
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.05)
  })

  // In-sample for the concern model, so a guard against regressions rather than a measure of accuracy. Some of these
  // examples (staffing, records, hazards with no one harmed yet) are written as urgent but are now, by design, high.
  it.each(trainingSafetySets.map(set => [set.name, set] as const))('keeps the urgent examples in %s at least high, nearly all urgent, and few calm ones urgent', async (_name, set) => {
    const result = await evaluateSafetySet(set)
    expect(result.urgentCaughtAsHighOrAbove).toBe(result.urgentTotal)
    expect(result.urgentCaught / Math.max(1, result.urgentTotal)).toBeGreaterThanOrEqual(result.urgentTotal === 0 ? 0 : 0.93)
    expect(result.calmFalseUrgent / result.calmTotal).toBeLessThanOrEqual(0.08)
  })
})
