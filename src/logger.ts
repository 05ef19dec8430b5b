import pino, { type Logger } from 'pino'

/**
 * Structured JSON logs. Nothing personal is logged: request logs carry the method, the path without its
 * query string, the status and a request id, never a body. The redact list is a second line of defence.
 * `destination` 2 sends logs to stderr, for command-line tools whose stdout is their output.
 */
export function createLogger(level: string, destination: 1 | 2 = 1): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'public-feedback' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.text', '*.body', '*.contact', '*.email', '*.phone', '*.password', '*.token'],
      censor: '[removed]',
    },
  }
  return pino(options, pino.destination(destination))
}

export type { Logger }

/** Error details without the message, which could quote what the person typed. */
export function loggableError(error: unknown): object {
  if (!(error instanceof Error)) return { errorType: typeof error }
  return { errorName: error.name, frames: error.stack?.split('\n').slice(1, 8).join('\n') }
}
