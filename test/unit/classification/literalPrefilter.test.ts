import { LiteralPrefilter, requiredLiterals } from '../../../src/classification/literalPrefilter'
import { safetyRules } from '../../../src/classification/safetyRules'
import { normaliseTokens } from '../../../src/classification/text'

const sorted = (literals: Set<string> | null): string[] | null => (literals === null ? null : [...literals].sort())

describe('the literals every match of a rule expression must contain', () => {
  it('takes the longest literal of each alternative', () => {
    expect(sorted(requiredLiterals(/\b(?:neglect(?:ed|ing)?|bruis\w*|left (?:\w+ ){0,3}in (?:wet|soiled) pads)\b/g))).toEqual(['bruis', 'in soiled pads', 'in wet pads', 'neglect'])
  })

  it('never requires an optional part or what a lookaround checks', () => {
    expect(sorted(requiredLiterals(/(?:re)?assessed/))).toEqual(['assessed'])
    expect(sorted(requiredLiterals(/(?<!not )(?:hit|hits)(?! back)/))).toEqual(['hit'])
    expect(sorted(requiredLiterals(/(?:wont|didnt)? feed/))).toEqual([' feed'])
  })

  it('spells out short choices in full', () => {
    expect(sorted(requiredLiterals(/(?:wont|didnt) (?:feed|help)s?/))).toEqual(['didnt feed', 'didnt help', 'wont feed', 'wont help'])
  })

  it('requires nothing when one alternative could match almost anything', () => {
    expect(requiredLiterals(/\b(?:neglect|\w+)\b/)).toBeNull()
    expect(requiredLiterals(/\b(?:neglect|a)\b/)).toBeNull()
    expect(requiredLiterals(/(?:abuse)?/)).toBeNull()
    expect(requiredLiterals(/neglect/i)).toBeNull()
  })
})

describe('the prefilter over the safety rules', () => {
  const patterns = safetyRules.flatMap(rule => [rule.pattern, ...(rule.signPatterns ?? []), ...(rule.ordinaryReasons ? [rule.ordinaryReasons] : [])])
  const prefilter = new LiteralPrefilter(patterns)
  const read = (text: string): string => ` ${normaliseTokens(text).join(' ')} |`

  it('rules out the expressions a message cannot match, and keeps one it can', () => {
    const neglect = safetyRules.find(rule => rule.id === 'neglect.neglect')!.pattern
    expect(prefilter.possibleIn(read('The food was lovely and the staff were kind.'))(neglect)).toBe(false)
    expect(prefilter.possibleIn(read('Mum was left with a pressure sore.'))(neglect)).toBe(true)
    expect(prefilter.possibleIn(read('anything'))(/never registered/)).toBe(true)
  })

  // Every rule's own examples, matched and not, read against every rule: the prefilter may only spare work.
  const examples = safetyRules.flatMap(rule => [...rule.matches, ...rule.doesNotMatch])
  it(`never hides a match, over all ${examples.length} rule examples and every rule`, () => {
    const hidden: string[] = []
    for (const example of examples) {
      const text = read(example)
      const mayMatch = prefilter.possibleIn(text)
      for (const pattern of patterns) {
        pattern.lastIndex = 0
        if (pattern.test(text) && !mayMatch(pattern)) hidden.push(`${pattern.source.slice(0, 40)} in "${example}"`)
      }
    }
    expect(hidden).toEqual([])
  })
})
