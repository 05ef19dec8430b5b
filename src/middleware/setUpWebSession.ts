import crypto from 'node:crypto'
import MongoStore from 'connect-mongo'
import type { Request, RequestHandler } from 'express'
import session from 'express-session'
import type { Connection } from 'mongoose'

export const sessionCookieName = 'console_session'
export const sessionLifetimeMs = 8 * 60 * 60 * 1000

declare module 'express-session' {
  interface SessionData {
    uid?: string
    role?: string
    /** The user's sessionVersion at sign-in: a session from before a sign-out everywhere, disabling or reset is refused. */
    sessionVersion?: number
    /** An organisation (OIDC) sign-in under way: state, nonce and PKCE verifier, used once on the way back. */
    oidc?: { state: string; nonce: string; codeVerifier: string; returnTo?: string }
  }
}

/**
 * Console sessions held server-side (express-session, in the database's `sessions` collection through
 * connect-mongo, looked up by _id only), so ending one is immediate: the cookie carries a signed random id and
 * nothing else. HttpOnly, SameSite=Lax, Secure over https (the proxy must send X-Forwarded-Proto), eight hours
 * from sign-in. FerretDB has no TTL index, so expired sessions are swept on an interval instead. A session is
 * stored only once something is put in it.
 */
export default function setUpWebSession(connection: Connection, secret: Buffer, secure: boolean): RequestHandler {
  const store = MongoStore.create({
    client: connection.getClient(),
    dbName: connection.name,
    collectionName: 'sessions',
    ttl: sessionLifetimeMs / 1000,
    autoRemove: 'interval',
    autoRemoveInterval: 10,
    stringify: true,
  })
  return session({
    name: sessionCookieName,
    secret: secret.toString('base64'),
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    unset: 'destroy',
    genid: () => crypto.randomBytes(24).toString('base64url'),
    // Served over https means a TLS proxy in front: it says so in X-Forwarded-Proto, whatever TRUST_PROXY is
    // (TRUST_PROXY is about client addresses; trusting the scheme only decides whether the cookie is marked Secure).
    proxy: secure ? true : undefined,
    cookie: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: sessionLifetimeMs },
  })
}

/** A new session id for a sign-in (so a session fixed before sign-in is worth nothing after it), keeping nothing else. */
export function startSignedInSession(req: Request, user: { id: string; role: string; sessionVersion: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate(error => {
      if (error) return reject(error)
      req.session.uid = user.id
      req.session.role = user.role
      req.session.sessionVersion = user.sessionVersion
      req.session.save(saveError => (saveError ? reject(saveError) : resolve()))
    })
  })
}

/** Ends the session in the store at once and tells the browser to forget the cookie. */
export function endSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.destroy(error => {
      if (error) return reject(error)
      resolve()
    })
  })
}
