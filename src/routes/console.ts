import crypto from 'node:crypto'
import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { riskLevels } from '../data/models/feedback'
import { userRoles } from '../data/models/user'
import { actorOf, requireRole, signedInUser } from '../middleware/setUpAuthentication'
import { endSession, sessionCookieName, startSignedInSession } from '../middleware/setUpWebSession'
import type { Services } from '../composition'
import { riskCategoryLabels, themeNames } from '../classification/taxonomy'
import { casesAsCsv, escalationLabels, needsActionLabels, parseCaseFilters } from '../triage/caseQueue'
import { CaseInputError, CaseNotFound, statusLabels, workflowStatuses } from '../triage/caseService'
import { normaliseFeedbackReference } from '../feedback/feedbackReference'
import { ResponseDrafting } from '../triage/responseDrafting'
import { fillTemplate, responseTemplates } from '../triage/responseTemplates'
import { normaliseEmail, UserError } from '../security/users'
import consoleOidcRoutes from './consoleOidc'

type Handler = (req: Request, res: Response, next: NextFunction) => Promise<void>

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** Only our own console paths: never an open redirect. */
function safeReturnTo(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/console(\/[A-Za-z0-9/_.-]*)?(\?[A-Za-z0-9=&_.%+@:-]*)?$/.test(value) ? value : fallback
}

/** The confirmation banner each action ends with, named by the `done` query parameter. */
const doneMessages: Record<string, string> = {
  acknowledged: 'Case REF acknowledged. Alerts and escalation for it have stopped.',
  assigned: 'Case REF assigned.',
  unassigned: 'Case REF is now assigned to nobody.',
  status: 'The status of case REF was changed.',
  'status-note': 'Your reason was added to the history of case REF. The status did not change.',
  note: 'Your note was added to case REF.',
  responded: 'Your response to case REF was sent.',
  'responded-kept': 'Your response to case REF is kept for the person to read with their reference. They chose to stay anonymous.',
  'responded-queued': 'Your response to case REF could not be sent yet. We will keep trying, and it shows under “Needs action” if it fails.',
  'responded-failed': 'Your response to case REF could not be sent. Contact the person another way: the case is in “Needs action”.',
  'responded-phone': 'The person behind case REF asked for a phone call. Ring them: the case is in “Needs action” until you mark it done.',
  'responded-opted-out': 'Your response to case REF was not sent by text: the person has opted out. It is kept for them to read with their reference.',
  handled: 'Case REF is no longer in “Needs action”.',
  seen: 'The new messages on case REF are marked as read.',
}

function doneBanner(query: Record<string, unknown>, reference: string | undefined): string | undefined {
  const message = typeof query.done === 'string' ? doneMessages[query.done] : undefined
  const ref = reference ?? (typeof query.ref === 'string' ? normaliseFeedbackReference(query.ref) : undefined)
  return message && ref ? message.replace('REF', ref) : undefined
}

const deliveryOutcomes: Record<string, string> = {
  sent: 'responded',
  kept_for_reading: 'responded-kept',
  queued: 'responded-queued',
  sending: 'responded-queued',
  failed: 'responded-failed',
  needs_phone_call: 'responded-phone',
  opted_out: 'responded-opted-out',
  not_sent: 'responded-failed',
}

// One formatter, made once: toLocaleString builds a new one on every call, which showed in the queue's profile.
const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return ''
  return dateFormat.format(new Date(value))
}

