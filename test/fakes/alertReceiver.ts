import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedAlert {
  headers: http.IncomingHttpHeaders
  rawBody: string
  body: Record<string, unknown>
  /** Whether X-Signature-256 is the HMAC-SHA256 of the raw body with the shared secret. */
  signatureValid: boolean
}

/**
 * A webhook receiver that follows the alert contract: POST JSON, X-Signature-256: sha256=<hex HMAC of the raw
 * body>, Idempotency-Key. It checks the signature the way a real receiver must (constant-time, on the raw bytes).
 * `down` makes it answer 503, as a receiver does during an outage.
 */
export class FakeAlertReceiver {
  readonly received: ReceivedAlert[] = []
  down = false
  private server: http.Server | undefined
  private waiters: { count: number; resolve: () => void }[] = []

  constructor(readonly secret: string) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo
    return `http://127.0.0.1:${address.port}/hooks/alerts`
  }

  /** Distinct idempotency keys that were answered 2xx. */
  get deliveredKeys(): string[] {
    return [...new Set(this.received.filter(alert => !alert.headers['x-fake-refused']).map(alert => String(alert.headers['idempotency-key'])))]
  }

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', chunk => chunks.push(chunk))
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8')
        const expected = `sha256=${crypto.createHmac('sha256', this.secret).update(rawBody).digest('hex')}`
        const given = String(req.headers['x-signature-256'] ?? '')
        const signatureValid = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected))
        let body: Record<string, unknown>
        try {
          body = JSON.parse(rawBody)
        } catch {
          body = {}
        }
        const refused = this.down || !signatureValid
        this.received.push({ headers: { ...req.headers, ...(refused ? { 'x-fake-refused': '1' } : {}) }, rawBody, body, signatureValid })
        res.statusCode = this.down ? 503 : signatureValid ? 202 : 401
        res.end()
        this.waiters = this.waiters.filter(waiter => {
          if (this.received.length < waiter.count) return true
          waiter.resolve()
          return false
        })
      })
    })
    await new Promise<void>(resolve => this.server?.listen(port, '127.0.0.1', () => resolve()))
    return this
  }

  /** Resolves once at least `count` requests have arrived (accepted or not). */
  waitForRequests(count: number, timeoutMs = 20_000): Promise<void> {
    if (this.received.length >= count) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} alert requests, got ${this.received.length}`)), timeoutMs)
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) })
    })
  }

  async stop(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server?.close(() => resolve()))
    this.server = undefined
  }
}

/** The service settings that send alerts to this receiver, signed with its secret. */
export function alertWebhookSettings(receiver: FakeAlertReceiver): Record<string, string> {
  return { ALERT_WEBHOOK_URL: receiver.url, ALERT_WEBHOOK_SECRET: receiver.secret }
}
