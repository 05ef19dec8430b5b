/**
 * npm run directory:import -- <file.csv>
 * Loads a care directory CSV into the provider directory, upserting by location id, and reports skipped rows.
 * Uses MONGODB_URI, or the embedded database under DATA_DIR when it is empty (stop the service first then,
 * as both would start the embedded database on the same port).
 */
import fs from 'node:fs'
import { loadConfig } from '../src/config'
import { openDatabase } from '../src/data/database'
import { createLogger } from '../src/logger'
import { DirectoryService } from '../src/directory/directory'
import { DirectoryFileError, parseDirectoryCsv } from '../src/directory/directoryImport'

async function main(): Promise<number> {
  const file = process.argv[2]
  if (!file) {
    console.error('Usage: npm run directory:import -- <file.csv>')
    return 2
  }
  if (!fs.existsSync(file)) {
    console.error(`Cannot find the file "${file}".`)
    return 2
  }
  let parsed
  try {
    parsed = parseDirectoryCsv(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    console.error(error instanceof DirectoryFileError ? error.message : `Could not read "${file}" as CSV: ${(error as Error).message}`)
    return 1
  }
  const config = loadConfig()
  const database = await openDatabase(config, createLogger('warn', 2))
  try {
    const { created, updated } = await new DirectoryService(database.connection).upsert(parsed.services)
    console.log(`Header found on row ${parsed.headerRow}. Columns matched: ${Object.keys(parsed.columns).join(', ')}.`)
    console.log(`Imported ${parsed.services.length} services: ${created} new, ${updated} updated.`)
    if (parsed.skipped.length) {
      console.log(`Skipped ${parsed.skipped.length} rows:`)
      for (const skipped of parsed.skipped) console.log(`  row ${skipped.row}: ${skipped.reason}`)
    } else {
      console.log('Skipped no rows.')
    }
    return 0
  } finally {
    await database.close()
  }
}

main().then(
  code => process.exit(code),
  error => {
    console.error(`Import failed: ${(error as Error).message}`)
    process.exit(1)
  },
)
