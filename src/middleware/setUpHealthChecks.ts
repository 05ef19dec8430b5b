import express, { type Router } from 'express'

export interface ReadinessCheck {
  ping(timeoutMs?: number): Promise<void>
  /** Answers and accepts a write; when absent, a ping is enough. */
  ready?(timeoutMs?: number): Promise<void>
}

/**
 * /healthz: the process lives. /readyz: the database answers and accepts writes (a full disk is not ready), and
 * no start-up check has found a problem (for example data sealed with a different key).
 */
export default function setUpHealthChecks(database: ReadinessCheck, problem: () => string | undefined = () => undefined): Router {
  const router = express.Router()
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    try {
      await (database.ready ? database.ready(2000) : database.ping(2000))
      const found = problem()
      if (found) {
        res.status(503).json({ status: 'not ready', reason: found })
        return
      }
      res.json({ status: 'ready' })
    } catch (error) {
      res.status(503).json({ status: 'not ready', reason: `database: ${(error as Error).message}` })
    }
  })
  return router
}
