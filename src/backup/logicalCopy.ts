import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import mongoose from 'mongoose'

type Db = NonNullable<mongoose.Connection['db']>
type Document = Record<string, unknown>

const { EJSON } = mongoose.mongo.BSON

export const backupFormat = 'public-feedback-logical-backup'
export const backupFormatVersion = 1

export class BackupError extends Error {}

export interface IndexSpec {
  name: string
  key: Record<string, 1 | -1>
  unique?: boolean
}

export interface CollectionCopy {
  name: string
  documents: number
  indexes: IndexSpec[]
}

export interface BackupManifest {
  format: typeof backupFormat
  version: typeof backupFormatVersion
  createdAt: string
  databaseName: string
  /** Identifies the contact encryption key without revealing it, so restore can tell a wrong key at once. */
  encryptionKeyFingerprint: string
  keysIncluded: boolean
  collections: (CollectionCopy & { file: string; sha256: string })[]
}

export function keyFingerprint(key: Buffer): string {
  return crypto.createHmac('sha256', key).update('public-feedback key fingerprint v1').digest('hex').slice(0, 16)
}

/**
 * The order collections are read in. Feedback comes first: whatever is written because of a feedback record
 * (alerts, deliveries, audit events) is written before the record is marked routed, or after the record
 * changed, so reading feedback first and the rest afterwards never gives a record whose consequences are
 * missing. A record read before it was routed is routed again when the restored service starts.
 */
export async function collectionsInCopyOrder(db: Db): Promise<string[]> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map(collection => collection.name).filter(name => !name.startsWith('system.'))
  return names.sort((a, b) => (a === 'feedbacks' ? -1 : b === 'feedbacks' ? 1 : a.localeCompare(b)))
}

async function indexesOf(db: Db, name: string): Promise<IndexSpec[]> {
  const indexes = await db.collection(name).listIndexes().toArray()
  return indexes
    .filter(index => index.name !== '_id_')
    .map(index => ({ name: String(index.name), key: index.key as Record<string, 1 | -1>, ...(index.unique ? { unique: true } : {}) }))
}

export async function documentCount(db: Db): Promise<{ collections: number; documents: number }> {
  let documents = 0
  const names = await collectionsInCopyOrder(db)
  for (const name of names) documents += await db.collection(name).countDocuments()
  return { collections: names.length, documents }
}

/** Refuses a database that holds anything, unless asked to replace it. Changes nothing. */
export async function checkTarget(target: Db, replace: boolean, where = `The database ${target.databaseName}`): Promise<void> {
  const existing = await documentCount(target)
  if (existing.documents > 0 && !replace) {
    throw new BackupError(
      `${where} already holds ${existing.documents} records in ${existing.collections} collections. Nothing was changed. To throw them away and use the copy instead, run again with --replace.`,
    )
  }
}

/** Refuses to write into a database that holds anything, unless asked to replace it; then empties it. */
export async function prepareTarget(target: Db, replace: boolean, where: string): Promise<void> {
  await checkTarget(target, replace, where)
  for (const name of await collectionsInCopyOrder(target)) await target.collection(name).drop()
}

