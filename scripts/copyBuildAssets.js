// Copies what the compiled service reads at run time (views, model weights, prompts, the chat client)
// into dist/, keeping the same relative layout as the source tree.
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
const assets = ['src/views', 'src/classification/model', 'prompts', 'public', 'config']
for (const asset of assets) {
  const from = path.join(root, asset)
  if (fs.existsSync(from)) fs.cpSync(from, path.join(root, 'dist', asset), { recursive: true })
}
