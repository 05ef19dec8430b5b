import express, { type Router } from 'express'
import { retentionPolicyFrom } from '../privacy/retention'
import type { Services } from '../composition'

/** The public pages: the chat (the start page), the status by reference, and the privacy and accessibility pages. */
export default function publicPages(services: Services): Router {
  const router = express.Router()
  const contact = { contactPhone: services.config.CONTACT_CENTRE_PHONE, contactEmail: services.config.CONTACT_CENTRE_EMAIL }

  router.get('/', (_req, res) => {
    res.render('pages/chat', { title: 'Tell us about your care', ...contact })
  })
  router.get('/privacy', (_req, res) => {
    res.render('pages/privacy', { title: 'What we do with your information', ...contact, retention: retentionPolicyFrom(services.config) })
  })
  // What happened to my feedback, for people using the form or no JavaScript: status and public updates only.
  router.get('/feedback-status', async (req, res) => {
    const typed = typeof req.query.reference === 'string' ? req.query.reference.trim().slice(0, 40) : ''
    const title = 'What happened to my feedback'
    res.set('Cache-Control', 'no-store')
    if (!typed) {
      res.render('pages/feedbackStatus', { title, ...contact })
      return
    }
    const status = await services.feedbackStatus.publicStatusOf(typed)
    if (!status) {
      res.status(404).render('pages/feedbackStatus', { title, typed, error: 'We could not find feedback with that reference. Check it and try again.', ...contact })
      return
    }
    res.render('pages/feedbackStatus', { title, status, ...contact })
  })
  router.get('/accessibility', (_req, res) => {
    res.render('pages/accessibility', { title: 'Accessibility statement', ...contact })
  })
  return router
}
