/**
 * npm run user:create -- --email E --role R [--password P] [--reset]
 * Creates a console/API user and prints ONE JSON line: {"email","role","password","token"}.
 * The password and token are shown once and stored only as hashes. --reset gives an existing user new ones.
 */
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../src/config'
import { openDatabase } from '../src/data/database'
import { userModel, userRoles } from '../src/data/models/user'
import { createLogger } from '../src/logger'
import { UserError, Users } from '../src/security/users'

async function main(): Promise<number> {
  let args
  try {
    args = parseArgs({
      options: { email: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, reset: { type: 'boolean', default: false } },
      strict: true,
    }).values
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    return 2
  }
  if (!args.email || !args.role) {
    process.stderr.write(`Usage: npm run user:create -- --email name@example.gov.uk --role ${userRoles.join('|')} [--password P] [--reset]\n`)
    return 2
  }
  const config = loadConfig()
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, 2)
  const database = await openDatabase(config, logger)
  try {
    const users = new Users(userModel(database.connection), config.PASSWORD_HASH_COST)
    await userModel(database.connection).init()
    const created = await users.create(args.email, args.role, { password: args.password, reset: args.reset })
    process.stdout.write(`${JSON.stringify(created)}\n`)
    return 0
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`)
      return 1
    }
    throw error
  } finally {
    await database.close()
  }
}

main().then(
  code => process.exit(code),
  error => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `Could not create the user: ${(error as Error).message}\n`)
    process.exit(1)
  },
)
