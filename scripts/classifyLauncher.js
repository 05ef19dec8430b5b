/**
 * Starts the classify CLI (scripts/classify.ts) from one JavaScript bundle that esbuild builds into .cache/cli/ and
 * rebuilds whenever a file it was built from changes. A batch of a few hundred comments spends most of its time
 * starting up, and the bundle starts faster than compiling TypeScript through tsx. If the bundle cannot be built,
 * the CLI runs through tsx as before.
 */
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
const cacheDirectory = path.join(root, '.cache', 'cli')
const bundle = path.join(cacheDirectory, 'classify.js')
const inputsFile = path.join(cacheDirectory, 'classify.inputs.json')

function stamp(file) {
  const stats = fs.statSync(path.join(root, file))
  return `${stats.size}:${stats.mtimeMs}`
}

function bundleIsFresh() {
  try {
    const inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'))
    return fs.existsSync(bundle) && Object.entries(inputs).every(([file, recorded]) => stamp(file) === recorded)
  } catch {
    return false
  }
}

function buildBundle() {
  const esbuild = require('esbuild')
  fs.mkdirSync(cacheDirectory, { recursive: true })
  const temporary = `${bundle}.${process.pid}.tmp`
  const result = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: ['scripts/classify.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: temporary,
    // pino finds its worker files at run time, so it stays a normal require.
    external: ['pino'],
    metafile: true,
    logLevel: 'silent',
  })
  const inputs = { 'package-lock.json': stamp('package-lock.json') }
  for (const file of Object.keys(result.metafile.inputs)) if (!file.startsWith('node_modules/')) inputs[file] = stamp(file)
  fs.renameSync(temporary, bundle)
  fs.writeFileSync(inputsFile, JSON.stringify(inputs))
}

let entry = bundle
try {
  if (!bundleIsFresh()) buildBundle()
} catch {
  require('tsx/cjs')
  entry = path.join(__dirname, 'classify.ts')
}
require(entry)
