import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { type Config, ConfigError, decodeKey, keyEncodingHint } from '../config'

/**
 * A key from configuration, or in development a random one kept in DATA_DIR with 0600 permissions, so a fresh
 * clone works and restarts keep the same keys. Variable and file use the same encoding (see keyEncodingHint),
 * so a generated file's contents can be moved into the variable as they are. Production must configure its own.
 * A key that cannot be read is reported by name only: its value never appears in an error or a log.
 */
export function resolveSecret(config: Config, configured: string | undefined, variable: string, fileName: string): Buffer {
  if (configured) {
    const key = decodeKey(configured)
    if (!key) throw new ConfigError(`Configuration error: ${variable} must be ${keyEncodingHint}.`)
    return key
  }
  if (config.NODE_ENV === 'production') {
    throw new ConfigError(`Configuration error: ${variable} must be set in production (it is not set).`)
  }
  const file = path.join(config.dataDir, fileName)
  if (fs.existsSync(file)) return readKeyFile(file, variable)
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  const secret = crypto.randomBytes(32)
  // Written whole to a file of its own, then linked into place: a hard link appears with all its contents at once and
  // fails if the name exists, so two instances starting together share one key and neither reads a half-written file.
  const written = `${file}.${process.pid}.${crypto.randomUUID()}`
  fs.writeFileSync(written, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  try {
    placeOnce(written, file)
    return secret
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return readKeyFile(file, variable)
  } finally {
    fs.rmSync(written, { force: true })
  }
}

/** Puts the file in place unless the name exists (EEXIST), by a hard link, or by a copy where links are not supported. */
function placeOnce(written: string, file: string): void {
  try {
    fs.linkSync(written, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error
    fs.copyFileSync(written, file, fs.constants.COPYFILE_EXCL)
  }
}

function readKeyFile(file: string, variable: string): Buffer {
  const key = decodeKey(fs.readFileSync(file, 'utf8'))
  if (!key) throw new ConfigError(`Configuration error: ${file} (used because ${variable} is not set) must hold ${keyEncodingHint}.`)
  return key
}
