import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { actorOf, requireRole, signedInUser } from '../middleware/setUpAuthentication'
import { PersonalDataErasure } from '../privacy/erasure'
import { findPersonalRecords, type PersonQuery, PersonQueryError } from '../privacy/personalRecords'
import { normaliseFeedbackReference } from '../feedback/feedbackReference'
import type { Services } from '../composition'

type Handler = (req: Request, res: Response, next: NextFunction) => Promise<void>

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value.trim() : ''
}

interface ErasureForm {
  identifier: string
  reason: string
}

const readForm = (body: unknown): ErasureForm => ({ identifier: field(body, 'identifier'), reason: field(body, 'reason') })

/** What the person gave us, read as an email address, a feedback reference or a phone number. */
export function personQueryOf(identifier: string): PersonQuery | undefined {
  if (identifier.includes('@')) return { email: identifier }
  if (/[A-Za-z]/.test(identifier) && normaliseFeedbackReference(identifier)) return { reference: identifier }
  if (/^\+?[\d\s()-]{7,}$/.test(identifier)) return { phone: identifier }
  return undefined
}

/** Checks the form; returns the search, or the errors to show against each field. */
function check(form: ErasureForm): { query?: PersonQuery; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const query = personQueryOf(form.identifier)
  if (!form.identifier) errors.identifier = 'Enter the feedback reference, phone number or email address the person gave'
  else if (!query) errors.identifier = 'Enter a feedback reference like ABCDE-23456, a phone number or an email address'
  if (!form.reason) errors.reason = 'Enter the reason for the erasure, such as how the request was made'
  else if (form.reason.length > 200) errors.reason = 'The reason must be 200 characters or fewer'
  return Object.keys(errors).length ? { errors } : { query, errors }
}

/**
 * Erasure at a person's request, for admins: find what is held (by reference, phone or email), confirm, erase.
 * Admins see only how much was found, never the feedback itself. Every erasure is audit-logged with its reason.
 */
export default function privacyConsoleRoutes(services: Services): Router {
  const router = express.Router()
  const admins = requireRole('admin')
  const erasure = new PersonalDataErasure(services.connection, services.contactCipher, services.audit, services.clock, services.logger)
  const render = (res: Response, status: number, locals: Record<string, unknown>) =>
    res.status(status).render('console/privacyErase', { title: 'Erase personal data', section: 'privacy', user: signedInUser(res), ...locals })

  router.get('/privacy/erase', admins, (_req, res) => {
    render(res, 200, { values: {} })
  })

  router.post('/privacy/erase', admins, (async (req, res) => {
    const form = readForm(req.body)
    const { query, errors } = check(form)
    if (!query) return render(res, 400, { values: form, errors })
    try {
      const found = await findPersonalRecords(services.connection, services.contactCipher, query)
      render(res, 200, { values: form, found, searchedBy: { reference: 'feedback reference', phone: 'phone number', email: 'email address' }[found.searchedBy] })
    } catch (error) {
      if (!(error instanceof PersonQueryError)) throw error
      render(res, 400, { values: form, errors: { identifier: error.message } })
    }
  }) as Handler)

  router.post('/privacy/erase/confirm', admins, (async (req, res) => {
    const form = readForm(req.body)
    const { query, errors } = check(form)
    if (!query) return render(res, 400, { values: form, errors })
    try {
      const result = await erasure.erase(query, actorOf(res), form.reason)
      // The console's queue keeps a copy of each case's words in memory: read the erased ones again now.
      for (const reference of result.references) await services.cases.refreshQueueRow(reference)
      render(res, 200, { values: {}, result })
    } catch (error) {
      if (!(error instanceof PersonQueryError)) throw error
      render(res, 400, { values: form, errors: { identifier: error.message } })
    }
  }) as Handler)

  return router
}