async function load(target: Db, name: string, documents: AsyncIterable<Document>, indexes: IndexSpec[], batchSize = 500): Promise<number> {
  await target.createCollection(name)
  let batch: Document[] = []
  let count = 0
  const flush = async () => {
    if (batch.length === 0) return
    await target.collection(name).insertMany(batch, { ordered: true })
    count += batch.length
    batch = []
  }
  for await (const document of documents) {
    batch.push(document)
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  for (const index of indexes) await target.collection(name).createIndex(index.key, { name: index.name, ...(index.unique ? { unique: true } : {}) })
  return count
}

/** A logical copy of every collection, one EJSON document per line, made through the database's own reads while it runs. */
export async function dumpDatabase(db: Db, outDir: string, encryptionKey: Buffer, includeKeys: boolean, secrets: Record<string, Buffer> = {}): Promise<BackupManifest> {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new BackupError(`${outDir} is not empty. Choose a new folder for the backup.`)
  fs.mkdirSync(path.join(outDir, 'collections'), { recursive: true, mode: 0o700 })
  fs.chmodSync(outDir, 0o700)
  const manifest: BackupManifest = {
    format: backupFormat,
    version: backupFormatVersion,
    createdAt: new Date().toISOString(),
    databaseName: db.databaseName,
    encryptionKeyFingerprint: keyFingerprint(encryptionKey),
    keysIncluded: includeKeys,
    collections: [],
  }
  for (const name of await collectionsInCopyOrder(db)) {
    const indexes = await indexesOf(db, name)
    const file = path.join('collections', `${encodeURIComponent(name)}.jsonl`)
    const hash = crypto.createHash('sha256')
    const out = fs.createWriteStream(path.join(outDir, file), { mode: 0o600 })
    let documents = 0
    for await (const document of db.collection(name).find()) {
      const line = `${EJSON.stringify(document, { relaxed: false })}\n`
      hash.update(line)
      if (!out.write(line)) await new Promise<void>(resolve => out.once('drain', () => resolve()))
      documents += 1
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
    manifest.collections.push({ name, documents, indexes, file, sha256: hash.digest('hex') })
  }
  if (includeKeys) {
    fs.mkdirSync(path.join(outDir, 'keys'), { mode: 0o700 })
    fs.writeFileSync(path.join(outDir, 'keys', 'encryption.key'), encryptionKey.toString('base64'), { mode: 0o600 })
    for (const [fileName, secret] of Object.entries(secrets)) fs.writeFileSync(path.join(outDir, 'keys', fileName), secret.toString('base64'), { mode: 0o600 })
  }
  // Written last: a folder without a manifest is an unfinished backup, and restore refuses it.
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 })
  return manifest
}

export function readManifest(fromDir: string): BackupManifest {
  const file = path.join(fromDir, 'manifest.json')
  if (!fs.existsSync(file)) throw new BackupError(`${fromDir} has no manifest.json: it is not a backup, or the backup did not finish.`)
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest
  if (manifest.format !== backupFormat || manifest.version !== backupFormatVersion) {
    throw new BackupError(`${fromDir} holds a backup in a format this version cannot read (${manifest.format} v${manifest.version}).`)
  }
  for (const collection of manifest.collections) {
    const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(fromDir, collection.file))).digest('hex')
    if (hash !== collection.sha256) throw new BackupError(`The backup file ${collection.file} has changed or is damaged since the backup was made. Nothing was restored.`)
  }
  return manifest
}

/** The key kept with the backup, if it was included. */
export function backupKey(fromDir: string, fileName = 'encryption.key'): Buffer | undefined {
  const file = path.join(fromDir, 'keys', fileName)
  return fs.existsSync(file) ? Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64') : undefined
}

async function* linesOf(file: string): AsyncIterable<Document> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity })
  for await (const line of lines) if (line) yield EJSON.parse(line, { relaxed: false }) as Document
}

/** Puts a backup back into an empty database (or, with replace, one it empties first), with its indexes. */
export async function restoreDatabase(target: Db, fromDir: string, replace: boolean): Promise<CollectionCopy[]> {
  const manifest = readManifest(fromDir)
  await prepareTarget(target, replace, `The database ${target.databaseName}`)
  const restored: CollectionCopy[] = []
  for (const collection of manifest.collections) {
    const documents = await load(target, collection.name, linesOf(path.join(fromDir, collection.file)), collection.indexes)
    if (documents !== collection.documents) throw new BackupError(`${collection.name}: restored ${documents} of ${collection.documents} records.`)
    restored.push({ name: collection.name, documents, indexes: collection.indexes })
  }
  return restored
}

/** Copies every collection, with its indexes, from one database to another (the embedded one to MongoDB). */
export async function copyDatabase(source: Db, target: Db, replace: boolean): Promise<CollectionCopy[]> {
  // Guard against copying a database onto itself, which --replace would empty.
  const probe = `copy_probe_${crypto.randomBytes(6).toString('hex')}`
  await target.createCollection(probe)
  const same = (await source.listCollections({ name: probe }, { nameOnly: true }).toArray()).length > 0
  await target.dropCollection(probe)
  if (same) throw new BackupError('The target is the same database as the source. Give the address of the new MongoDB server.')
  await prepareTarget(target, replace, `The target database ${target.databaseName}`)
  const copied: CollectionCopy[] = []
  for (const name of await collectionsInCopyOrder(source)) {
    const indexes = await indexesOf(source, name)
    const documents = await load(target, name, source.collection(name).find() as AsyncIterable<Document>, indexes)
    const held = await target.collection(name).countDocuments()
    if (held !== documents) throw new BackupError(`${name}: the target holds ${held} records after copying ${documents}.`)
    copied.push({ name, documents, indexes })
  }
  return copied
}
