import { spawn } from 'node:child_process'
import path from 'node:path'

const projectRoot = path.resolve(__dirname, '..', '..')

export interface ToolRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs an operator tool as the operator would: `node scripts/runTool.js <name>` (TypeScript through tsx), or a
 * built file such as dist/scripts/backup.js, with only the environment given.
 */
export function runTool(entry: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, entry, {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${entry.join(' ')} did not finish in time. ${stderr}`))
    }, timeoutMs)
    child.once('exit', code => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

export const sourceTool = (name: string, ...args: string[]) => ['scripts/runTool.js', name, ...args]
