import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { type Config, ConfigError } from '../config'

/**
 * A secret from configuration, or in development a random one kept in DATA_DIR with 0600 permissions,
 * so a fresh clone works and restarts keep the same keys. Production must configure its own.
 */
export function resolveSecret(config: Config, configured: string | undefined, variable: string, fileName: string): Buffer {
  if (configured) return Buffer.from(configured, variable === 'ENCRYPTION_KEY' ? 'base64' : 'utf8')
  if (config.NODE_ENV === 'production') {
    throw new ConfigError(`Configuration error: ${variable} must be set in production (it is not set).`)
  }
  const file = path.join(config.dataDir, fileName)
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  const secret = crypto.randomBytes(32)
  fs.writeFileSync(file, secret.toString('base64'), { mode: 0o600, flag: 'wx' })
  return secret
}