/** How long ago, in the largest whole unit: "5 min", "3 h", "2 days". */
export function ageOf(value: Date | string | null | undefined, now: Date): string {
  if (!value) return ''
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(value).getTime()) / 60_000))
  if (minutes < 60) return `${minutes} min old`
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h old`
  return `${Math.floor(minutes / 1440)} days old`
}

export const riskTagColours: Record<string, string> = { urgent: 'red', high: 'orange', medium: 'yellow', low: 'blue', none: 'grey' }

/** The inspector console: server-rendered GOV.UK pages that work without JavaScript. */
export default function consoleRoutes(services: Services): Router {
  const router = express.Router()
  const { cases, users, config } = services
  const drafting = new ResponseDrafting(config, services.logger)
  const tooManyAttempts = (minutes: number) => (req: Request, res: Response) => {
    res.status(429).render('console/signIn', {
      title: 'Sign in',
      errors: { email: `There have been too many attempts to sign in. Wait ${minutes} minutes, then try again.` },
      values: { email: field(req.body, 'email') },
      returnTo: '',
      oidcConfigured: Boolean(services.oidc),
    })
  }
  // Per address, and per account so that guessing one person's password from many addresses is slow too.
  const signInLimiter = rateLimit({ windowMs: 60_000, limit: 10, standardHeaders: 'draft-8', legacyHeaders: false, handler: tooManyAttempts(1) })
  const accountSignInLimiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: 10,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    keyGenerator: req => `account:${crypto.createHash('sha256').update(normaliseEmail(field(req.body, 'email'))).digest('base64url')}`,
    handler: tooManyAttempts(15),
  })

  router.use((_req, res, next) => {
    res.locals.user = signedInUser(res)
    res.locals.riskTagColours = riskTagColours
    res.locals.statusLabels = statusLabels
    res.locals.formatDate = formatDate
    res.locals.ageOf = (value: Date | string | null | undefined) => ageOf(value, services.clock.now())
    next()
  })

  router.get('/sign-in', (req, res) => {
    if (signedInUser(res)) return res.redirect(303, '/console')
    res.render('console/signIn', { title: 'Sign in', returnTo: safeReturnTo(req.query.returnTo, ''), oidcConfigured: Boolean(services.oidc) })
  })

  router.post('/sign-in', signInLimiter, accountSignInLimiter, (async (req, res) => {
    const email = field(req.body, 'email').trim()
    const password = field(req.body, 'password')
    const errors: Record<string, string> = {}
    if (!email) errors.email = 'Enter your email address'
    if (!password) errors.password = 'Enter your password'
    const user = Object.keys(errors).length === 0 ? await users.checkPassword(email, password) : null
    if (!user && Object.keys(errors).length === 0) errors.email = 'The email address or password is not right. Check them and try again.'
    if (!user) {
      res.status(400).render('console/signIn', { title: 'Sign in', errors, values: { email }, returnTo: safeReturnTo(req.body?.returnTo, ''), oidcConfigured: Boolean(services.oidc) })
      return
    }
    await users.markSignedIn(user, services.clock.now())
    await startSignedInSession(req, { id: String(user._id), role: user.role, sessionVersion: user.sessionVersion ?? 0 })
    res.redirect(303, safeReturnTo(req.body?.returnTo, user.role === 'admin' ? '/console/users' : '/console'))
  }) as Handler)

  router.use(consoleOidcRoutes(services, safeReturnTo))

  router.post('/sign-out', (async (req, res) => {
    await endSession(req)
    res.clearCookie(sessionCookieName, { path: '/' })
    res.redirect(303, '/console/sign-in')
  }) as Handler)

  const caseWorkers = requireRole('inspector', 'manager')

  const pageSize = 50

  router.get('/', caseWorkers, (async (req, res) => {
    const actor = actorOf(res)
    const { filters, values, problems, page } = parseCaseFilters(req.query as Record<string, unknown>, actor.email)
    const [list, needingAction, caseWorkerEmails] = await Promise.all([cases.list(actor, filters), cases.needingAction(), users.activeCaseWorkers()])
    const pages = Math.max(1, Math.ceil(list.length / pageSize))
    const shown = Math.min(page, pages)
    const query = new URLSearchParams(values)
    res.render('console/queue', {
      title: 'Case queue',
      section: 'queue',
      cases: list.slice((shown - 1) * pageSize, shown * pageSize),
      total: list.length,
      page: shown,
      pages,
      needingAction,
      filters,
      values,
      problems,
      queryString: query.toString(),
      returnTo: `/console${query.size ? `?${query}` : ''}`,
      pageLink: (number: number) => `/console?${new URLSearchParams({ ...values, page: String(number) })}`,
      csvLink: `/console/cases.csv${query.size ? `?${query}` : ''}`,
      banner: doneBanner(req.query as Record<string, unknown>, undefined),
      riskLevels,
      riskCategoryLabels,
      themeNames,
      teams: Object.entries(services.router.rules.teams).map(([id, team]) => ({ id, name: team.name })),
      caseWorkers: caseWorkerEmails,
      workflowStatuses,
      needsActionLabels,
      escalationLabels,
      queueReadAt: cases.queueReadAt,
      formatTime: (value: Date) => value.toLocaleTimeString('en-GB', { timeZone: 'Europe/London' }),
    })
  }) as Handler)

  router.get('/cases.csv', requireRole('manager'), (async (req, res) => {
    const actor = actorOf(res)
    const { filters, problems } = parseCaseFilters(req.query as Record<string, unknown>, actor.email)
    if (problems.length) {
      res.status(400).render('console/problem', { title: 'The list could not be exported', message: problems.join(' ') })
      return
    }
    const list = await cases.list(actor, filters)
    await services.audit.record(actor, 'case.export', undefined, `${list.length} cases as CSV`)
    res
      .set('Cache-Control', 'no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`cases-${services.clock.now().toISOString().slice(0, 10)}.csv`)
      .send(casesAsCsv(list))
  }) as Handler)

  const renderCase = async (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const actor = actorOf(res)
    const found = await cases.get(actor, String(req.params.reference), { withContactDetails: req.query.contact === 'show' })
    const [deliveries, row, caseWorkerEmails, auditTrail] = await Promise.all([
      services.deliveries?.listDeliveriesFor(found.reference).catch(() => []),
      cases.row(found.reference),
      users.activeCaseWorkers(),
      actor.role === 'manager' ? services.audit.forCase(found.reference) : Promise.resolve(undefined),
    ])
    res.status(status).render('console/case', {
      title: `Case ${found.reference}`,
      section: 'queue',
      item: found,
      row,
      deliveries: deliveries ?? [],
      workflowStatuses,
      templates: responseTemplates.map(template => ({ ...template, text: fillTemplate(template.text, found.service?.name ?? undefined), easyReadText: fillTemplate(template.easyReadText, found.service?.name ?? undefined) })),
      draftingAvailable: drafting.available,
      caseUrl: `/console/cases/${found.reference}`,
      caseWorkers: caseWorkerEmails,
      auditTrail,
      riskCategoryLabels,
      needsActionLabels,
      escalationLabels,
      banner: doneBanner(req.query as Record<string, unknown>, found.reference),
      ...extra,
    })
  }

  const withCase = (handler: Handler): Handler => async (req, res, next) => {
    try {
      await handler(req, res, next)
    } catch (error) {
      if (error instanceof CaseNotFound) {
        res.status(404).render('console/problem', { title: 'Case not found', message: 'There is no case with that reference. Check it and try again.' })
        return
      }
      if (error instanceof CaseInputError) {
        await renderCase(req, res, { errors: { [field(req.body, '_form') || 'text']: error.message }, values: req.body }, 400)
        return
      }
      throw error
    }
  }

  router.get('/cases/:reference', caseWorkers, withCase(async (req, res) => renderCase(req, res)))

  /** Back to where the action was taken (the queue or the case), with its confirmation banner. */
  const afterAction = (req: Request, res: Response, reference: string, done: string) => {
    const back = safeReturnTo(req.body?.returnTo, '')
    if (back) {
      const url = new URL(back, 'http://console.invalid')
      url.searchParams.set('done', done)
      url.searchParams.set('ref', reference)
      res.redirect(303, `${url.pathname}${url.search}`)
      return
    }
    res.redirect(303, `/console/cases/${reference}?done=${done}`)
  }
  const referenceOf = (req: Request) => normaliseFeedbackReference(String(req.params.reference)) ?? String(req.params.reference)

  router.post('/cases/:reference/acknowledge', caseWorkers, withCase(async (req, res) => {
    const result = await cases.acknowledge(actorOf(res), String(req.params.reference))
    afterAction(req, res, result.reference, 'acknowledged')
  }))

  router.post('/cases/:reference/assign', caseWorkers, withCase(async (req, res) => {
    req.body._form = 'assignee'
    const assignee = field(req.body, 'toMe') ? actorOf(res).email : field(req.body, 'assignee')
    await cases.assign(actorOf(res), String(req.params.reference), assignee)
    afterAction(req, res, referenceOf(req), assignee ? 'assigned' : 'unassigned')
  }))

  router.post('/cases/:reference/status', caseWorkers, withCase(async (req, res) => {
    req.body._form = 'statusNote'
    const result = await cases.setStatus(actorOf(res), String(req.params.reference), field(req.body, 'status'), field(req.body, 'statusNote'))
    afterAction(req, res, referenceOf(req), result.changed ? 'status' : 'status-note')
  }))

  router.post('/cases/:reference/notes', caseWorkers, withCase(async (req, res) => {
    req.body._form = 'note'
    await cases.addNote(actorOf(res), String(req.params.reference), field(req.body, 'note'))
    afterAction(req, res, referenceOf(req), 'note')
  }))

  router.post('/cases/:reference/delivery-handled', caseWorkers, withCase(async (req, res) => {
    await cases.markDeliveryHandled(actorOf(res), String(req.params.reference))
    afterAction(req, res, referenceOf(req), 'handled')
  }))

  router.post('/cases/:reference/messages-seen', caseWorkers, withCase(async (req, res) => {
    await cases.markMessagesSeen(actorOf(res), String(req.params.reference))
    afterAction(req, res, referenceOf(req), 'seen')
  }))

  /** Fills the response boxes from a template or an LLM draft; nothing is sent until the inspector presses Send. */
  router.post('/cases/:reference/responses/draft', caseWorkers, withCase(async (req, res) => {
    const template = responseTemplates.find(candidate => candidate.id === field(req.body, 'template'))
    let text = field(req.body, 'text')
    let easyReadText = field(req.body, 'easyReadText')
    const found = await cases.get(actorOf(res), String(req.params.reference))
    if (template) {
      text = fillTemplate(template.text, found.service?.name ?? undefined)
      easyReadText = fillTemplate(template.easyReadText, found.service?.name ?? undefined)
    }
    let draftNotice: string | undefined
    if (field(req.body, 'useLlm') && drafting.available) {
      const drafted = text.trim() ? await drafting.draft(text, found.story ?? undefined) : undefined
      if (drafted) {
        text = drafted.text
        easyReadText = drafted.easyReadText
        draftNotice = 'A draft was written for you. Check every word and change it before you send it.'
      } else {
        draftNotice = 'A draft could not be written just now. Your own words are kept below.'
      }
    }
    await renderCase(req, res, { values: { text, easyReadText }, draftNotice })
  }))

  router.post('/cases/:reference/responses', caseWorkers, withCase(async (req, res) => {
    req.body._form = 'text'
    const answer = await cases.respond(actorOf(res), String(req.params.reference), { text: field(req.body, 'text'), easyReadText: field(req.body, 'easyReadText') })
    afterAction(req, res, answer.reference, deliveryOutcomes[answer.delivery.status ?? 'not_sent'] ?? 'responded-failed')
  }))

  router.get('/failed-deliveries', requireRole('manager'), (async (_req, res) => {
    const alerts = await services.alertOutbox.failing()
    const deliveries = (await services.listFailedDeliveries?.({ limit: 200 }).catch(() => [])) ?? []
    await services.audit.record(actorOf(res), 'deliveries.failed.list', undefined, `${alerts.length} alerts, ${deliveries.length} deliveries`)
    res.render('console/failedDeliveries', { title: 'Failed deliveries', section: 'deliveries', alerts, deliveries })
  }) as Handler)

  router.get('/audit', requireRole('admin'), (async (req, res) => {
    const query = req.query as Record<string, unknown>
    const known = ['actor', 'action', 'reference', 'from', 'to']
    const values: Record<string, string> = {}
    const problems: string[] = []
    for (const [name, value] of Object.entries(query)) {
      if (!known.includes(name)) problems.push(`We do not know the filter “${name.slice(0, 40)}”, so it was not used. You can search by: ${known.join(', ')}.`)
      else if (typeof value === 'string' && value.trim()) values[name] = value.trim().slice(0, 200)
    }
    const date = (name: 'from' | 'to') => {
      if (!values[name]) return undefined
      const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(values[name]) ? `${values[name]}T${name === 'to' ? '23:59:59.999' : '00:00:00.000'}Z` : values[name])
      if (Number.isNaN(parsed.getTime())) {
        problems.push(`“${values[name]}” is not a date. Write it like 2026-11-29.`)
        return undefined
      }
      return parsed
    }
    const reference = values.reference ? normaliseFeedbackReference(values.reference) : undefined
    if (values.reference && !reference) problems.push(`“${values.reference}” is not a case reference. A reference looks like ABCDE-23456.`)
    const events = await services.audit.search({ actor: values.actor, action: values.action, reference, from: date('from'), to: date('to') })
    await services.audit.record(actorOf(res), 'audit.search', reference, `${events.length} events`)
    res.render('console/audit', { title: 'Audit log', section: 'audit', events, values, problems })
  }) as Handler)

  router.get('/users', requireRole('admin'), (async (_req, res) => {
    res.render('console/users', { title: 'Users', section: 'users', users: await users.list(), roles: userRoles })
  }) as Handler)

  router.post('/users', requireRole('admin'), (async (req, res) => {
    try {
      const created = await users.create(field(req.body, 'email'), field(req.body, 'role'), { reset: Boolean(field(req.body, 'reset')) })
      await services.audit.record(actorOf(res), 'user.create', undefined, `${created.email} as ${created.role}`)
      res.render('console/users', { title: 'Users', section: 'users', users: await users.list(), roles: userRoles, created })
    } catch (error) {
      if (!(error instanceof UserError)) throw error
      res.status(400).render('console/users', { title: 'Users', section: 'users', users: await users.list(), roles: userRoles, errors: { email: error.message }, values: req.body })
    }
  }) as Handler)

  router.post('/users/disable', requireRole('admin'), (async (req, res) => {
    const email = field(req.body, 'email')
    const disable = field(req.body, 'disabled') !== 'false'
    await users.setDisabled(email, disable)
    await services.audit.record(actorOf(res), disable ? 'user.disable' : 'user.enable', undefined, email)
    res.redirect(303, '/console/users')
  }) as Handler)

  return router
}
