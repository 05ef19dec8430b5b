import type { Logger } from '../logger'
import type { DeliveryService } from './notifyPerson'

export interface Worker {
  start(): void
  stop(): Promise<void>
}

/**
 * Picks up deliveries whose retry time has come, and any left half-sent by a process that stopped.
 * One pass at a time; stop() waits for the pass in progress so the database is not closed under it.
 */
export class DeliveryWorker implements Worker {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined

  constructor(
    private readonly deliveries: DeliveryService,
    private readonly logger: Logger,
    private readonly intervalMs = 5000,
    private readonly housekeeping: () => Promise<void> = async () => undefined,
  ) {}

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => void this.tick(), this.intervalMs)
    this.timer.unref()
    void this.tick()
  }

  /** One pass over due deliveries; resolves when it is over. Safe to call while a pass runs (it joins it). */
  tick(): Promise<void> {
    this.running ??= (async () => {
      try {
        await this.deliveries.processDue()
        await this.housekeeping()
      } catch (error) {
        this.logger.error({ errorName: (error as Error)?.name }, 'delivery worker pass failed; it will try again')
      } finally {
        this.running = undefined
      }
    })()
    return this.running
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }
}
