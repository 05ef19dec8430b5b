import fs from 'node:fs'
import path from 'node:path'

/** Prompts live in prompts/ at the repository root, so they can be reviewed without reading code. */
export function loadPrompt(name: string, values: Record<string, string>): string {
  const candidates = [
    path.resolve(__dirname, '..', '..', 'prompts', name),
    path.resolve(__dirname, '..', '..', '..', 'prompts', name),
    path.resolve(process.cwd(), 'prompts', name),
  ]
  const file = candidates.find(candidate => fs.existsSync(candidate))
  if (!file) throw new Error(`Prompt ${name} not found in prompts/`)
  return fs.readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (placeholder: string, key: string) => values[key] ?? placeholder)
}
