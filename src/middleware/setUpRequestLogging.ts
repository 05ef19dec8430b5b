import crypto from 'node:crypto'
import type { RequestHandler } from 'express'
import { pinoHttp } from 'pino-http'
import type { Logger } from '../logger'

const safeRequestId = /^[A-Za-z0-9-]{8,64}$/

/** One JSON line per request with a request id; never a body, a query string or a header value. */
export default function setUpRequestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id']
      const id = typeof incoming === 'string' && safeRequestId.test(incoming) ? incoming : crypto.randomUUID()
      res.setHeader('X-Request-Id', id)
      return id
    },
    serializers: {
      req: req => ({ id: req.id, method: req.method, path: String(req.url).split('?')[0] }),
      res: res => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: req => req.url === '/healthz' || req.url === '/readyz' },
  })
}
