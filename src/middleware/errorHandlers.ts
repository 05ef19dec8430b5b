import type { ErrorRequestHandler, RequestHandler } from 'express'

function wantsJson(path: string): boolean {
  return path.startsWith('/api/') || path.startsWith('/v3/')
}

export const notFound: RequestHandler = (req, res) => {
  if (wantsJson(req.path)) {
    res.status(404).json({ error: 'not_found', message: 'There is nothing at this address.' })
    return
  }
  res.status(404).render('pages/error', { title: 'Page not found', message: 'If you typed the web address, check it is correct.' })
}

/** Never a stack trace: a short, kind message, and the details in the log. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500
  if (status >= 500) req.log?.error({ err: error }, 'unhandled error')
  if (res.headersSent) return
  const message =
    status === 400
      ? 'We could not read what was sent. Please check it and try again.'
      : status === 413
        ? 'That was too long for us to receive in one go. Please send it in smaller parts.'
        : status >= 500
          ? 'Sorry, something went wrong on our side. Nothing you sent has been lost. Please try again in a few minutes.'
          : 'Sorry, we could not do that.'
  if (wantsJson(req.path)) {
    res.status(status).json({ error: status >= 500 ? 'server_error' : 'bad_request', message })
    return
  }
  res.status(status).render('pages/error', { title: status >= 500 ? 'Sorry, there is a problem' : 'There is a problem', message })
}
