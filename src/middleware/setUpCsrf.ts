import crypto from 'node:crypto'
import type { RequestHandler } from 'express'
import { webSession } from './setUpWebSession'

export function csrfTokenFor(sid: string, secret: Buffer): string {
  return crypto.createHmac('sha256', secret).update(`csrf:${sid}`).digest('base64url')
}

function same(given: unknown, expected: string): boolean {
  return typeof given === 'string' && given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
}

/**
 * Synchroniser token bound to the session id by HMAC: forms carry it as `_csrf`, scripts as `X-CSRF-Token`.
 * Needs setUpWebSession and a body parser before it. Every unsafe request without the right token is refused.
 */
export default function setUpCsrf(secret: Buffer): RequestHandler {
  return (req, res, next) => {
    const token = csrfTokenFor(webSession(res).sid, secret)
    res.locals.csrfToken = token
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return next()
    const given = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token')
    if (same(given, token)) return next()
    res.status(403).render('console/problem', {
      title: 'Your page has expired',
      message: 'For your security, we could not accept that form. Go back, reload the page and try again. Nothing has been changed.',
    })
  }
}
