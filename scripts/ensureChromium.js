#!/usr/bin/env node
/**
 * The browser tests drive Debian's chromium through playwright-core (no browser download from npm).
 * Run before the tests: installs chromium with apt-get when /usr/bin/chromium is missing, and fails
 * loudly when it cannot, because a skipped browser test would hide accessibility regressions.
 */
const { spawnSync } = require('node:child_process')
const fs = require('node:fs')

const chromiumPath = '/usr/bin/chromium'

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  return result.status === 0
}

if (fs.existsSync(chromiumPath)) process.exit(0)

if (process.platform !== 'linux' || !fs.existsSync('/usr/bin/apt-get')) {
  process.stderr.write(`The browser tests need Chromium at ${chromiumPath}. Install it with your package manager, then run the tests again.\n`)
  process.exit(1)
}

const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? ['sudo'] : []
const aptGet = (...args) => (sudo.length ? run('sudo', ['apt-get', ...args]) : run('apt-get', args))

process.stdout.write('Installing Chromium for the browser tests (first run only)…\n')
if (!aptGet('update') || !aptGet('install', '-y', '--no-install-recommends', 'chromium') || !fs.existsSync(chromiumPath)) {
  process.stderr.write(`Could not install Chromium. Run "apt-get install chromium" yourself, then run the tests again.\n`)
  process.exit(1)
}
