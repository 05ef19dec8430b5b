import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execSync } from 'node:child_process'
import { findFreePort } from '../src/data/embeddedDatabase'
import { driveConversations, startChild, startConnector, summarise } from './benchLoad'

function cpuOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(stat[11]) + Number(stat[12])) / os.constants.priority.PRIORITY_NORMAL || (Number(stat[11]) + Number(stat[12])) / 100
}
async function main() {
  const connector = await startConnector()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-'))
  const port = await findFreePort()
  const service = await startChild(['--cpu-prof', '--cpu-prof-dir=/tmp/i13/prof', '--import', 'tsx', 'src/server.ts'], { NODE_ENV: 'test', LOG_LEVEL: 'error', PORT: String(port), DATA_DIR: dataDir, EMBEDDED_DB_PORT: String(await findFreePort()), RATE_LIMIT_PER_MINUTE: '1000000', ...(process.env.TRACE_FILE ? { TRACE_FILE: process.env.TRACE_FILE } : {}) }, port)
  const nodePid = service.child.pid!
  const ferret = Number(execSync(`pgrep -P ${nodePid} -f ferretdb`).toString().trim().split('\n')[0])
  const cpu = () => [Number(fs.readFileSync(`/proc/${nodePid}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0)), Number(fs.readFileSync(`/proc/${ferret}/stat`, 'utf8').split(') ')[1]!.split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0))]
  try {
    await driveConversations(service.url, connector.url, 10, 2, 'warm')
    const before = cpu()
    const run = await driveConversations(service.url, connector.url, Number(process.argv[2] ?? 20), 10, 'prof')
    const after = cpu()
    console.log(summarise('profile', run))
    console.log(`CPU ms per turn: node ${((after[0] - before[0]) * 10 / run.turns).toFixed(1)}, ferretdb ${((after[1] - before[1]) * 10 / run.turns).toFixed(1)}`)
  } finally {
    await service.stop(); await connector.stop(); fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
void cpuOf
main()
