import pino, { type Logger } from 'pino'

/**
 * Structured JSON logs. Nothing personal is logged: request logs carry the method, the path without its
 * query string, the status and a request id, never a body. The redact list is a second line of defence.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'public-feedback' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        '*.text',
        '*.body',
        '*.contact',
        '*.email',
        '*.phone',
        '*.password',
        '*.token',
      ],
      censor: '[removed]',
    },
  })
}

export type { Logger }
