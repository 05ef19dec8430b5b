import express, { type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { feedbackModel } from '../data/models/feedback'
import type { TFunction } from 'i18next'
import type { LanguageCode, SupportedLanguage } from '../i18n/languages'
import setUpPageLanguage from '../middleware/setUpPageLanguage'
import type { Services } from '../composition'
import { publicStatusOf } from '../feedback/feedbackStatus'
import { signpostingFor } from '../classification'
import { getHelpNow } from '../i18n/safetyMessages'
import { reporterRoles } from '../vocabulary/reporterRoles'
import { needsPhoneNumber } from '../vocabulary/contactPreferences'
import { feedbackInputSchema, fieldMessages, IdempotencyConflict, maxStoryLength } from '../feedback/intake'

/** Seconds a client should wait before sending again when the database cannot take the feedback. */
export const notSavedRetryAfterSeconds = 30
const notSavedMessage = 'Your feedback was not saved. We could not store it just now. Please send it again in a minute.'
const maxIdempotencyKeyLength = 200

export const intakeBodyLimit = '200kb'

/** Field paths in the API's terms → the form's input ids, so each error links to its field. */
const formFieldIds: Record<string, string> = {
  service: 'serviceName',
  'service.name': 'serviceName',
  text: 'text',
  when: 'when',
  role: 'role',
  'contact.method': 'contactMethod',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'contact.format': 'format',
}

/** The same help the form and chat give, in the language the words are in, for API clients to show when they speak of danger. */
function getHelpNowFor(text: string): { getHelpNow?: string[]; getHelpNowLanguage?: string } {
  const signposting = signpostingFor(text)
  if (signposting.kinds.length === 0) return {}
  const help = getHelpNow(signposting.language)
  return { getHelpNow: [help.danger, help.mentalHealth, help.samaritans], getHelpNowLanguage: help.lang }
}

/** The form's "Get help now" panel, in the language the words are in, or nothing when they do not speak of danger. */
function getHelpNowPanel(text: string) {
  const signposting = signpostingFor(text)
  return signposting.kinds.length ? getHelpNow(signposting.language) : undefined
}

/** Fields with their own message for "left empty", apart from "not right". */
const missingMessages = new Set(['text', 'email', 'phone'])

const formFieldOrder = ['serviceName', 'text', 'when', 'role', 'contactMethod', 'email', 'phone', 'format']

function formInput(body: Record<string, unknown>) {
  const value = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '')
  const method = value('contactMethod') || 'anonymous'
  return {
    service: { name: value('serviceName') },
    text: value('text'),
    when: value('when'),
    role: value('role') || undefined,
    contact: {
      method,
      email: method === 'email' ? value('email') : undefined,
      phone: needsPhoneNumber(method) ? value('phone') : undefined,
      format: value('format') || undefined,
    },
  }
}

