import type { Logger } from '../logger'
import type { AlertDelivery } from './alertDelivery'
import type { ClassifyAndRoute } from './classifyAndRoute'
import type { Escalation } from './escalation'

const pollIntervalMs = 500
/** Unrouted records are normally handled at once; this sweep only catches ones a crash left behind. */
const unroutedSweepEveryPolls = 60

/**
 * The background half of triage: on start it finishes records a crash left unrouted and retries undelivered
 * alerts; then it polls twice a second for due alerts and escalations. kick() runs a pass at once, so the first
 * delivery attempt does not wait for the next poll.
 */
export class AlertWorker {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private again = false
  private stopped = true
  private polls = 0

  constructor(
    private readonly delivery: AlertDelivery,
    private readonly escalation: Escalation,
    private readonly classifyAndRoute: ClassifyAndRoute,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.polls = 0
    this.kick()
    this.timer = setInterval(() => this.kick(), pollIntervalMs)
  }

  kick(): void {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.pass()
      .catch(error => this.logger.error({ err: error }, 'alert worker pass failed; it will run again'))
      .finally(() => {
        this.running = undefined
        if (this.again) {
          this.again = false
          this.kick()
        }
      })
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    await this.running
    await this.classifyAndRoute.settled()
  }

  private async pass(): Promise<void> {
    if (this.polls % unroutedSweepEveryPolls === 0) await this.classifyAndRoute.routeUnrouted()
    this.polls += 1
    if (this.stopped) return
    await this.delivery.deliverDue()
    if (this.stopped) return
    await this.escalation.runOnce()
  }
}
