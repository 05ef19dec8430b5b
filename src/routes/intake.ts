import express, { type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { feedbackModel } from '../data/models/feedback'
import type { Services } from '../composition'
import { publicStatusOf } from '../feedback/feedbackStatus'
import { detectSignposting } from '../classification'
import { reporterRoles } from '../data/models/feedback'
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

/** The same help the form and chat give, for API clients to show when their user's words speak of danger. */
const getHelpNowText = [
  'If someone is in danger now, call 999.',
  'For urgent mental health help, call NHS 111 and choose option 2.',
  'If you need to talk to someone, call Samaritans free on 116 123, day or night.',
]

const formFieldOrder = ['serviceName', 'text', 'when', 'role', 'contactMethod', 'email', 'phone', 'format']

const roleLabels: Record<(typeof reporterRoles)[number], string> = {
  person: 'I used the service',
  family_friend_carer: 'Family, friend or carer',
  staff: 'I work or worked there',
  professional: 'A professional',
  other: 'Something else',
}

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
      phone: method === 'sms' || method === 'phone' ? value('phone') : undefined,
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
      const signposting = detectSignposting(parsed.data.text)
      res
        .status(503)
        .set('Retry-After', String(notSavedRetryAfterSeconds))
        .json({ error: 'not_saved', message: notSavedMessage, ...(signposting.length ? { getHelpNow: getHelpNowText } : {}) })
      return
    }
    const { replayed, ...body } = received
    if (replayed) res.set('Idempotent-Replayed', 'true')
    res.status(201).location(`/api/feedback/${received.reference}/status`).json(body)
  })

  router.get('/api/feedback/:reference/status', limiter, async (req, res) => {
    const status = await publicStatusOf(feedbackModel(services.connection), String(req.params.reference))
    if (!status) {
      res.status(404).json({ error: 'not_found', message: 'We could not find feedback with that reference. Check it and try again.' })
      return
    }
    res.set('Cache-Control', 'no-store').json(status)
  })

  const renderForm = (res: express.Response, values: Record<string, unknown> = {}, errors?: Record<string, string>, status = 200) =>
    res.status(status).render('pages/feedbackForm', {
      title: errors ? 'Error: Tell us about your care' : 'Tell us about your care',
      values,
      errors,
      errorList: errors ? formFieldOrder.filter(id => errors[id]).map(id => ({ text: errors[id], href: `#${id}` })) : undefined,
      roles: reporterRoles.map(role => ({ value: role, text: roleLabels[role], checked: values.role === role })),
      maxStoryLength,
    })

  router.get('/give-feedback-by-form', (_req, res) => renderForm(res))

  router.post('/give-feedback-by-form', limiter, express.urlencoded({ extended: false, limit: intakeBodyLimit }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const parsed = feedbackInputSchema.safeParse(formInput(body))
    if (!parsed.success) {
      const errors: Record<string, string> = {}
      for (const [path, message] of Object.entries(fieldMessages(parsed.error))) {
        const id = formFieldIds[path] ?? 'text'
        errors[id] ??= path === 'service' ? 'Enter the name of the service' : message
      }
      renderForm(res, body, errors, 400)
      return
    }
    let received
    try {
      received = await services.intake.receive(parsed.data, 'form')
    } catch (error) {
      services.logger.error({ errorName: (error as Error)?.name }, 'feedback could not be saved')
      services.metrics.intake.inc({ channel: 'form', outcome: 'not_saved' })
      // The words stay in the form, and help for danger is shown: it needs no database.
      res.set('Retry-After', String(notSavedRetryAfterSeconds))
      res.status(503).render('pages/feedbackForm', {
        title: 'Error: Your feedback was not saved',
        values: body,
        notSaved: true,
        signposting: detectSignposting(parsed.data.text),
        errorList: [{ text: notSavedMessage, href: '#text' }],
        roles: reporterRoles.map(role => ({ value: role, text: roleLabels[role], checked: body.role === role })),
        maxStoryLength,
      })
      return
    }
    res.render('pages/feedbackFormDone', {
      title: 'Thank you, we have your feedback',
      reference: received.reference,
      signposting: detectSignposting(parsed.data.text),
      anonymous: parsed.data.contact?.method === 'anonymous',
    })
  })

  return router
}
