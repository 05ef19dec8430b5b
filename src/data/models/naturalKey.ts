import type { Query, Schema } from 'mongoose'

const keyedQueries: string[] = ['find', 'findOne', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'countDocuments', 'findOneAndUpdate', 'findOneAndDelete', 'replaceOne']

/**
 * Makes a unique natural id (a reference, a key, a conversation id) the document's `_id` as well. On the embedded
 * FerretDB only `_id` equality avoids reading the whole collection (README, "The embedded database"), so every query that
 * names one value of the field also names the `_id`: callers keep filtering on the field and get a key lookup, and
 * an upsert by the field creates the document under that `_id`. The schema declares `_id` Mixed, so records
 * written before (or by tools) with an ObjectId `_id` are still read and updated by their own `_id`.
 */
export function keyedBy(schema: Schema, field: string): void {
  schema.pre('validate', function keyByNaturalId() {
    if (this._id === undefined || this._id === null) this._id = this.get(field)
  })
  schema.pre(new RegExp(`^(${keyedQueries.join('|')})$`), { document: false, query: true }, function lookUpByNaturalId(this: Query<unknown, unknown>) {
    // The field is replaced, not joined: FerretDB v1 uses the key only when `_id` is the filter's one field.
    const { [field]: value, ...rest } = this.getFilter()
    if (typeof value === 'string' && rest._id === undefined) this.setQuery({ ...rest, _id: value })
  })
}
