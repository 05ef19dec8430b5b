import crypto from 'node:crypto'
import type { RequestHandler } from 'express'
import { pinoHttp } from 'pino-http'
import type { Logger } from '../logger'

const safeClientRequestId = /^[A-Za-z0-9-]{8,64}$/

/**
 * A path as it may be logged: conversation ids (which let anyone holding one reach a chat's endpoints) and the
 * query string are left out. `/v3/directline/conversations/abc/activities` → `/v3/directline/conversations/:id/activities`.
 */
export function loggablePath(url: string): string {
  return url.split('?')[0]!.replace(/(\/conversations\/)[^/]+/g, '$1:id')
}

/**
 * One JSON line per request with a request id the service makes itself (sent back as X-Request-Id); a
 * well-formed id from the client is logged beside it as clientRequestId, never used as ours. Never a body,
 * a query string, a header value or a conversation id.
 */
export default function setUpRequestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req, res) => {
      const id = crypto.randomUUID()
      res.setHeader('X-Request-Id', id)
      return id
    },
    customProps: req => {
      const incoming = req.headers['x-request-id']
      return typeof incoming === 'string' && safeClientRequestId.test(incoming) ? { clientRequestId: incoming } : {}
    },
    serializers: {
      req: req => ({ id: req.id, method: req.method, path: loggablePath(String(req.url)) }),
      res: res => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: req => req.url === '/healthz' || req.url === '/readyz' },
  })
}
