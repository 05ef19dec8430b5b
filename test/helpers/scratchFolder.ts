import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A new empty folder for one test's files, inside the run's temporary folder that global teardown removes. */
export function scratchFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(process.env.TEST_DATA_ROOT ?? os.tmpdir(), `${prefix}-`))
}
