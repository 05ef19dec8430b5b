import type { Query, Schema } from 'mongoose'

const writeQueries = ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne']
/** A write that never finishes must not hold its document for ever. */
const longestHold = 30_000

type Release = () => void
const tails = new Map<string, Promise<void>>()

function acquire(key: string): Promise<Release> {
  const previous = tails.get(key) ?? Promise.resolve()
  let release!: Release
  const held = new Promise<void>(resolve => {
    release = resolve
  })
  const tail = previous.then(() => held)
  tails.set(key, tail)
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key)
  })
  return previous.then(() => {
    const timer = setTimeout(release, longestHold)
    timer.unref()
    return () => {
      clearTimeout(timer)
      release()
    }
  })
}

const releases = new WeakMap<object, Release>()

/**
 * Updates of one document, by its `_id`, run one at a time within this process. FerretDB v1 applies an update by
 * reading the document and writing it back (README, "The embedded database"), so two updates of one record at the same
 * moment (an inspector's note while repeat concerns are linked) could lose one of them. Register after `keyedBy`,
 * whose hook turns the natural id into the `_id` this one keys on. Two instances on one database are not covered.
 */
export function oneWriteAtATime(schema: Schema): void {
  const pattern = new RegExp(`^(${writeQueries.join('|')})$`)
  schema.pre(pattern, { document: false, query: true }, async function waitForEarlierWrites(this: Query<unknown, unknown>) {
    const id = this.getFilter()._id
    if (typeof id !== 'string') return
    releases.set(this, await acquire(`${this.model.collection.collectionName}:${id}`))
  })
  const finish = function (this: Query<unknown, unknown>) {
    releases.get(this)?.()
    releases.delete(this)
  }
  schema.post(pattern, { document: false, query: true }, finish)
  schema.post(pattern, { document: false, query: true }, function (this: Query<unknown, unknown>, error: Error, _result: unknown, next: (error?: Error) => void) {
    finish.call(this)
    next(error)
  })
}
