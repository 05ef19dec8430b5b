import crypto from 'node:crypto'
import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { riskLevels } from '../data/models/feedback'
import { userRoles } from '../data/models/user'
import { actorOf, requireRole, signedInUser } from '../middleware/setUpAuthentication'
import { endSession, sessionCookieName, startSignedInSession } from '../middleware/setUpWebSession'
import type { Services } from '../services'
import { CaseInputError, CaseNotFound, statusLabels, workflowStatuses } from '../services/caseService'
import { ResponseDrafting } from '../services/responseDrafting'
import { fillTemplate, responseTemplates } from '../services/responseTemplates'
import { normaliseEmail, UserError } from '../services/users'
import consoleOidcRoutes from './consoleOidc'

type Handler = (req: Request, res: Response, next: NextFunction) => Promise<void>

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** Only our own console paths: never an open redirect. */
function safeReturnTo(value: unknown, fallback: string): string {
  return typeof value === 'string' && /^\/console(\/[A-Za-z0-9/_-]*)?(\?[A-Za-z0-9=&_-]*)?$/.test(value) ? value : fallback
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return ''
  return new Date(value).toLocaleString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
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

  router.get('/', caseWorkers, (async (req, res) => {
    const query = req.query as Record<string, unknown>
    const filters = {
      queue: typeof query.queue === 'string' ? query.queue : undefined,
      risk: typeof query.risk === 'string' ? query.risk : undefined,
      status: typeof query.status === 'string' ? query.status : undefined,
    }
    const list = await cases.list(actorOf(res), filters)
    res.render('console/queue', { title: 'Case queue', section: 'queue', cases: list, filters, riskLevels, workflowStatuses, now: services.clock.now() })
  }) as Handler)

  const renderCase = async (req: Request, res: Response, extra: Record<string, unknown> = {}, status = 200) => {
    const found = await cases.get(actorOf(res), String(req.params.reference), { withContactDetails: req.query.contact === 'show' })
    const deliveries = await services.deliveries?.listDeliveriesFor(found.reference).catch(() => [])
    res.status(status).render('console/case', {
      title: `Case ${found.reference}`,
      section: 'queue',
      item: found,
      deliveries: deliveries ?? [],
      workflowStatuses,
      templates: responseTemplates.map(template => ({ ...template, text: fillTemplate(template.text, found.service?.name ?? undefined), easyReadText: fillTemplate(template.easyReadText, found.service?.name ?? undefined) })),
      draftingAvailable: drafting.available,
      caseUrl: `/console/cases/${found.reference}`,
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

  const afterAction = (res: Response, reference: string, done: string) => res.redirect(303, `/console/cases/${reference}?done=${done}`)

  router.post('/cases/:reference/acknowledge', caseWorkers, withCase(async (req, res) => {
    const result = await cases.acknowledge(actorOf(res), String(req.params.reference))
    afterAction(res, result.reference, 'acknowledged')
  }))

  router.post('/cases/:reference/assign', caseWorkers, withCase(async (req, res) => {
    req.body._form = 'assignee'
    await cases.assign(actorOf(res), String(req.params.reference), field(req.body, 'assignee') || (field(req.body, 'toMe') ? actorOf(res).email : ''))
    afterAction(res, String(req.params.reference).toUpperCase(), 'assigned')
  }))

  router.post('/cases/:reference/status', caseWorkers, withCase(async (req, res) => {
    req.body._form = 'status'
    await cases.setStatus(actorOf(res), String(req.params.reference), field(req.body, 'status'), field(req.body, 'statusNote'))
    afterAction(res, String(req.params.reference).toUpperCase(), 'status')
  }))

  router.post('/cases/:reference/notes', caseWorkers, withCase(async (req, res) => {
    req.body._form = 'note'
    await cases.addNote(actorOf(res), String(req.params.reference), field(req.body, 'note'))
    afterAction(res, String(req.params.reference).toUpperCase(), 'note')
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
    await cases.respond(actorOf(res), String(req.params.reference), { text: field(req.body, 'text'), easyReadText: field(req.body, 'easyReadText') })
    afterAction(res, String(req.params.reference).toUpperCase(), 'responded')
  }))

  router.get('/failed-deliveries', requireRole('manager'), (async (_req, res) => {
    const alerts = await services.alertOutbox.failing()
    const deliveries = (await services.listFailedDeliveries?.({ limit: 200 }).catch(() => [])) ?? []
    await services.audit.record(actorOf(res), 'deliveries.failed.list', undefined, `${alerts.length} alerts, ${deliveries.length} deliveries`)
    res.render('console/failedDeliveries', { title: 'Failed deliveries', section: 'deliveries', alerts, deliveries })
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
