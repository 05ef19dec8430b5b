import express, { type Request, type Response, type Router } from 'express'
import { riskCategoryLabels } from '../classification/taxonomy'
import { actorOf, requireRole } from '../middleware/setUpAuthentication'
import type { Services } from '../composition'
import { risingRule, signalPeriods, signalsAsCsv } from '../triage/signals'

/** Per-service signals for managers: the console page, and CSV and JSON exports (console session or Bearer token). */
export default function signalsRoutes(services: Services): Router {
  const router = express.Router()
  const managers = requireRole('manager')
  const serviceFilter = (req: Request) => (typeof req.query.service === 'string' && req.query.service.trim() ? req.query.service : undefined)

  const sendJson = async (req: Request, res: Response) => {
    const signals = await services.signals.perService(serviceFilter(req))
    await services.audit.record(actorOf(res), 'signals.export', undefined, 'json')
    res.set('Cache-Control', 'no-store').json({ generatedAt: services.clock.now().toISOString(), rule: risingRule, services: signals })
  }
  const sendCsv = async (req: Request, res: Response) => {
    const signals = await services.signals.perService(serviceFilter(req))
    await services.audit.record(actorOf(res), 'signals.export', undefined, 'csv')
    res
      .set('Cache-Control', 'no-store')
      .type('text/csv; charset=utf-8')
      .attachment(`signals-${services.clock.now().toISOString().slice(0, 10)}.csv`)
      .send(signalsAsCsv(signals))
  }

  router.get('/console/signals', managers, async (req, res) => {
    const signals = await services.signals.perService(serviceFilter(req))
    const now = services.clock.now().getTime()
    // Each count links to the cases behind it: the same service, period and risk, theme or category.
    const casesLink = (key: string, period: number, extra: Record<string, string> = {}) =>
      `/console?${new URLSearchParams({ service: key, status: 'all', from: new Date(now - period * 24 * 60 * 60 * 1000).toISOString(), ...extra })}`
    res.render('console/signals', { title: 'Signals', section: 'signals', signals, rule: risingRule, periods: signalPeriods, casesLink, riskCategoryLabels })
  })
  router.get('/console/signals.json', managers, sendJson)
  router.get('/console/signals.csv', managers, sendCsv)
  router.get('/api/signals', managers, sendJson)
  router.get('/api/signals.csv', managers, sendCsv)
  return router
}
