import type { Query, Schema } from 'mongoose'

const keyedQueries: string[] = ['find', 'findOne', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'countDocuments', 'findOneAndUpdate', 'findOneAndDelete', 'replaceOne']

/**
 * Makes a unique natural id (a reference, a key, a conversation id) the document's `_id` as well. On the embedded
 * FerretDB only `_id` equality avoids reading the whole collection (shared docs/database.md), so every query that
 * names one value of the field also names the `_id`: callers keep filtering on the field and get a key lookup, and
 * an upsert by the field creates the document under that `_id`. The schema must declare `_id: String`.
 */
export function keyedBy(schema: Schema, field: string): void {
  schema.pre('validate', function keyByNaturalId() {
    if (this._id === undefined || this._id === null) this._id = this.get(field)
  })
  schema.pre(new RegExp(`^(${keyedQueries.join('|')})$`), { document: false, query: true }, function lookUpByNaturalId(this: Query<unknown, unknown>) {
    const filter = this.getFilter()
    if (typeof filter[field] === 'string' && filter._id === undefined) this.where({ _id: filter[field] })
  })
}
