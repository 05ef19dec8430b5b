/**
 * Danger goes first. The embedded database takes one write at a time, and a writer that finds it busy polls
 * for its turn, so under a crowd of chats an urgent write could wait behind dozens of others. While urgent work
 * (saving an urgent concern, writing and claiming its alert) is in flight, bulk work (a new conversation turn, a
 * background pass) waits at its door; what is already running finishes, so the urgent writes meet a short queue.
 * Bulk work never waits longer than `maxHoldMs`, so a stream of urgent work cannot starve everyone else.
 */
export class UrgentLane {
  private running = 0
  private waiting: (() => void)[] = []

  constructor(private readonly maxHoldMs = 3_000) {}

  /** Runs work in the urgent lane: bulk work starting meanwhile waits until it is over. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++
    try {
      return await work()
    } finally {
      this.running--
      if (this.running === 0) this.release()
    }
  }

  get busy(): boolean {
    return this.running > 0
  }

  /** Resolves at once when nothing urgent is running; otherwise when it is over (or after maxHoldMs). */
  clear(): Promise<void> {
    if (this.running === 0) return Promise.resolve()
    return new Promise(resolve => {
      const timer = setTimeout(done, this.maxHoldMs)
      timer.unref()
      const waiting = this.waiting
      function done() {
        clearTimeout(timer)
        const at = waiting.indexOf(done)
        if (at >= 0) waiting.splice(at, 1)
        resolve()
      }
      waiting.push(done)
    })
  }

  private release(): void {
    const waiting = this.waiting
    this.waiting = []
    for (const resolve of waiting) resolve()
  }
}
