import { riskCategories, riskCategoryLabels, themeNames } from '../classification/taxonomy'
import type { Clock } from '../clock'
import type { DeliveryModel } from '../data/models/delivery'
import type { FeedbackModel } from '../data/models/feedback'
import { triageQueues } from '../vocabulary/feedbackRecord'
import { isSettled, openStatuses, workflowStatuses } from '../vocabulary/feedbackStatuses'
import { riskLevels } from '../vocabulary/riskLevels'
import { csvCell } from './csv'
import { normaliseFeedbackReference } from '../feedback/feedbackReference'

/** Why a case needs someone to do something now, whoever is looking at the queue. */
export const needsActionKinds = ['failed_delivery', 'phone_call', 'new_message'] as const
export type NeedsActionKind = (typeof needsActionKinds)[number]

export const needsActionLabels: Record<NeedsActionKind, string> = {
  failed_delivery: 'Reply not delivered',
  phone_call: 'Phone call wanted',
  new_message: 'New message from the person',
}

const statusChoices = ['open', 'all', ...workflowStatuses] as const

export interface CaseFilters {
  /** A reference, words from the story or reason, or part of a service's name. */
  q?: string
  risk?: string
  category?: string
  theme?: string
  status?: string
  team?: string
  /** An email address, or "none" for nobody. */
  assignee?: string
  queue?: string
  /** Exact service key (from signals links). */
  service?: string
  from?: Date
  to?: Date
  needs?: NeedsActionKind | 'any'
  /** The language the feedback is written in (ISO 639-1, as classification.language.code), or "not-en" for any but English. */
  language?: string
}

/** The query string names the console and the API understand; anything else is reported, never ignored silently. */
export const caseFilterNames = ['q', 'risk', 'category', 'theme', 'status', 'team', 'assignee', 'queue', 'service', 'from', 'to', 'needs', 'language'] as const
const pagingNames = ['page', 'done', 'ref'] as const

