import express, { type Response, type Router } from 'express'
import { actorOf, requireRole } from '../middleware/setUpAuthentication'
import type { Services } from '../composition'
import { parseCaseFilters } from '../triage/caseQueue'
import { CaseInputError, CaseNotFound } from '../triage/caseService'

function caseProblem(res: Response, error: unknown): void {
  if (error instanceof CaseNotFound) {
    res.status(404).json({ error: 'not_found', message: 'There is no case with that reference.' })
    return
  }
  if (error instanceof CaseInputError) {
    res.status(400).json({ error: 'invalid_request', message: error.message, fields: { text: error.message } })
    return
  }
  throw error
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined)

/** The inspectors' API. Inspectors and managers work cases; admins manage users and get 403 here. */
export default function caseRoutes(services: Services): Router {
  const router = express.Router()
  const { cases } = services
  router.use('/api/cases', requireRole('inspector', 'manager'), express.json({ limit: '50kb' }))

  router.get('/api/cases', async (req, res) => {
    const actor = actorOf(res)
    const { filters, problems } = parseCaseFilters(req.query as Record<string, unknown>, actor.email)
    if (problems.length) {
      res.status(400).json({ error: 'invalid_request', message: problems.join(' ') })
      return
    }
    const rows = await cases.list(actor, filters)
    res.set('Cache-Control', 'no-store').json({ cases: rows.map(({ searchText: _searchText, ...row }) => row) })
  })

  router.get('/api/cases/:reference', async (req, res) => {
    try {
      const found = await cases.get(actorOf(res), String(req.params.reference))
      res.set('Cache-Control', 'no-store').json({ ...found, contact: { ...found.contact, details: undefined } })
    } catch (error) {
      caseProblem(res, error)
    }
  })

  router.post('/api/cases/:reference/acknowledge', async (req, res) => {
    try {
      res.json(await cases.acknowledge(actorOf(res), String(req.params.reference)))
    } catch (error) {
      caseProblem(res, error)
    }
  })

  router.post('/api/cases/:reference/responses', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    try {
      const answer = await cases.respond(actorOf(res), String(req.params.reference), {
        text: text(body.text) ?? '',
        easyReadText: text(body.easyReadText),
      })
      res.status(201).json(answer)
    } catch (error) {
      caseProblem(res, error)
    }
  })

  return router
}
