// Copies what the compiled service and tools read at run time (views, model weights, prompts, the chat client,
// example configuration) into the build folder (dist/, or the folder given), keeping the source tree's layout.
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
const outDir = path.resolve(root, process.argv[2] ?? 'dist')
const assets = ['src/views', 'src/i18n/locales', 'src/classification/model', 'prompts', 'public', 'config']
for (const asset of assets) {
  const from = path.join(root, asset)
  if (fs.existsSync(from)) fs.cpSync(from, path.join(outDir, asset), { recursive: true })
}
