import type { Connection } from 'mongoose'
import mongoose from 'mongoose'
import type { ContactCipher } from '../../src/contact/contactEncryption'

/**
 * Every place in the database where any of the given strings appears, as "collection.field": in the clear,
 * or inside anything sealed with the contact cipher (contact details, transcripts), which is opened to look.
 */
export async function findStrings(connection: Connection, cipher: ContactCipher, needles: string[]): Promise<string[]> {
  const lowered = needles.map(needle => needle.toLowerCase())
  const found = new Set<string>()
  const visit = (collection: string, path: string, value: unknown) => {
    if (typeof value === 'string') {
      const texts = [value]
      if (/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/.test(value)) {
        try {
          texts.push(JSON.stringify(cipher.decrypt(value)))
        } catch {
          // Sealed with another key: not ours to read.
        }
      }
      for (const text of texts) if (lowered.some(needle => text.toLowerCase().includes(needle))) found.add(`${collection}.${path}`)
      return
    }
    if (Array.isArray(value)) value.forEach(item => visit(collection, path, item))
    else if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof mongoose.Types.ObjectId)) {
      for (const [key, child] of Object.entries(value)) visit(collection, path ? `${path}.${key}` : key, child)
    }
  }
  const db = connection.db!
  for (const { name } of await db.listCollections().toArray()) {
    for await (const document of db.collection(name).find()) visit(name, '', document)
  }
  return [...found].sort()
}
