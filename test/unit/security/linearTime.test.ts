import { performance } from 'node:perf_hooks'
import { adversarialLength, adversarialShapes, textPaths } from '../../../scripts/adversarialText'

/**
 * Every path that runs patterns on what a person typed, fed 100,000 characters of each shape that makes
 * backtracking patterns slow. The bound is deliberately generous: linear paths take milliseconds to about a
 * second on these inputs even on a busy machine (`npm run bench:redos` gives the figures), while each quadratic
 * one found took between 25 seconds and 8 minutes. Synchronous work cannot be stopped by jest's own time
 * limit, so the bound is checked after the call.
 */
const generousBoundMs = 10_000
const shapes = adversarialShapes()

describe.each(Object.entries(textPaths))('%s', (_pathName, run) => {
  it.each(shapes.map(shape => [shape.name, shape.text] as const))(
    `finishes on ${adversarialLength.toLocaleString('en-GB')} characters of %s`,
    async (_shapeName, text) => {
      expect(text).toHaveLength(adversarialLength)
      const started = performance.now()
      await run(text)
      expect(performance.now() - started).toBeLessThan(generousBoundMs)
    },
    generousBoundMs * 2,
  )
})
