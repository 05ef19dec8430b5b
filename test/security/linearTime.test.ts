import { adversarialLength, adversarialShapes, textPaths } from '../../scripts/adversarialText'

/**
 * Every path that runs patterns on what a person typed, fed 100,000 characters of each shape that makes
 * backtracking patterns slow. The bound is the generous per-test time limit below (about a thousand times
 * what a linear path needs: `npm run bench:redos` gives the figures); a quadratic pattern needs tens of
 * seconds on one of these inputs, and fails it.
 */
const generousBoundMs = 10_000
const shapes = adversarialShapes()

describe.each(Object.entries(textPaths))('%s', (_pathName, run) => {
  it.each(shapes.map(shape => [shape.name, shape.text] as const))(
    `finishes on ${adversarialLength.toLocaleString('en-GB')} characters of %s`,
    async (_shapeName, text) => {
      expect(text).toHaveLength(adversarialLength)
      await run(text)
    },
    generousBoundMs,
  )
})
