import express, { type Router } from 'express'
import { retentionPolicyFrom } from '../privacy/retention'
import type { Services } from '../services'

/** The public pages: the chat (the start page) and the plain-English privacy and accessibility pages. */
export default function publicPages(services: Services): Router {
  const router = express.Router()
  const contact = { contactPhone: services.config.CONTACT_CENTRE_PHONE, contactEmail: services.config.CONTACT_CENTRE_EMAIL }

  router.get('/', (_req, res) => {
    res.render('pages/chat', { title: 'Tell us about your care', ...contact })
  })
  router.get('/privacy', (_req, res) => {
    res.render('pages/privacy', { title: 'What we do with your information', ...contact, retention: retentionPolicyFrom(services.config) })
  })
  router.get('/accessibility', (_req, res) => {
    res.render('pages/accessibility', { title: 'Accessibility statement', ...contact })
  })
  return router
}
