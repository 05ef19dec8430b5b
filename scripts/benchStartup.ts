/**
 * How long the service takes to become ready on the embedded database once FerretDB is built, and how long
 * SIGTERM takes to stop it and its database. Usage: npm run bench:startup [-- <runs>]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureLauncherBuilt, findFreePort } from '../src/data/embeddedDatabase'
import { spawnService, waitForStatus } from '../test/helpers/serviceProcess'

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b)
  return `${label}, ms: min ${sorted[0]}, median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted.at(-1)}`
}

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5)
  ensureLauncherBuilt()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-startup-'))
  const env = { DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await findFreePort()), LOG_LEVEL: 'warn' }
  const ready: number[] = []
  const stopped: number[] = []
  try {
    for (let run = 0; run < runs; run += 1) {
      const startedAt = Date.now()
      const service = await spawnService(env)
      await waitForStatus(service, '/readyz', 200)
      ready.push(Date.now() - startedAt)
      const stoppingAt = Date.now()
      service.child.kill('SIGTERM')
      const exit = await service.exited
      if (exit !== 0) throw new Error(`the service exited with ${exit}: ${service.output()}`)
      stopped.push(Date.now() - stoppingAt)
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  process.stdout.write(`${summary(`start to /readyz 200 over ${runs} runs`, ready)}\n${summary('SIGTERM to exit, database stopped', stopped)}\n`)
}

main().catch(error => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
