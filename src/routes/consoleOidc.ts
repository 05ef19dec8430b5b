import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { signedInUser } from '../middleware/setUpAuthentication'
import { startSignedInSession } from '../middleware/setUpWebSession'
import type { Services } from '../composition'
import { OidcProviderError, OidcResponseError } from '../security/oidc'

type Handler = (req: Request, res: Response, next: NextFunction) => Promise<void>

const tryAgain = 'Try again, or sign in with your email address and password.'

/** Organisation sign-in (OIDC) for the console; mounted inside the console router, after its session and CSRF set-up. */
export default function consoleOidcRoutes(services: Services, safeReturnTo: (value: unknown, fallback: string) => string): Router {
  const router = express.Router()
  const { oidc } = services

  const notSetUp = (res: Response) =>
    res.status(404).render('console/problem', {
      title: 'Organisation sign-in is not set up',
      message: 'Sign in with your email address and password instead. An administrator can set OIDC_ISSUER_URL, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to turn on organisation sign-in.',
      signInLink: true,
    })

  const providerDown = (res: Response) =>
    res.status(503).render('console/problem', {
      title: 'Organisation sign-in is not working just now',
      message: `We could not reach your organisation's sign-in service. ${tryAgain}`,
      signInLink: true,
    })

  router.get('/sign-in/oidc', (async (req, res) => {
    if (!oidc) return void notSetUp(res)
    if (signedInUser(res)) return res.redirect(303, '/console')
    try {
      const { url, pending } = await oidc.start(safeReturnTo(req.query.returnTo, '') || undefined)
      req.session.oidc = pending
      res.redirect(303, url)
    } catch (error) {
      if (!(error instanceof OidcProviderError)) throw error
      providerDown(res)
    }
  }) as Handler)

  router.get('/sign-in/oidc/callback', (async (req, res) => {
    if (!oidc) return void notSetUp(res)
    const pending = req.session.oidc
    // Used once, whatever happens next: a second visit to the same answer cannot sign anyone in.
    delete req.session.oidc
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : ''
    try {
      const result = await oidc.finish(query, pending)
      if (result.outcome === 'unknown-user') {
        res.status(403).render('console/problem', {
          title: 'You do not have a console account yet',
          message:
            'Your organisation signed you in, but there is no inspector console account for your email address, or it has been turned off. Ask an administrator to add you, then try again.',
          signInLink: true,
        })
        return
      }
      if (result.outcome === 'unverified-email') {
        res.status(403).render('console/problem', {
          title: 'Your email address could not be confirmed',
          message: `Your organisation did not tell us a confirmed email address for you, so we cannot match you to a console account. Ask your IT team or an administrator for help. ${tryAgain}`,
          signInLink: true,
        })
        return
      }
      const { user } = result
      await services.users.markSignedIn(user, services.clock.now())
      await startSignedInSession(req, { id: String(user._id), role: user.role, sessionVersion: user.sessionVersion ?? 0 })
      res.redirect(303, safeReturnTo(result.returnTo, user.role === 'admin' ? '/console/users' : '/console'))
    } catch (error) {
      if (error instanceof OidcResponseError) {
        res.status(400).render('console/problem', {
          title: 'We could not finish signing you in',
          message: `The sign-in was cancelled, took too long, or was started in another browser. ${tryAgain}`,
          signInLink: true,
        })
        return
      }
      if (!(error instanceof OidcProviderError)) throw error
      providerDown(res)
    }
  }) as Handler)

  return router
}
