import type { Clock } from '../clock'
import type { FeedbackModel } from '../data/models/feedback'
import { isConcern } from './classifyAndRoute'
import { csvCell } from './csv'
import { normaliseServiceKey } from '../feedback/serviceKey'

export const signalPeriods = [7, 30, 90] as const
const day = 24 * 60 * 60 * 1000
const weeksOfBaseline = 12
const minimumRise = 3
/** A baseline is worth comparing with only when the service was heard from in most of its weeks. */
const minimumBaselineFeedback = 12
const minimumBaselineWeeksWithFeedback = 8
const significance = 0.01

export interface PeriodCounts {
  total: number
  negative: number
  byTheme: Record<string, number>
  byRisk: Record<string, number>
  /** Safeguarding and other risk categories (physical abuse, neglect, …). */
  byCategory: Record<string, number>
}

export interface ServiceSignal {
  key: string
  name?: string
  locationId?: string
  periods: Record<(typeof signalPeriods)[number], PeriodCounts>
  negativeLast7Days: number
  weeklyBaseline: number
  /** Whether the 12 weeks before held enough feedback to compare with at all. */
  judged: boolean
  baselineFeedback: number
  baselineWeeksWithFeedback: number
  /** One-sided Poisson p-value of this many negatives or more in 7 days, given the baseline; undefined when not judged. */
  pValue?: number
  rising: boolean
  /** The test, in one sentence, with this service's own numbers. */
  explanation: string
}

/** The rule the console shows. */
export const risingRule =
  `A service is flagged only when the 12 weeks before the last 7 days hold at least ${minimumBaselineFeedback} pieces of feedback about it, in at least ${minimumBaselineWeeksWithFeedback} different weeks. ` +
  `Then it is flagged when its negative feedback in the last 7 days is at least ${minimumRise} and a Poisson test against its weekly average of those 12 weeks (counting one extra, so a quiet history is never zero) gives less than a 1 in ${1 / significance} chance of that many or more.`

/** P(X ≥ observed) for X ~ Poisson(mean). */
export function poissonAtLeast(observed: number, mean: number): number {
  if (observed <= 0) return 1
  let term = Math.exp(-mean)
  let below = term
  for (let k = 1; k < observed; k += 1) {
    term *= mean / k
    below += term
  }
  return Math.max(0, 1 - below)
}

function percent(p: number): string {
  if (p < 0.001) return 'less than 0.1%'
  return `${(p * 100).toFixed(p < 0.01 ? 1 : 0)}%`
}

type SignalRecord = {
  service?: { key?: string | null; name?: string | null; locationId?: string | null } | null
  classification?: { themes?: string[] | null; sentiment?: number | null; risk?: { level?: string | null; categories?: string[] | null } | null } | null
  overall?: string | null
  submittedAt?: Date | null
}


function round(value: number): number {
  return Math.round(value * 10) / 10
}

/**
 * Counts per service by theme and risk over 7, 30 and 90 days, and a flag when negative feedback rises
 * sharply against the service's own baseline. FerretDB cannot do this grouping, so it is summed here from
 * a narrow projection of the last 13 weeks.
 */
export class Signals {
  constructor(
    private readonly feedback: FeedbackModel,
    private readonly clock: Clock,
  ) {}