export interface ParsedCaseFilters {
  filters: CaseFilters
  /** What was typed, to put back in the form and in links. */
  values: Record<string, string>
  /** Plain-English reasons a parameter was not used. */
  problems: string[]
  page: number
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/

function parseDate(value: string, endOfDay: boolean): Date | undefined {
  const date = dayPattern.test(value) ? new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`) : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** Reads filters from a query string. `me` is the signed-in person's email, for assignee=me ("my cases"). */
export function parseCaseFilters(query: Record<string, unknown>, me?: string): ParsedCaseFilters {
  const filters: CaseFilters = {}
  const values: Record<string, string> = {}
  const problems: string[] = []
  let page = 1
  for (const [name, raw] of Object.entries(query)) {
    const value = (Array.isArray(raw) ? raw[raw.length - 1] : raw) as unknown
    if (typeof value !== 'string') {
      problems.push(`The filter “${name}” was given in a form we cannot read, so it was not used.`)
      continue
    }
    const text = value.trim().slice(0, 200)
    if (!(caseFilterNames as readonly string[]).includes(name) && !(pagingNames as readonly string[]).includes(name)) {
      problems.push(`We do not know the filter “${name.slice(0, 40)}”, so it was not used. You can filter by: ${caseFilterNames.join(', ')}.`)
      continue
    }
    if (!text) continue
    values[name] = text
    switch (name) {
      case 'q':
        filters.q = text
        break
      case 'risk':
        if ((riskLevels as readonly string[]).includes(text)) filters.risk = text
        else problems.push(`“${text}” is not a risk level. Choose ${riskLevels.join(', ')}.`)
        break
      case 'category':
        if ((riskCategories as readonly string[]).includes(text)) filters.category = text
        else problems.push(`“${text}” is not a risk category we know.`)
        break
      case 'theme':
        if (themeNames.includes(text)) filters.theme = text
        else problems.push(`“${text}” is not a theme we know.`)
        break
      case 'status':
        if ((statusChoices as readonly string[]).includes(text)) filters.status = text
        else problems.push(`“${text}” is not a status. Choose ${statusChoices.join(', ')}.`)
        break
      case 'queue':
        if ((triageQueues as readonly string[]).includes(text)) filters.queue = text
        else problems.push(`“${text}” is not a queue. Choose ${triageQueues.join(', ')}.`)
        break
      case 'team':
        filters.team = text
        break
      case 'service':
        filters.service = text.toLowerCase()
        break
      case 'assignee':
        filters.assignee = text === 'me' ? (me ?? '').toLowerCase() : text.toLowerCase()
        break
      case 'from':
      case 'to': {
        const date = parseDate(text, name === 'to')
        if (date) filters[name] = date
        else problems.push(`“${text}” is not a date. Write it like 2026-11-29.`)
        break
      }
      case 'needs':
        if (text === 'any' || (needsActionKinds as readonly string[]).includes(text)) filters.needs = text as CaseFilters['needs']
        else problems.push(`“${text}” is not a kind of action. Choose any, ${needsActionKinds.join(', ')}.`)
        break
      case 'language':
        if (text === 'not-en' || /^[a-z]{2,3}$/.test(text.toLowerCase())) filters.language = text.toLowerCase()
        else problems.push(`“${text}” is not a language code. Use a code such as pl, cy or ur, or not-en for every language but English.`)
        break
      case 'page': {
        const number = Number(text)
        if (Number.isInteger(number) && number >= 1) page = number
        else problems.push(`“${text}” is not a page number.`)
        break
      }
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) problems.push('The “from” date is after the “to” date, so no case can match.')
  return { filters, values, problems, page }
}

/** One line of the queue: enough to tell cases apart without opening them. Holds no contact details. */
export interface CaseRow {
  reference: string
  status: string
  channel?: string
  risk?: string
  categories: string[]
  themes: string[]
  snippet: string
  service: { name?: string; locationId?: string; key?: string }
  queue?: string
  priority?: number
  team?: string
  assignee?: string
  submittedAt?: Date
  targetAt?: Date
  overdue: boolean
  acknowledgedAt?: Date
  acknowledgedBy?: string
  /** 0 on-call inspector, 1 team manager, 2 duty director. */
  escalationLevel: number
  escalatedAt?: Date
  alertedAt?: Date
  linkedReferences: string[]
  needsAction: NeedsActionKind[]
  /** The case was raised while the person was still in the conversation (the record is still a draft). */
  stillTalking: boolean
  /** The language it is written in, when it could be told (code and English name). */
  language?: { code: string; name: string }
  /** Lower-case reference, story, reason and service name: what the search box looks in. */
  searchText: string
}

export const escalationLabels = ['On-call inspector alerted', 'Escalated to team manager', 'Escalated to duty director']

const queueProjection = {
  reference: 1,
  status: 1,
  channel: 1,
  'service.name': 1,
  'service.locationId': 1,
  'service.key': 1,
  'classification.themes': 1,
  'classification.risk': 1,
  'classification.language': 1,
  'classification.translation.text': 1,
  story: 1,
  triage: 1,
  submittedAt: 1,
  // Only the markers: the conversation itself may be long.
  lastFollowUpAt: 1,
  stillBeingTold: 1,
} as const

type QueueRecord = {
  _id: unknown
  reference: string
  status: string
  channel?: string | null
  service?: { name?: string | null; locationId?: string | null; key?: string | null } | null
  classification?: {
    themes?: string[] | null
    risk?: { level?: string | null; categories?: string[] | null; reason?: string | null } | null
    language?: { code?: string | null; name?: string | null } | null
    translation?: { text?: string | null } | null
  } | null
  story?: string | null
  triage?: {
    queue?: string | null
    priority?: number | null
    team?: string | null
    assignee?: string | null
    targetAt?: Date | null
    acknowledgedAt?: Date | null
    acknowledgedBy?: string | null
    escalationLevel?: number | null
    escalatedAt?: Date | null
    alertedAt?: Date | null
    linkedReferences?: string[] | null
    deliveryHandledAt?: Date | null
    messageSeenAt?: Date | null
  } | null
  submittedAt?: Date | null
  /** When the person last wrote after their feedback was submitted. */
  lastFollowUpAt?: Date | null
  /** Routed before the person finished: they are still telling us. */
  stillBeingTold?: boolean | null
}

function oneLine(text: string | null | undefined, length = 110): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat
}

const time = (value: Date | null | undefined) => (value ? new Date(value).getTime() : 0)

/** When the person last wrote to us after the case was raised. */
export function newMessageAt(record: Pick<QueueRecord, 'lastFollowUpAt'>): Date | undefined {
  return record.lastFollowUpAt ? new Date(record.lastFollowUpAt) : undefined
}

/**
 * The queue order as numbers, smallest first: unacknowledged urgent cases, the highest and newest escalation
 * first; then everything else by target time, priority and age.
 */
function queueOrderKey(row: CaseRow): [number, number, number, number] {
  if (isUnacknowledgedUrgent(row)) return [0, -row.escalationLevel, -Math.max(time(row.escalatedAt), time(row.alertedAt), time(row.submittedAt)), 0]
  return [1, row.targetAt ? time(row.targetAt) : Number.MAX_SAFE_INTEGER, row.priority ?? 9, time(row.submittedAt)]
}

/** Past its target and still waiting: an urgent alert for acknowledgement, any other case for action. */
export function isOverdue(row: Pick<CaseRow, 'targetAt' | 'status' | 'queue' | 'acknowledgedAt'>, now: number): boolean {
  if (!row.targetAt || time(row.targetAt) >= now) return false
  if (isSettled(row.status)) return false
  return !(row.queue === 'alert' && row.acknowledgedAt)
}

export function isUnacknowledgedUrgent(row: Pick<CaseRow, 'queue' | 'risk' | 'acknowledgedAt' | 'status'>): boolean {
  return !row.acknowledgedAt && row.status !== 'closed' && (row.queue === 'alert' || row.risk === 'urgent')
}

type DeliveryNeed = { feedbackReference: string; status: string; createdAt?: Date | null }

/**
 * The queue, its search and its filters. FerretDB answers only `_id` lookups quickly (README, "The embedded database"): any
 * other query reads and decodes every case, seconds at a few thousand. So the rows live in memory, read whole
 * once, then again in the background while the console is in use and the copy is older than `refreshMs`.
 * A change made through this service updates its row at once; another instance's change shows after the
 * next refresh. With `refreshMs` 0 every request reads the database.
 */
export class CaseQueue {
  private cache: { rows: Map<string, CaseRow>; loadedAt: number; readAt: Date } | undefined
  /** Each case's `_id` by reference: ids never change, so this is never stale, only incomplete. */
  private readonly ids = new Map<string, unknown>()
  private loading: Promise<void> | undefined

  constructor(
    private readonly feedback: FeedbackModel,
    private readonly deliveries: DeliveryModel,
    private readonly clock: Clock,
    private readonly refreshMs = 0,
    private readonly onBackgroundError: (error: unknown) => void = () => undefined,
  ) {}

  idOf(reference: string): unknown {
    return this.ids.get(reference)
  }

  /** When the rows were last read whole from the database. */
  get readAt(): Date | undefined {
    return this.cache?.readAt
  }

  async rows(): Promise<CaseRow[]> {
    const age = this.cache ? performance.now() - this.cache.loadedAt : Number.POSITIVE_INFINITY
    // A copy too old to show (the console was idle) is read again before answering; a recent one is shown
    // while a fresh read happens in the background.
    if (this.refreshMs === 0 || age > Math.max(60_000, 12 * this.refreshMs)) await this.refresh()
    else if (age > this.refreshMs) this.refresh().catch(this.onBackgroundError)
    return [...(this.cache?.rows.values() ?? [])]
  }

  /** One read of every case (narrow projection) and of the deliveries that need action. Concurrent callers share it. */
  refresh(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const readAt = this.clock.now()
        const started = performance.now()
        const [records, needs] = await Promise.all([
          this.feedback.find({ $or: [{ status: { $ne: 'draft' } }, { 'triage.queue': { $exists: true } }] }, queueProjection).lean<QueueRecord[]>(),
          this.needsFromDeliveries(),
        ])
        const rows = new Map(records.map(record => [record.reference, this.toRow(record, needs.get(record.reference) ?? [])]))
        for (const record of records) this.ids.set(record.reference, record._id)
        this.cache = { rows, loadedAt: started, readAt }
      } finally {
        this.loading = undefined
      }
    })()
    return this.loading
  }

  /** Reads one case again after a change, so the person who made it sees it at once. */
  async refreshCase(reference: string): Promise<void> {
    if (!this.cache) return
    const [record, needs] = await Promise.all([
      this.feedback.findOne(this.ids.has(reference) ? { _id: this.ids.get(reference) } : { reference }, queueProjection).lean<QueueRecord>(),
      this.needsFromDeliveries(reference),
    ])
    if (!this.cache) return
    if (record) this.ids.set(reference, record._id)
    if (record && (record.status !== 'draft' || record.triage?.queue)) this.cache.rows.set(reference, this.toRow(record, needs.get(reference) ?? []))
    else this.cache.rows.delete(reference)
  }

  private async needsFromDeliveries(reference?: string): Promise<Map<string, DeliveryNeed[]>> {
    const query: Record<string, unknown> = { status: { $in: ['failed', 'needs_phone_call'] } }
    if (reference) query.feedbackReference = reference
    const needs = await this.deliveries.find(query, { feedbackReference: 1, status: 1, createdAt: 1 }).lean<DeliveryNeed[]>()
    const byReference = new Map<string, DeliveryNeed[]>()
    for (const need of needs) byReference.set(need.feedbackReference, [...(byReference.get(need.feedbackReference) ?? []), need])
    return byReference
  }

  toRow(record: QueueRecord, deliveryNeeds: DeliveryNeed[]): CaseRow {
    const triage = record.triage ?? {}
    const risk = record.classification?.risk
    const handledAt = time(triage.deliveryHandledAt)
    const needsAction: NeedsActionKind[] = []
    const open = deliveryNeeds.filter(need => time(need.createdAt) > handledAt)
    if (open.some(need => need.status === 'failed')) needsAction.push('failed_delivery')
    if (open.some(need => need.status === 'needs_phone_call')) needsAction.push('phone_call')
    const messageAt = newMessageAt(record)
    if (messageAt && messageAt.getTime() > time(triage.messageSeenAt)) needsAction.push('new_message')
    const targetAt = triage.targetAt ? new Date(triage.targetAt) : undefined
    const acknowledgedAt = triage.acknowledgedAt ?? undefined
    const reason = risk?.reason && risk.level && risk.level !== 'none' ? risk.reason : undefined
    const service = { name: record.service?.name ?? undefined, locationId: record.service?.locationId ?? undefined, key: record.service?.key ?? undefined }
    return {
      reference: record.reference,
      status: record.status,
      channel: record.channel ?? undefined,
      risk: risk?.level ?? undefined,
      categories: risk?.categories ?? [],
      themes: record.classification?.themes ?? [],
      snippet: oneLine(reason ?? record.story),
      service,
      queue: triage.queue ?? undefined,
      priority: triage.priority ?? undefined,
      team: triage.team ?? undefined,
      assignee: triage.assignee ?? undefined,
      submittedAt: record.submittedAt ?? undefined,
      targetAt,
      overdue: false,
      acknowledgedAt,
      acknowledgedBy: triage.acknowledgedBy ?? undefined,
      escalationLevel: triage.escalationLevel ?? 0,
      escalatedAt: triage.escalatedAt ?? undefined,
      alertedAt: triage.alertedAt ?? undefined,
      linkedReferences: triage.linkedReferences ?? [],
      needsAction,
      stillTalking: record.status === 'draft' || Boolean(record.stillBeingTold),
      language: languageOf(record),
      // The machine translation too, so English words find a case written in another language.
      searchText: [record.reference, record.story, risk?.reason, service.name, service.locationId, record.classification?.translation?.text].filter(Boolean).join('\n').toLowerCase(),
    }
  }

  /** The rows that match, in queue order. */
  async list(filters: CaseFilters = {}): Promise<CaseRow[]> {
    const now = this.clock.now().getTime()
    return filterCases(await this.rows(), filters).map(row => ({ ...row, overdue: isOverdue(row, now) }))
  }
}

function languageOf(record: QueueRecord): CaseRow['language'] {
  const language = record.classification?.language
  return language?.code ? { code: language.code, name: language.name ?? language.code } : undefined
}

function matchesLanguage(row: CaseRow, wanted: string): boolean {
  if (wanted === 'not-en') return row.language !== undefined && row.language.code !== 'en'
  return row.language?.code === wanted
}

export function filterCases(rows: CaseRow[], filters: CaseFilters): CaseRow[] {
  const status = filters.status ?? 'open'
  const reference = filters.q ? normaliseFeedbackReference(filters.q) : undefined
  const words = filters.q && !reference ? filters.q.toLowerCase().split(/\s+/).filter(Boolean) : []
  const matches = (row: CaseRow) => {
    if (reference) return row.reference === reference
    if (status === 'open' ? !(openStatuses as readonly string[]).includes(row.status) && !row.stillTalking : status !== 'all' && row.status !== status) return false
    if (filters.risk && row.risk !== filters.risk) return false
    if (filters.category && !row.categories.includes(filters.category)) return false
    if (filters.theme && !row.themes.includes(filters.theme)) return false
    if (filters.queue && row.queue !== filters.queue) return false
    if (filters.team && row.team !== filters.team) return false
    if (filters.service && row.service.key !== filters.service) return false
    if (filters.assignee && (filters.assignee === 'none' ? Boolean(row.assignee) : row.assignee !== filters.assignee)) return false
    if (filters.from && time(row.submittedAt) < filters.from.getTime()) return false
    if (filters.to && time(row.submittedAt) > filters.to.getTime()) return false
    if (filters.needs && (filters.needs === 'any' ? row.needsAction.length === 0 : !row.needsAction.includes(filters.needs))) return false
    if (filters.language && !matchesLanguage(row, filters.language)) return false
    return words.every(word => row.searchText.includes(word))
  }
  const keyed = rows.filter(matches).map(row => ({ row, key: queueOrderKey(row) }))
  keyed.sort((a, b) => {
    // Numbers only: a sort of thousands of rows stays cheap.
    for (let index = 0; index < a.key.length; index += 1) if (a.key[index] !== b.key[index]) return a.key[index] - b.key[index]
    return a.row.reference.localeCompare(b.row.reference)
  })
  return keyed.map(entry => entry.row)
}

/** The current filtered list as CSV: what the queue shows, no contact details and no story beyond its snippet. */
export function casesAsCsv(rows: CaseRow[]): string {
  const header = ['reference', 'status', 'risk', 'categories', 'themes', 'snippet', 'service_name', 'location_id', 'queue', 'team', 'assignee', 'received_at', 'target_at', 'overdue', 'acknowledged_at', 'escalation', 'needs_action']
  const lines = [header.map(csvCell).join(',')]
  for (const row of rows) {
    lines.push(
      [
        row.reference,
        row.status,
        row.risk,
        row.categories.map(category => riskCategoryLabels[category as keyof typeof riskCategoryLabels] ?? category).join('; '),
        row.themes.join('; '),
        row.snippet,
        row.service.name,
        row.service.locationId,
        row.queue,
        row.team,
        row.assignee,
        row.submittedAt ? new Date(row.submittedAt) : undefined,
        row.targetAt,
        row.overdue,
        row.acknowledgedAt ? new Date(row.acknowledgedAt) : undefined,
        row.queue === 'alert' ? escalationLabels[row.escalationLevel] : '',
        row.needsAction.map(kind => needsActionLabels[kind]).join('; '),
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
