import type { Logger } from '../../logger'
import type { Leases } from './leases'
import type { UrgentLane } from './urgentLane'

export interface JobOptions {
  /**
   * Periodic housekeeping that must run once per interval across all instances (retention, pruning): the
   * instance that claims the job's lease runs it and keeps the lease for the interval. Queue work (alerts,
   * deliveries) is not a singleton: every instance runs the pass and each item is claimed on its own.
   */
  singleton?: boolean
  /** Work about danger (alert delivery, escalation): it never holds back for the urgent lane. */
  urgent?: boolean
}

interface Job {
  name: string
  intervalMs: number
  run: () => Promise<unknown>
  options: JobOptions
  timer?: NodeJS.Timeout
  running?: Promise<void>
  again: boolean
}

/**
 * Every background job of the service, each on its own loop, so one never waits behind another: alert delivery
 * never waits for routing, routing never for housekeeping. Adding a job is one line:
 * `services.jobs.every('retention', 60 * 60_000, () => retention.runOnce(), { singleton: true })`.
 */
export class BackgroundJobs {
  private readonly jobs = new Map<string, Job>()
  private started = false

  constructor(
    private readonly leases: Leases,
    private readonly logger: Logger,
    /** Bulk passes wait while urgent work is writing (see urgentLane.ts). */
    private readonly lane: UrgentLane,
    /** Told after each pass how long it took, for /metrics. */
    private readonly onPass: (name: string, seconds: number, ok: boolean) => void = () => {},
  ) {}

  every(name: string, intervalMs: number, run: () => Promise<unknown>, options: JobOptions = {}): void {
    if (this.jobs.has(name)) throw new Error(`A background job called ${name} already exists`)
    const job: Job = { name, intervalMs, run, options, again: false }
    this.jobs.set(name, job)
    if (this.started) this.schedule(job)
  }

  names(): string[] {
    return [...this.jobs.keys()]
  }

  start(): void {
    if (this.started) return
    this.started = true
    for (const job of this.jobs.values()) this.schedule(job)
  }

  /** Runs a pass of the job now (or right after the one in progress), instead of at its next interval. */
  kick(name: string): void {
    const job = this.jobs.get(name)
    if (!job || !this.started) return
    if (job.running) {
      job.again = true
      return
    }
    job.running = this.pass(job).finally(() => {
      job.running = undefined
      if (job.again && this.started) {
        job.again = false
        this.kick(name)
      }
    })
  }

  /** Runs one pass and waits for it, whether or not the jobs are started (tests, command-line tools). */
  async runNow(name: string): Promise<void> {
    const job = this.jobs.get(name)
    if (!job) throw new Error(`No background job called ${name}`)
    await job.running
    await this.pass(job)
  }

  async stop(): Promise<void> {
    this.started = false
    for (const job of this.jobs.values()) clearInterval(job.timer)
    await Promise.allSettled([...this.jobs.values()].map(job => job.running))
  }

  private schedule(job: Job): void {
    job.timer = setInterval(() => this.kick(job.name), job.intervalMs)
    job.timer.unref()
    this.kick(job.name)
  }

  private async pass(job: Job): Promise<void> {
    const started = process.hrtime.bigint()
    let ok = true
    try {
      if (!job.options.urgent) await this.lane.clear()
      // One pass per interval across all instances: the first to claim the interval's lease runs it.
      if (job.options.singleton && !(await this.leases.claimPeriod(`job:${job.name}`, job.intervalMs))) return
      await job.run()
    } catch (error) {
      ok = false
      this.logger.error({ job: job.name, errorName: (error as Error)?.name, reason: (error as Error)?.message?.slice(0, 200) }, 'background job pass failed; it will run again')
    } finally {
      this.onPass(job.name, Number(process.hrtime.bigint() - started) / 1e9, ok)
    }
  }
}
