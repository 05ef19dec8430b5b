import express, { type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { feedbackModel } from '../data/models/feedback'
import type { Services } from '../services'
import { publicStatusOf } from '../services/feedbackStatus'
import { feedbackInputSchema, fieldMessages } from '../services/intake'

export const intakeBodyLimit = '200kb'

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
    const received = await services.intake.receive(parsed.data, 'api')
    res.status(201).location(`/api/feedback/${received.reference}/status`).json(received)
  })

  router.get('/api/feedback/:reference/status', limiter, async (req, res) => {
    const status = await publicStatusOf(feedbackModel(services.connection), String(req.params.reference))
    if (!status) {
      res.status(404).json({ error: 'not_found', message: 'We could not find feedback with that reference. Check it and try again.' })
      return
    }
    res.set('Cache-Control', 'no-store').json(status)
  })

  return router
}