/** POST /api/feedback for partners and the form; GET /api/feedback/{ref}/status for anyone holding a reference. */
export default function intakeRoutes(services: Services): Router {
  const router = express.Router()
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: services.config.RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: 'too_many_requests', message: 'You have sent a lot in a short time. Please wait a minute and try again. Nothing already sent has been lost.' })
    },
  })

  router.post('/api/feedback', limiter, express.json({ limit: intakeBodyLimit }), async (req, res) => {
    const parsed = feedbackInputSchema.safeParse(req.body ?? {})
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid_feedback', message: 'Some of the feedback needs checking. See "fields" for what to change.', fields: fieldMessages(parsed.error) })
      return
    }
    const idempotencyKey = req.get('Idempotency-Key')?.trim() || undefined
    if (idempotencyKey && idempotencyKey.length > maxIdempotencyKeyLength) {
      res.status(400).json({ error: 'invalid_idempotency_key', message: `The Idempotency-Key header must be ${maxIdempotencyKeyLength} characters or fewer.` })
      return
    }
    let received
    try {
      received = await services.intake.receive(parsed.data, 'api', idempotencyKey)
    } catch (error) {
      if (error instanceof IdempotencyConflict) {
        res.status(422).json({ error: 'idempotency_key_reused', message: 'This Idempotency-Key was already used with different feedback. Use a new key for new feedback.' })
        return
      }
      services.logger.error({ errorName: (error as Error)?.name }, 'feedback could not be saved')
      services.metrics.intake.inc({ channel: 'api', outcome: 'not_saved' })
      res
        .status(503)
        .set('Retry-After', String(notSavedRetryAfterSeconds))
        .json({ error: 'not_saved', message: notSavedMessage, ...getHelpNowFor(parsed.data.text) })
      return
    }
    const { replayed, ...body } = received
    if (replayed) res.set('Idempotent-Replayed', 'true')
    res.status(201).location(`/api/feedback/${received.reference}/status`).json({ ...body, ...getHelpNowFor(parsed.data.text) })
  })

  router.get('/api/feedback/:reference/status', limiter, async (req, res) => {
    const status = await publicStatusOf(feedbackModel(services.connection), String(req.params.reference))
    if (!status) {
      res.status(404).json({ error: 'not_found', message: 'We could not find feedback with that reference. Check it and try again.' })
      return
    }
    res.set('Cache-Control', 'no-store').json(status)
  })

  const wordsOf = (res: express.Response) => res.locals.t as TFunction
  const contact = { contactPhone: services.config.CONTACT_CENTRE_PHONE, contactBslUrl: services.config.CONTACT_CENTRE_BSL_URL }
  const rolesFor = (res: express.Response, chosen: unknown) => reporterRoles.map(role => ({ value: role, text: wordsOf(res)(`form.roles.${role}`), checked: chosen === role }))

  const renderForm = (res: express.Response, values: Record<string, unknown> = {}, errors?: Record<string, string>, status = 200) =>
    res.status(status).render('pages/feedbackForm', {
      title: `${errors ? wordsOf(res)('form.errorTitlePrefix') : ''}${wordsOf(res)('form.title')}`,
      values,
      errors,
      errorList: errors ? formFieldOrder.filter(id => errors[id]).map(id => ({ text: errors[id], href: `#${id}` })) : undefined,
      roles: rolesFor(res, values.role),
      maxStoryLength,
      ...contact,
    })

  router.get('/give-feedback-by-form', setUpPageLanguage(), (_req, res) => renderForm(res))

  router.post('/give-feedback-by-form', limiter, setUpPageLanguage(), express.urlencoded({ extended: false, limit: intakeBodyLimit }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const parsed = feedbackInputSchema.safeParse(formInput(body))
    if (!parsed.success) {
      // Each field's own message, in the page's language (the API keeps its English messages for developers).
      const errors: Record<string, string> = {}
      for (const path of Object.keys(fieldMessages(parsed.error))) {
        const id = formFieldIds[path] ?? 'text'
        const missing = missingMessages.has(id) && !String(body[id] ?? '').trim()
        errors[id] ??= wordsOf(res)(`form.errors.${id}${missing ? 'Missing' : ''}`, { max: maxStoryLength.toLocaleString('en-GB') })
      }
      renderForm(res, body, errors, 400)
      return
    }
    const language = (res.locals.pageLanguage as SupportedLanguage).code as LanguageCode
    let received
    try {
      received = await services.intake.receive({ ...parsed.data, language }, 'form')
    } catch (error) {
      services.logger.error({ errorName: (error as Error)?.name }, 'feedback could not be saved')
      services.metrics.intake.inc({ channel: 'form', outcome: 'not_saved' })
      // The words stay in the form, and help for danger is shown: it needs no database.
      res.set('Retry-After', String(notSavedRetryAfterSeconds))
      res.status(503).render('pages/feedbackForm', {
        title: `${wordsOf(res)('form.errorTitlePrefix')}${wordsOf(res)('form.notSavedTitle')}`,
        values: body,
        notSaved: true,
        getHelpNow: getHelpNowPanel(parsed.data.text),
        errorList: [{ text: wordsOf(res)('form.notSaved'), href: '#text' }],
        roles: rolesFor(res, body.role),
        maxStoryLength,
        ...contact,
      })
      return
    }
    res.render('pages/feedbackFormDone', {
      title: wordsOf(res)('done.title'),
      reference: received.reference,
      getHelpNow: getHelpNowPanel(parsed.data.text),
      anonymous: parsed.data.contact?.method === 'anonymous',
    })
  })

  return router
}
