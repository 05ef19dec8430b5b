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
  if (fs.existsSync(file)) {
    const key = decodeKey(fs.readFileSync(file, 'utf8'))
    if (!key) throw new ConfigError(`Configuration error: ${file} (used because ${variable} is not set) must hold ${keyEncodingHint}.`)
    return key
  }
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  const secret = crypto.randomBytes(32)
  fs.writeFileSync(file, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  return secret
}
