const TestSequencer = require('@jest/test-sequencer').default

/**
 * Jest's order, except when it has no timings (a fresh clone, as in CI): then it orders by file size, and the unit
 * project's small files ran last, one of them (the ReDoS guard, half a minute of CPU) alone on one worker while the
 * other sat idle. With no timings, the unit project goes first and the rest follows by size.
 */
class UnitFirstWithoutTimings extends TestSequencer {
  sort(tests) {
    const sorted = super.sort(tests)
    if (sorted.some(test => test.duration != null)) return sorted
    const isUnit = test => test.context.config.displayName?.name === 'unit'
    return [...sorted.filter(isUnit), ...sorted.filter(test => !isUnit(test))]
  }
}

module.exports = UnitFirstWithoutTimings
