import { AsyncLocalStorage } from 'node:async_hooks'
import mongoose, { type Query, type Schema } from 'mongoose'

/**
 * Writes to the embedded database leave this process a few at a time, urgent ones first. SQLite takes one writer
 * at a time, and a writer that finds it taken sleeps and polls (up to 100 ms between tries, until busy_timeout): with
 * dozens of writers waiting, the lock sat idle between polls, writes slowed from milliseconds to seconds, some failed
 * with SQLITE_BUSY, and a write that lost the race often enough waited longest. Waiting here instead is in order,
 * wastes no time between writes, and lets urgent work (`urgently`) go to the front.
 */
const capacity = 2
/** A write whose hooks never finished must not hold its place for ever. */
const longestHoldMs = 10_000

const urgentContext = new AsyncLocalStorage<true>()
let running = 0
const urgentWaiting: (() => void)[] = []
const waiting: (() => void)[] = []

/** Runs work whose writes go ahead of every other write waiting in this process. */
export function urgently<T>(work: () => Promise<T>): Promise<T> {
  return urgentContext.run(true, work)
}

type Release = () => void

let open = false

/**
 * While the database refuses writes (a full disk), each write goes straight to it and fails at once: waiting in
 * turn behind writes that fail slowly would only keep the person waiting for the same "not saved".
 */
export function letWritesThrough(through: boolean): void {
  open = through
  if (!open) return
  for (const next of [...urgentWaiting.splice(0), ...waiting.splice(0)]) next()
}

function acquire(): Promise<Release> {
  const take = (): Release => {
    running++
    let released = false
    const timer = setTimeout(release, longestHoldMs)
    timer.unref()
    function release() {
      if (released) return
      released = true
      clearTimeout(timer)
      running--
      ;(urgentWaiting.shift() ?? waiting.shift())?.()
    }
    return release
  }
  if (open || running < capacity) return Promise.resolve(take())
  const queue = urgentContext.getStore() ? urgentWaiting : waiting
  return new Promise(resolve => queue.push(() => resolve(take())))
}

const releases = new WeakMap<object, Release>()
const queryWrites = /^(updateOne|updateMany|findOneAndUpdate|replaceOne|deleteOne|deleteMany|findOneAndDelete|findOneAndReplace)$/

function gateWrites(schema: Schema): void {
  const hold = async function (this: object) {
    releases.set(this, await acquire())
  }
  const finish = function (this: object) {
    releases.get(this)?.()
    releases.delete(this)
  }
  const finishOnError = function (this: object, error: Error, _result: unknown, next: (error?: Error) => void) {
    finish.call(this)
    next(error)
  }
  schema.pre(queryWrites, { document: false, query: true }, hold as (this: Query<unknown, unknown>) => Promise<void>)
  schema.post(queryWrites, { document: false, query: true }, finish)
  schema.post(queryWrites, { document: false, query: true }, finishOnError)
  schema.pre('save', hold)
  schema.post('save', finish)
  schema.post('save', finishOnError)
}

let installed = false

/**
 * Gates the writes of every model compiled from now on (the embedded database only: MongoDB takes concurrent writes).
 * Its hooks come after each schema's own, so a write first takes its record's turn (oneWriteAtATime), then its place here.
 */
export function gateEmbeddedWrites(): void {
  if (installed) return
  installed = true
  mongoose.plugin(gateWrites)
}
