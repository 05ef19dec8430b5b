import type { Clock } from '../clock'
import type { FeedbackModel } from '../data/models/feedback'

export const signalPeriods = [7, 30, 90] as const
const day = 24 * 60 * 60 * 1000
const baselineWeeks = 12
const minimumRise = 3

export interface PeriodCounts {
  total: number
  negative: number
  byTheme: Record<string, number>
  byRisk: Record<string, number>
}

export interface ServiceSignal {
  key: string
  name?: string
  locationId?: string
  periods: Record<(typeof signalPeriods)[number], PeriodCounts>
  negativeLast7Days: number
  weeklyBaseline: number
  rising: boolean
  /** The test, in one sentence, with this service's own numbers. */
  explanation: string
}

/** The rule the console shows: easy to check by hand. */
export const risingRule =
  'A service is flagged when its negative feedback in the last 7 days is more than twice its weekly average over the 12 weeks before, and at least 3.'

type SignalRecord = {
  service?: { key?: string | null; name?: string | null; locationId?: string | null } | null
  classification?: { themes?: string[] | null; sentiment?: number | null; risk?: { level?: string | null } | null } | null
  overall?: string | null
  submittedAt?: Date | null
}

/** Sentiment follows the FFT scale: 1 very positive … 5 very negative. */
export function isNegative(record: SignalRecord): boolean {
  const level = record.classification?.risk?.level
  const sentiment = record.classification?.sentiment
  return (typeof sentiment === 'number' && sentiment >= 4) || record.overall === 'bad' || level === 'urgent' || level === 'high'
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
    const since = new Date(now - (7 + baselineWeeks * 7) * day)
    const query: Record<string, unknown> = { status: { $ne: 'draft' }, submittedAt: { $gte: since } }
    if (serviceKey) query['service.key'] = serviceKey.trim().toLowerCase()
    const records = (await this.feedback
      .find(query, { service: 1, 'classification.themes': 1, 'classification.sentiment': 1, 'classification.risk.level': 1, overall: 1, submittedAt: 1 })
      .lean()) as SignalRecord[]

    const byService = new Map<string, ServiceSignal & { baselineNegatives: number }>()
    for (const record of records) {
      const key = record.service?.key
      if (!key || !record.submittedAt) continue
      let signal = byService.get(key)
      if (!signal) {
        const empty = (): PeriodCounts => ({ total: 0, negative: 0, byTheme: {}, byRisk: {} })
        signal = {
          key,
          name: record.service?.name ?? undefined,
          locationId: record.service?.locationId ?? undefined,
          periods: { 7: empty(), 30: empty(), 90: empty() },
          negativeLast7Days: 0,
          weeklyBaseline: 0,
          rising: false,
          explanation: '',
          baselineNegatives: 0,
        }
        byService.set(key, signal)
      }
      const age = now - new Date(record.submittedAt).getTime()
      const negative = isNegative(record)
      for (const period of signalPeriods) {
        if (age > period * day) continue
        const counts = signal.periods[period]
        counts.total += 1
        if (negative) counts.negative += 1
        for (const theme of record.classification?.themes ?? []) counts.byTheme[theme] = (counts.byTheme[theme] ?? 0) + 1
        const level = record.classification?.risk?.level ?? 'unclassified'
        counts.byRisk[level] = (counts.byRisk[level] ?? 0) + 1
      }
      if (negative && age <= 7 * day) signal.negativeLast7Days += 1
      else if (negative) signal.baselineNegatives += 1
    }

    return [...byService.values()]
      .map(({ baselineNegatives, ...signal }) => {
        const weeklyBaseline = round(baselineNegatives / baselineWeeks)
        const rising = signal.negativeLast7Days >= minimumRise && signal.negativeLast7Days > 2 * weeklyBaseline
        const explanation = rising
          ? `Negative feedback in the last 7 days (${signal.negativeLast7Days}) is more than twice the weekly average of the previous 12 weeks (${weeklyBaseline}), and at least ${minimumRise}.`
          : `Negative feedback in the last 7 days (${signal.negativeLast7Days}) is not more than twice the weekly average of the previous 12 weeks (${weeklyBaseline}), or is fewer than ${minimumRise}.`
        return { ...signal, weeklyBaseline, rising, explanation }
      })
      .sort((a, b) => Number(b.rising) - Number(a.rising) || b.periods[30].total - a.periods[30].total || a.key.localeCompare(b.key))
  }
}

/**
 * Characters that make a spreadsheet read a cell as a formula or a command (OWASP CSV injection): = + - @,
 * | and % (DDE and macros in some programs), their full-width forms, and tab, CR and LF; also after leading
 * spaces, which some programs strip.
 */
const formulaStart = /^[\s\u00a0\u3000]*[=+\-@|%\uff1d\uff0b\uff0d\uff20\uff5c\uff05]|^[\t\r\n]/

/** A CSV cell a spreadsheet shows as text: text that would start a formula is led by an apostrophe. */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value)
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

/** One row per service, period and count, so the file pivots easily in a spreadsheet. */
export function signalsAsCsv(signals: ServiceSignal[]): string {
  const header = ['service_key', 'service_name', 'location_id', 'period_days', 'measure', 'category', 'count', 'negative_last_7_days', 'weekly_baseline', 'rising']
  const rows = [header.map(csvCell).join(',')]
  for (const signal of signals) {
    const common = [signal.key, signal.name, signal.locationId]
    const flag = [signal.negativeLast7Days, signal.weeklyBaseline, signal.rising]
    for (const period of signalPeriods) {
      const counts = signal.periods[period]
      const lines: [string, string, number][] = [
        ['total', '', counts.total],
        ['negative', '', counts.negative],
        ...Object.entries(counts.byRisk).map(([level, count]) => ['risk', level, count] as [string, string, number]),
        ...Object.entries(counts.byTheme).map(([theme, count]) => ['theme', theme, count] as [string, string, number]),
      ]
      for (const [measure, category, count] of lines) rows.push([...common, period, measure, category, count, ...flag].map(csvCell).join(','))
    }
  }
  return `${rows.join('\r\n')}\r\n`
}
