import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(__dirname, '..', '..', '..')

function runClassify(input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'classify'], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ stdout, stderr, code }))
    child.stdin.end(input)
  })
}

describe('npm run --silent classify', () => {
  it('writes one JSON result per input line, an error line for a bad one, and nothing else to stdout', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: 'The nurses were lovely, kind and caring, thank you so much' }),
      'this is not json',
      JSON.stringify({ id: 'b' }),
      JSON.stringify({ id: 'c', text: 'my nan told me one of the carers hit her across the face last night' }),
      JSON.stringify({ id: 'd', text: '<script>alert(1)</script> 😡😡 ' + 'staff were rude. '.repeat(2000) }),
      JSON.stringify({ id: 'e', text: 'Roedd y staff yn garedig iawn' }),
      JSON.stringify({ id: 'f', text: '' }),
    ]
    const { stdout, code } = await runClassify(`${lines.join('\n')}\n`)
    expect(code).toBe(0)
    const results = stdout.trim().split('\n').map(line => JSON.parse(line) as Record<string, unknown>)
    expect(results.map(result => result.id)).toEqual(['a', null, 'b', 'c', 'd', 'e', 'f'])
    expect(results[1]).toEqual({ id: null, error: 'line is not valid JSON' })
    expect(results[2]).toEqual({ id: 'b', error: 'text is missing or not a string' })
    expect(results[0]).toMatchObject({ sentiment: 1, risk: { level: 'none' } })
    expect(results[3]).toMatchObject({ risk: { level: 'urgent', categories: expect.arrayContaining(['physical']) } })
    for (const result of results.filter(item => !('error' in item))) {
      expect(Array.isArray(result.themes) && (result.themes as unknown[]).length > 0).toBe(true)
      expect([1, 2, 3, 4, 5]).toContain(result.sentiment)
      expect(Object.keys(result).sort()).toEqual(['id', 'risk', 'sentiment', 'themes'])
    }
  }, 60_000)
})
