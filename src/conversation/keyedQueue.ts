/**
 * Runs tasks for one key (a conversation, a feedback record) one at a time, in arrival order, so two messages
 * sent close together never race. A failed task does not stop the ones queued after it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task)
    const settled = result.then(
      () => undefined,
      () => undefined,
    )
    this.tails.set(key, settled)
    void settled.then(() => {
      if (this.tails.get(key) === settled) this.tails.delete(key)
    })
    return result
  }

  /** Whether anything is queued or running for this key now. */
  busy(key: string): boolean {
    return this.tails.has(key)
  }

  /** Resolves once nothing is queued or running for this key. */
  async settled(key: string): Promise<void> {
    for (let tail = this.tails.get(key); tail; tail = this.tails.get(key)) await tail
  }

  /** Resolves once everything queued so far has finished (for a graceful stop). */
  async allSettled(): Promise<void> {
    await Promise.all([...this.tails.values()])
  }
}
