import type { RequestHandler, Response } from 'express'
import type { UserRole } from '../data/models/user'
import type { Actor } from '../security/audit'
import type { Users } from '../security/users'
import { csrfRequestValid } from './setUpCsrf'

export interface SignedInUser {
  id: string
  email: string
  role: UserRole
  via: 'api' | 'console'
}

export function signedInUser(res: Response): SignedInUser | undefined {
  return res.locals.user as SignedInUser | undefined
}

export function actorOf(res: Response): Actor {
  const user = signedInUser(res)
  if (!user) throw new Error('No signed-in user')
  return { email: user.email, role: user.role, via: user.via }
}

/**
 * Who is asking: a Bearer token (API clients) or a signed-in console session. A session counts only while its
 * user is enabled and has not had its sessions ended since (sessionVersion). Session-authenticated API writes
 * must also carry the X-CSRF-Token header, so another site cannot use a signed-in inspector's cookie.
 */
export default function setUpAuthentication(users: Users): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization')
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
      const user = token ? await users.byToken(token) : null
      if (user) res.locals.user = { id: String(user._id), email: user.email, role: user.role, via: 'api' } satisfies SignedInUser
      return next()
    }
    const session = req.session
    if (session?.uid) {
      const user = await users.byId(session.uid)
      if (user && (user.sessionVersion ?? 0) === (session.sessionVersion ?? 0)) {
        const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(req.method)
        if (req.originalUrl.startsWith('/api/') && unsafe && !csrfRequestValid(req)) return next()
        res.locals.user = { id: String(user._id), email: user.email, role: user.role, via: 'console' } satisfies SignedInUser
      }
    }
    next()
  }
}

/** 401 without credentials, 403 with the wrong role. Console pages send people to sign in instead of a bare 401. */
export function requireRole(...roles: UserRole[]): RequestHandler {
  return (req, res, next) => {
    const user = signedInUser(res)
    const api = req.originalUrl.startsWith('/api/')
    if (!user) {
      if (api) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorised', message: 'Sign in first: send a Bearer token or use a console session.' })
      } else {
        res.redirect(303, `/console/sign-in?returnTo=${encodeURIComponent(req.originalUrl)}`)
      }
      return
    }
    if (!roles.includes(user.role)) {
      if (api) res.status(403).json({ error: 'forbidden', message: `Your role (${user.role}) cannot do this.` })
      else res.status(403).render('console/problem', { title: 'You cannot see this page', message: `Your role (${user.role}) does not include this. Ask an admin if you need it.` })
      return
    }
    next()
  }
}
