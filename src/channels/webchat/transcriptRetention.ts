import type { Clock } from '../../clock'
import type { Logger } from '../../logger'
import { resumeWindowSeconds } from './tokens'
import type { TranscriptStore } from './transcriptStore'

const everyHourMs = 60 * 60 * 1000

/**
 * Web chat transcripts are kept only while the person could still come back to them: once no token can
 * be renewed (the resume window), the transcript has no use left and is deleted. The feedback record and
 * the bot's state are not touched.
 */
export class TranscriptRetention {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined

  constructor(
    private readonly transcripts: TranscriptStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly intervalMs = everyHourMs,
  ) {}

  async runOnce(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - resumeWindowSeconds * 1000)
    let forgotten = 0
    // Bounded, so a conversation that somehow cannot be deleted never keeps this loop going.
    for (let round = 0; round < 50; round++) {
      const batch = await this.transcripts.forgetConversationsIdleSince(cutoff)
      forgotten += batch
      if (batch === 0) break
    }
    if (forgotten) this.logger.info({ forgotten }, 'forgot idle web chat transcripts')
    return forgotten
  }

  start(): void {
    const tick = () => {
      this.running ??= this.runOnce()
        .then(() => undefined)
        .catch(error => this.logger.warn({ errorName: (error as Error)?.name }, 'could not forget idle web chat transcripts'))
        .finally(() => {
          this.running = undefined
        })
    }
    this.timer = setInterval(tick, this.intervalMs)
    this.timer.unref()
    tick()
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
  }
}
