/** What the operator command-line tools share: configuration, the database, the contact key and an audit log. */
import os from 'node:os'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { systemClock } from '../src/clock'
import { type Config, ConfigError, loadConfig } from '../src/config'
import { type Database, openDatabase } from '../src/data/database'
import { EmbeddedDatabaseError } from '../src/data/embeddedDatabase'
import { auditEventModel } from '../src/data/models/auditEvent'
import { createLogger, type Logger } from '../src/logger'
import { type Actor, AuditLog } from '../src/security/audit'
import { type ContactCipher, createContactCipher } from '../src/contact/contactEncryption'
import { resolveSecret } from '../src/security/secrets'
import { PersonQueryError, type PersonQuery } from '../src/privacy/personalRecords'
import { BackupError } from '../src/backup/logicalCopy'

export class UsageError extends Error {}

export interface ToolContext {
  config: Config
  logger: Logger
  database: Database
  cipher: ContactCipher
  audit: AuditLog
  /** Who ran the tool, for the audit log: --by, or the account running it. */
  actor: Actor
}

export function parseToolArgs<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`)
  }
}

/** --reference, --phone or --email: exactly one. */
export function personQueryFrom(values: { reference?: string; phone?: string; email?: string }, usage: string): PersonQuery {
  const given = (['reference', 'phone', 'email'] as const).filter(name => values[name]?.trim())
  if (given.length !== 1) throw new UsageError(`Give one of --reference, --phone or --email.\n${usage}`)
  const name = given[0]
  return { [name]: values[name]!.trim() } as PersonQuery
}

export async function openToolContext(by?: string): Promise<ToolContext> {
  const config = loadConfig()
  // Tools print their result on stdout; the log goes to stderr and stays quiet unless asked.
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 2)
  const cipher = createContactCipher(resolveSecret(config, config.ENCRYPTION_KEY, 'ENCRYPTION_KEY', 'encryption.key'))
  const database = await openDatabase(config, logger)
  const audit = new AuditLog(auditEventModel(database.connection), systemClock, logger)
  const actor: Actor = { email: by?.trim() || `${os.userInfo().username} (command line)`, role: 'operator', via: 'system' }
  return { config, logger, database, cipher, audit, actor }
}

/** Runs a tool's main function: a clear message and exit code 2 for bad usage, 1 for anything else, never a stack trace. */
export function runTool(name: string, main: () => Promise<number | void>): void {
  main().then(
    code => process.exit(code ?? 0),
    error => {
      if (error instanceof UsageError) {
        process.stderr.write(`${error.message}\n`)
        process.exit(2)
      }
      const known = error instanceof ConfigError || error instanceof PersonQueryError || error instanceof BackupError || error instanceof EmbeddedDatabaseError
      process.stderr.write(known ? `${(error as Error).message}\n` : `${name} stopped: ${(error as Error).message}\n`)
      process.exit(1)
    },
  )
}
