/**
 * npm run restore -- --from DIR [--replace]
 * Puts a backup made by `npm run backup` back into the configured database (embedded or MONGODB_URI).
 * Stop the service first. An empty database is filled; one holding data is only replaced with --replace.
 * The backup's encryption key is put in DATA_DIR when no key is configured; a configured key must match it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { backupKey, BackupError, checkTarget, keyFingerprint, readManifest, restoreDatabase } from '../src/backup/logicalCopy'
import { loadConfig } from '../src/config'
import { openDatabase } from '../src/data/database'
import { createLogger } from '../src/logger'
import { parseToolArgs, runTool, UsageError } from './toolSupport'

const usage = 'Usage: npm run restore -- --from /path/to/backup [--replace]'

function keyFileHolds(file: string, key: Buffer): boolean {
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64').equals(key)
}

function checkKeyFile(dataDir: string, fileName: string, key: Buffer, replace: boolean): void {
  const file = path.join(dataDir, fileName)
  if (fs.existsSync(file) && !keyFileHolds(file, key) && !replace) {
    throw new BackupError(`${file} holds a different key from the backup's. Nothing was changed. Run again with --replace to use the backup's key (the current one is kept beside it).`)
  }
}

/** Puts the backup's key in DATA_DIR; a different key already there is kept beside it, never lost. */
function placeKeyFile(dataDir: string, fileName: string, key: Buffer): void {
  const file = path.join(dataDir, fileName)
  if (fs.existsSync(file)) {
    if (keyFileHolds(file, key)) return
    fs.renameSync(file, `${file}.before-restore-${Date.now()}`)
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 })
}

runTool('Restore', async () => {
  const values = parseToolArgs({ from: { type: 'string' }, replace: { type: 'boolean', default: false } }, usage)
  if (!values.from) throw new UsageError(usage)
  const fromDir = path.resolve(values.from)
  const manifest = readManifest(fromDir)
  const config = loadConfig()
  const key = backupKey(fromDir)
  const keyFiles: { fileName: string; secret: Buffer }[] = []
  if (config.ENCRYPTION_KEY) {
    if (keyFingerprint(Buffer.from(config.ENCRYPTION_KEY, 'base64')) !== manifest.encryptionKeyFingerprint) {
      throw new BackupError('ENCRYPTION_KEY is not the key this backup was made with, so its contact details could not be read. Nothing was changed. Set ENCRYPTION_KEY to the kept key and run again.')
    }
  } else if (key) {
    if (keyFingerprint(key) !== manifest.encryptionKeyFingerprint) throw new BackupError('The key in the backup does not match its manifest. Nothing was changed.')
    keyFiles.push({ fileName: 'encryption.key', secret: key })
    const sessionSecret = backupKey(fromDir, 'session.secret')
    if (sessionSecret && !config.SESSION_SECRET) keyFiles.push({ fileName: 'session.secret', secret: sessionSecret })
  } else {
    throw new BackupError('This backup was made without its keys and ENCRYPTION_KEY is not set. Set ENCRYPTION_KEY to the key kept for it and run again.')
  }
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 2)
  const database = await openDatabase(config, logger)
  try {
    // Every check before anything is written: a refused restore leaves both the database and DATA_DIR as they were.
    await checkTarget(database.connection.db!, values.replace)
    const encryptionKeyFile = keyFiles.find(file => file.fileName === 'encryption.key')
    if (encryptionKeyFile) checkKeyFile(config.dataDir, encryptionKeyFile.fileName, encryptionKeyFile.secret, values.replace)
    for (const { fileName, secret } of keyFiles) placeKeyFile(config.dataDir, fileName, secret)
    const restored = await restoreDatabase(database.connection.db!, fromDir, values.replace)
    const documents = restored.reduce((sum, collection) => sum + collection.documents, 0)
    process.stdout.write(`${JSON.stringify({ from: fromDir, madeAt: manifest.createdAt, collections: restored.length, documents })}\n`)
  } finally {
    await database.close()
  }
})