  async perService(serviceKey?: string): Promise<ServiceSignal[]> {
    const now = this.clock.now().getTime()
    const since = new Date(now - (7 + weeksOfBaseline * 7) * day)
    const query: Record<string, unknown> = { status: { $ne: 'draft' }, submittedAt: { $gte: since } }
    if (serviceKey) query['service.key'] = normaliseServiceKey(serviceKey)
    const records = (await this.feedback
      .find(query, { service: 1, 'classification.themes': 1, 'classification.sentiment': 1, 'classification.risk.level': 1, 'classification.risk.categories': 1, overall: 1, submittedAt: 1 })
      .lean()) as SignalRecord[]

    const byService = new Map<string, ServiceSignal & { baselineNegatives: number; baselineWeeks: Set<number> }>()
    for (const record of records) {
      const key = record.service?.key
      if (!key || !record.submittedAt) continue
      let signal = byService.get(key)
      if (!signal) {
        const empty = (): PeriodCounts => ({ total: 0, negative: 0, byTheme: {}, byRisk: {}, byCategory: {} })
        signal = {
          key,
          name: record.service?.name ?? undefined,
          locationId: record.service?.locationId ?? undefined,
          periods: { 7: empty(), 30: empty(), 90: empty() },
          negativeLast7Days: 0,
          weeklyBaseline: 0,
          judged: false,
          baselineFeedback: 0,
          baselineWeeksWithFeedback: 0,
          rising: false,
          explanation: '',
          baselineNegatives: 0,
          baselineWeeks: new Set<number>(),
        }
        byService.set(key, signal)
      }
      const age = now - new Date(record.submittedAt).getTime()
      const negative = isConcern(record)
      for (const period of signalPeriods) {
        if (age > period * day) continue
        const counts = signal.periods[period]
        counts.total += 1
        if (negative) counts.negative += 1
        for (const theme of record.classification?.themes ?? []) counts.byTheme[theme] = (counts.byTheme[theme] ?? 0) + 1
        const level = record.classification?.risk?.level ?? 'unclassified'
        counts.byRisk[level] = (counts.byRisk[level] ?? 0) + 1
        for (const category of record.classification?.risk?.categories ?? []) counts.byCategory[category] = (counts.byCategory[category] ?? 0) + 1
      }
      if (age <= 7 * day) {
        if (negative) signal.negativeLast7Days += 1
      } else {
        signal.baselineFeedback += 1
        signal.baselineWeeks.add(Math.floor((age - 7 * day) / (7 * day)))
        if (negative) signal.baselineNegatives += 1
      }
    }

    return [...byService.values()]
      .map(({ baselineNegatives, baselineWeeks, ...signal }) => {
        const weeklyBaseline = round(baselineNegatives / weeksOfBaseline)
        const baselineWeeksWithFeedback = baselineWeeks.size
        const judged = signal.baselineFeedback >= minimumBaselineFeedback && baselineWeeksWithFeedback >= minimumBaselineWeeksWithFeedback
        const observed = signal.negativeLast7Days
        if (!judged) {
          const explanation =
            `Not judged: the 12 weeks before hold ${signal.baselineFeedback} piece${signal.baselineFeedback === 1 ? '' : 's'} of feedback in ${baselineWeeksWithFeedback} different week${baselineWeeksWithFeedback === 1 ? '' : 's'}. ` +
            `A fair comparison needs at least ${minimumBaselineFeedback} in ${minimumBaselineWeeksWithFeedback} different weeks. Negative feedback in the last 7 days: ${observed}.`
          return { ...signal, weeklyBaseline, baselineWeeksWithFeedback, judged, rising: false, explanation }
        }
        const expected = (baselineNegatives + 1) / weeksOfBaseline
        const pValue = poissonAtLeast(observed, expected)
        const rising = observed >= minimumRise && pValue < significance
        const chance = `By a Poisson test, ${observed} or more would happen by chance ${percent(pValue)} of the time`
        const explanation = rising
          ? `Flagged: ${observed} negative in the last 7 days, against a weekly average of ${weeklyBaseline} in the 12 weeks before. ${chance}; the flag needs under ${percent(significance)} and at least ${minimumRise}.`
          : `Not flagged: ${observed} negative in the last 7 days, against a weekly average of ${weeklyBaseline} in the 12 weeks before. ${chance}; the flag needs under ${percent(significance)} and at least ${minimumRise}.`
        return { ...signal, weeklyBaseline, baselineWeeksWithFeedback, judged, pValue: Math.round(pValue * 10_000) / 10_000, rising, explanation }
      })
      .sort((a, b) => Number(b.rising) - Number(a.rising) || b.periods[30].total - a.periods[30].total || a.key.localeCompare(b.key))
  }
}

/** One row per service, period and count, so the file pivots easily in a spreadsheet. */
export function signalsAsCsv(signals: ServiceSignal[]): string {
  const header = ['service_key', 'service_name', 'location_id', 'period_days', 'measure', 'category', 'count', 'negative_last_7_days', 'weekly_baseline', 'judged', 'p_value', 'rising']
  const rows = [header.map(csvCell).join(',')]
  for (const signal of signals) {
    const common = [signal.key, signal.name, signal.locationId]
    const flag = [signal.negativeLast7Days, signal.weeklyBaseline, signal.judged, signal.pValue, signal.rising]
    for (const period of signalPeriods) {
      const counts = signal.periods[period]
      const lines: [string, string, number][] = [
        ['total', '', counts.total],
        ['negative', '', counts.negative],
        ...Object.entries(counts.byRisk).map(([level, count]) => ['risk', level, count] as [string, string, number]),
        ...Object.entries(counts.byCategory).map(([category, count]) => ['risk_category', category, count] as [string, string, number]),
        ...Object.entries(counts.byTheme).map(([theme, count]) => ['theme', theme, count] as [string, string, number]),
      ]
      for (const [measure, category, count] of lines) rows.push([...common, period, measure, category, count, ...flag].map(csvCell).join(','))
    }
  }
  return `${rows.join('\r\n')}\r\n`
}
