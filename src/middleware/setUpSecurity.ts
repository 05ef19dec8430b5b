import crypto from 'node:crypto'
import express, { type Router } from 'express'
import helmet from 'helmet'

/** helmet with a nonce-based Content Security Policy, so pages may run only our own scripts. */
export default function setUpSecurity(): Router {
  const router = express.Router()
  router.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString('hex')
    next()
  })
  router.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce as string}'`],
          styleSrc: ["'self'"],
          fontSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  )
  return router
}
