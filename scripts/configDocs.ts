/**
 * Writes .env.example and the configuration table in README.md from src/config.ts, so the three never
 * drift apart. Run `npm run config:docs` after adding a variable.
 */
import fs from 'node:fs'
import path from 'node:path'
import { configVariables } from '../src/config'

const root = path.resolve(__dirname, '..')
const entries = Object.entries(configVariables).map(([name, spec]) => ({
  name,
  defaultValue: 'default' in spec ? spec.default : '',
  example: spec.example,
  description: spec.description,
}))

const envExample = [
  '# Every setting the service reads, with its default. Copy to .env or set them in the environment.',
  '# Empty means "not set": the service then uses the embedded default described in README.md.',
  '',
  ...entries.flatMap(entry => [`# ${entry.description}`, `${entry.name}=${entry.defaultValue}`, '']),
].join('\n')
fs.writeFileSync(path.join(root, '.env.example'), envExample)

const table = [
  '| Variable | Default | Example | What it does |',
  '| --- | --- | --- | --- |',
  ...entries.map(
    entry =>
      `| \`${entry.name}\` | ${entry.defaultValue ? `\`${entry.defaultValue}\`` : '(empty)'} | \`${entry.example}\` | ${entry.description.replaceAll('|', '\\|')} |`,
  ),
].join('\n')
const readmePath = path.join(root, 'README.md')
const readme = fs.readFileSync(readmePath, 'utf8')
const updated = readme.replace(/(<!-- config:start -->\n)[\s\S]*?(<!-- config:end -->)/, `$1${table}\n$2`)
if (!updated.includes(table)) throw new Error('README.md has no <!-- config:start --> … <!-- config:end --> markers')
fs.writeFileSync(readmePath, updated)
process.stdout.write(`Wrote .env.example and the README configuration table (${entries.length} variables).\n`)
