/**
 * Retries a database call that failed only because it collided with another writer or the connection blinked:
 * SQLite's "database is locked", a duplicate key from two upserts of one new `_id`, a reset socket. Anything
 * else (a validation error, a real duplicate on insert) is thrown at once.
 */
const transientMessage = /database is locked|SQLITE_BUSY|ECONNRESET|EPIPE|connection .* closed|socket hang up|Topology is closed|not primary/i

export function isTransientDatabaseError(error: unknown, options: { duplicateKeyIsTransient?: boolean } = {}): boolean {
  const { code, name, message } = (error ?? {}) as { code?: number; name?: string; message?: string }
  if (code === 11000) return options.duplicateKeyIsTransient === true
  if (name === 'MongoNetworkError' || name === 'MongoNetworkTimeoutError') return true
  return transientMessage.test(message ?? '')
}

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === 11000
}

export async function retryTransient<T>(work: () => Promise<T>, options: { attempts?: number; duplicateKeyIsTransient?: boolean } = {}): Promise<T> {
  const attempts = options.attempts ?? 5
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= attempts || !isTransientDatabaseError(error, options)) throw error
      // 20, 40, 80, 160 ms, with jitter so colliding writers do not collide again.
      await new Promise(resolve => setTimeout(resolve, 20 * 2 ** (attempt - 1) * (0.5 + Math.random())))
    }
  }
}
