import type { Request, RequestHandler } from 'express'
import { csrfSync } from 'csrf-sync'

/**
 * Synchroniser tokens (csrf-sync) kept in the server-side session: forms carry the token as `_csrf`, scripts
 * as `X-CSRF-Token`. Needs setUpWebSession and a body parser before it.
 */
const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const field = (req.body as Record<string, unknown> | undefined)?._csrf
    if (typeof field === 'string') return field
    const header = req.headers['x-csrf-token']
    return typeof header === 'string' ? header : undefined
  },
})

/** True for an unsafe request whose token matches the session's. */
export const csrfRequestValid = (req: Request): boolean => csrf.isRequestValid(req)

/** Every unsafe request without the session's token is refused with a kind page; safe ones get a token to use. */
export default function setUpCsrf(): RequestHandler {
  return (req, res, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      res.locals.csrfToken = csrf.generateToken(req)
      return next()
    }
    if (csrf.isRequestValid(req)) {
      res.locals.csrfToken = csrf.getTokenFromState(req)
      return next()
    }
    res.status(403).render('console/problem', {
      title: 'Your page has expired',
      message: 'For your security, we could not accept that form. Go back, reload the page and try again. Nothing has been changed.',
    })
  }
}
