import crypto from 'node:crypto'
import cookieParser from 'cookie-parser'
import express, { type Response, type Router } from 'express'

export const sessionCookieName = 'console_session'
const sessionLifetimeMs = 8 * 60 * 60 * 1000

/** What the signed cookie holds: no personal data beyond the signed-in user's id and role. */
export interface WebSession {
  /** Random per sign-in (and per visitor before sign-in): binds the CSRF token. */
  sid: string
  uid?: string
  role?: string
  /** An organisation (OIDC) sign-in under way: state, nonce and PKCE verifier, used once on the way back. */
  oidc?: { state: string; nonce: string; codeVerifier: string; returnTo?: string }
  /** Milliseconds since 1970 after which the session is no longer accepted. */
  exp: number
}

function sign(value: string, secret: Buffer): string {
  return crypto.createHmac('sha256', secret).update(value).digest('base64url')
}

export function encodeSession(session: WebSession, secret: Buffer): string {
  const body = Buffer.from(JSON.stringify(session)).toString('base64url')
  return `${body}.${sign(body, secret)}`
}

export function decodeSession(cookie: string | undefined, secret: Buffer, now: number): WebSession | undefined {
  if (!cookie) return undefined
  const [body, signature] = cookie.split('.')
  if (!body || !signature) return undefined
  const expected = sign(body, secret)
  if (signature.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) return undefined
  try {
    const session = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as WebSession
    return typeof session.sid === 'string' && typeof session.exp === 'number' && session.exp > now ? session : undefined
  } catch {
    return undefined
  }
}

export function webSession(res: Response): WebSession {
  return res.locals.webSession as WebSession
}

export function hasWebSession(res: Response): boolean {
  return Boolean(res.locals.webSession)
}

/**
 * Console sessions in a stateless cookie signed with services.sessionSecret (HMAC-SHA256): HttpOnly,
 * SameSite=Lax, Secure when the service is served over https, eight hours long. Signing in starts a new
 * session id, so a session fixed before sign-in is worth nothing after it.
 */
export default function setUpWebSession(secret: Buffer, secure: boolean, options: { createIfMissing: boolean }): Router {
  const now = () => Date.now()
  const router = express.Router()
  router.use(cookieParser())
  router.use((req, res, next) => {
    const existing = decodeSession(req.cookies?.[sessionCookieName], secret, now())
    if (!existing && !options.createIfMissing) return next()
    res.locals.webSession = existing ?? { sid: crypto.randomBytes(16).toString('base64url'), exp: now() + sessionLifetimeMs }
    res.locals.saveWebSession = (session: WebSession) => {
      res.locals.webSession = session
      res.cookie(sessionCookieName, encodeSession(session, secret), { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: sessionLifetimeMs })
    }
    if (!existing) (res.locals.saveWebSession as (session: WebSession) => void)(res.locals.webSession)
    next()
  })
  return router
}

export function saveWebSession(res: Response, session: Omit<WebSession, 'exp'> & { exp?: number }): void {
  ;(res.locals.saveWebSession as (session: WebSession) => void)({ ...session, exp: session.exp ?? Date.now() + sessionLifetimeMs })
}

export function newSessionId(): string {
  return crypto.randomBytes(16).toString('base64url')
}
