/**
 * npm run bench:redos: how long each path that runs patterns on person-supplied text takes on each adversarial
 * shape, at 10,000 and 100,000 characters. Linear paths take about ten times as long at ten times the length;
 * a backtracking pattern shows up as a hundredfold jump. Figures vary with the machine's load.
 */
import { performance } from 'node:perf_hooks'
import { adversarialShapes, textPaths } from './adversarialText'

async function timed(work: () => unknown): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

async function main(): Promise<void> {
  const small = adversarialShapes(10_000)
  const large = adversarialShapes(100_000)
  process.stdout.write(`${'path'.padEnd(46)} ${'shape'.padEnd(28)} ${'10k ms'.padStart(9)} ${'100k ms'.padStart(10)}\n`)
  let worst = { ms: 0, label: '' }
  for (const [pathName, run] of Object.entries(textPaths)) {
    for (let index = 0; index < large.length; index++) {
      await run(small[index]!.text) // warm up
      const at10k = await timed(() => run(small[index]!.text))
      const at100k = await timed(() => run(large[index]!.text))
      if (at100k > worst.ms) worst = { ms: at100k, label: `${pathName} / ${large[index]!.name}` }
      process.stdout.write(`${pathName.padEnd(46)} ${large[index]!.name.padEnd(28)} ${at10k.toFixed(1).padStart(9)} ${at100k.toFixed(1).padStart(10)}\n`)
    }
  }
  process.stdout.write(`\nSlowest at 100,000 characters: ${worst.ms.toFixed(1)} ms (${worst.label}).\n`)
}

main().catch(error => {
  process.stderr.write(`${(error as Error).stack}\n`)
  process.exit(1)
})
