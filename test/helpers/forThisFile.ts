/**
 * Something a test file starts once, before its tests, and stops after them: the service, a provider fake, a browser.
 * What it returns stands in for the started thing, so tests write `service.url` as they would with a variable
 * set in `beforeAll`; reading it before then fails with a clear message. Like any jest hooks, these start and
 * stop in the order they are declared. Without `stop`, the started thing's own `stop()` is called.
 */
export function startedForThisFile<T extends { stop(): Promise<unknown> }>(start: () => Promise<T>): T
export function startedForThisFile<T extends object>(start: () => Promise<T>, stop: (started: T) => Promise<unknown>): T
export function startedForThisFile<T extends object>(start: () => Promise<T>, stop = (started: T) => (started as unknown as { stop(): Promise<unknown> }).stop()): T {
  let started: T | undefined
  beforeAll(async () => {
    started = await start()
  })
  afterAll(async () => {
    if (started) await stop(started)
    started = undefined
  })
  const notYet = (property: string | symbol) => new Error(`${String(property)} was read before this test file's beforeAll started what it belongs to`)
  return new Proxy({} as T, {
    get(_standIn, property) {
      if (!started) {
        // Asked by anything that checks whether a value is a promise.
        if (property === 'then') return undefined
        throw notYet(property)
      }
      const value = Reflect.get(started, property, started)
      return typeof value === 'function' ? value.bind(started) : value
    },
    set(_standIn, property, value) {
      if (!started) throw notYet(property)
      return Reflect.set(started, property, value, started)
    },
    has: (_standIn, property) => (started ? Reflect.has(started, property) : false),
    getPrototypeOf: () => (started ? Reflect.getPrototypeOf(started) : Object.prototype),
  })
}
