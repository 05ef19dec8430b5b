/**
 * Runs an operator tool (npm run user:create, backup, privacy:erase, …): from its TypeScript source through tsx
 * where the development dependencies are installed, otherwise from the built JavaScript in dist/scripts/, as in
 * the production image, where tsx is not installed. Usage: node scripts/runTool.js <toolName> [arguments].
 */
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
const name = process.argv[2] ?? ''
// The tool reads its own arguments from process.argv, as if it had been started directly.
process.argv.splice(2, 1)
const source = path.join(root, 'scripts', `${name}.ts`)
const built = path.join(root, 'dist', 'scripts', `${name}.js`)

function tsxAvailable() {
  try {
    require.resolve('tsx/cjs')
    return true
  } catch {
    return false
  }
}

if (!/^[A-Za-z]+$/.test(name)) {
  process.stderr.write('Usage: node scripts/runTool.js <toolName> [arguments]\n')
  process.exit(2)
} else if (fs.existsSync(source) && tsxAvailable()) {
  require('tsx/cjs')
  require(source)
} else if (fs.existsSync(built)) {
  require(built)
} else {
  process.stderr.write(`The ${name} tool is not built. Run "npm run build" first.\n`)
  process.exit(1)
}
