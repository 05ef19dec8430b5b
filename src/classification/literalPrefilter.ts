import { RegExpParser } from '@eslint-community/regexpp'
import type { Alternative, Element } from '@eslint-community/regexpp/ast'

/**
 * A cheap first look for the safety rules. Each rule is one large expression, and running them all over every message
 * was the costliest part of classifying it, though most messages can match none. For each expression this finds
 * literal strings of which every match must contain one ("suicid", "overdose", "wrong meds"…), by reading its syntax
 * tree; a message containing none of them cannot match, so the expression is not run on it. Results are the same as
 * running every expression: only the work differs.
 */

/** Literal strings, one of which is in every match; null when the expression requires none we can use. */
type Required = Set<string> | null

interface Reading {
  /** Every string the expression can match, when that is a small finite set (lookarounds and `\b` match ""). */
  exact: Set<string> | undefined
  required: Required
}

/** Above this many strings a set of exact matches is not worth tracking. */
const largestExactSet = 64
/** Shorter literals are in almost every message, so they filter nothing. */
const shortestUseful = 2

function product(first: ReadonlySet<string>, second: ReadonlySet<string>): Set<string> | undefined {
  if (first.size * second.size > largestExactSet) return undefined
  const joined = new Set<string>()
  for (const start of first) for (const end of second) joined.add(start + end)
  return joined
}

/** Longer literals filter more; among equally long sets, fewer. Negative when the set is no use. */
function usefulness(required: Required): number {
  if (required === null || required.size === 0) return -1
  let shortest = Infinity
  for (const literal of required) shortest = Math.min(shortest, literal.length)
  return shortest < shortestUseful ? -1 : shortest * 1000 - required.size
}

function moreUseful(first: Required, second: Required): Required {
  return usefulness(second) > usefulness(first) ? second : first
}

function requiredOfExact(exact: Set<string> | undefined): Required {
  if (exact === undefined) return null
  for (const literal of exact) if (literal === '') return null
  return exact
}

function requiredOf(reading: Reading): Required {
  return moreUseful(reading.required, requiredOfExact(reading.exact))
}

function readAlternatives(alternatives: readonly Alternative[]): Reading {
  const readings = alternatives.map(readSequence)
  let exact: Set<string> | undefined = new Set()
  for (const reading of readings) {
    if (exact === undefined || reading.exact === undefined) {
      exact = undefined
      break
    }
    for (const literal of reading.exact) exact.add(literal)
    if (exact.size > largestExactSet) exact = undefined
  }
  // A match of any alternative is a match: every alternative must require something.
  const required = new Set<string>()
  for (const reading of readings) {
    const own = requiredOf(reading)
    if (usefulness(own) < 0) return { exact, required: null }
    for (const literal of own as Set<string>) required.add(literal)
  }
  return { exact, required }
}

function readSequence(sequence: Alternative): Reading {
  let best: Required = null
  // The exact strings of the current run of elements with exact strings, and of the whole sequence.
  let run: Set<string> | undefined = new Set([''])
  let whole: Set<string> | undefined = new Set([''])
  for (const element of sequence.elements) {
    const reading = readElement(element)
    best = moreUseful(best, reading.required)
    if (reading.exact === undefined) {
      run = new Set([''])
      whole = undefined
      continue
    }
    run = (run && product(run, reading.exact)) ?? reading.exact
    best = moreUseful(best, requiredOfExact(run))
    whole = whole && product(whole, reading.exact)
  }
  return { exact: whole, required: moreUseful(best, requiredOfExact(whole)) }
}

function readElement(element: Element): Reading {
  switch (element.type) {
    case 'Character':
      return { exact: new Set([String.fromCharCode(element.value)]), required: null }
    // Zero-width: `\b`, `^`, lookarounds. A lookaround only narrows what matches, so it can be read as matching "".
    case 'Assertion':
      return { exact: new Set(['']), required: null }
    case 'Group':
    case 'CapturingGroup':
      return readAlternatives(element.alternatives)
    case 'Quantifier': {
      const inner = readElement(element.element)
      let exact: Set<string> | undefined
      if (inner.exact !== undefined && element.max <= 3) {
        exact = new Set()
        let repeated: Set<string> | undefined = new Set([''])
        for (let times = 0; times <= element.max; times++) {
          if (times >= element.min) for (const literal of repeated) exact.add(literal)
          if (times === element.max) break
          repeated = product(repeated, inner.exact)
          if (repeated === undefined) break
        }
        if (repeated === undefined || exact.size > largestExactSet) exact = undefined
      }
      return { exact, required: element.min >= 1 ? requiredOf(inner) : null }
    }
    case 'CharacterClass': {
      const characters = element.elements.flatMap(part => (part.type === 'Character' ? [String.fromCharCode(part.value)] : []))
      const plain = !element.negate && characters.length === element.elements.length
      return { exact: plain ? new Set(characters) : undefined, required: null }
    }
    // `\w`, `.`, back-references and the rest: anything at all, as far as literals go.
    default:
      return { exact: undefined, required: null }
  }
}

/** Literals one of which every match of the expression contains; null when there are none to use. */
export function requiredLiterals(pattern: RegExp): Required {
  // Case-insensitive or Unicode expressions would need their literals folded: they are always run.
  if (pattern.flags.includes('i') || pattern.flags.includes('u') || pattern.flags.includes('v')) return null
  const { source } = pattern
  const parsed = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(source, 0, source.length, { unicode: false })
  const required = requiredOf(readAlternatives(parsed.alternatives))
  // A text with "reassessed" has "assessed": the longer one adds nothing.
  return required && new Set([...required].filter(literal => ![...required].some(other => other !== literal && literal.includes(other))))
}

interface Literal {
  text: string
  patterns: number[]
}

/** Which of a fixed list of expressions could match a text, found in one pass over the text. */
export class LiteralPrefilter {
  private readonly index = new Map<RegExp, number>()
  private readonly alwaysRun: number[] = []
  /** Literals by their first three characters (two for two-character literals). */
  private readonly byStart = new Map<number, Literal[]>()

  constructor(patterns: readonly RegExp[]) {
    const literals = new Map<string, Literal>()
    patterns.forEach((pattern, position) => {
      if (this.index.has(pattern)) return
      this.index.set(pattern, position)
      const required = requiredLiterals(pattern)
      if (required === null) {
        this.alwaysRun.push(position)
        return
      }
      for (const text of required) {
        const literal = literals.get(text) ?? { text, patterns: [] }
        literal.patterns.push(position)
        literals.set(text, literal)
      }
    })
    for (const literal of literals.values()) {
      const key = startKey(literal.text, 0, Math.min(3, literal.text.length))
      this.byStart.set(key, [...(this.byStart.get(key) ?? []), literal])
    }
  }

  /** A test for whether an expression could match this text: false only when it cannot. Unknown expressions could. */
  possibleIn(text: string): (pattern: RegExp) => boolean {
    const possible = new Set<number>(this.alwaysRun)
    for (let start = 0; start + shortestUseful <= text.length; start++) {
      this.check(text, start, startKey(text, start, 2), possible)
      if (start + 3 <= text.length) this.check(text, start, startKey(text, start, 3), possible)
    }
    return pattern => {
      const position = this.index.get(pattern)
      return position === undefined || possible.has(position)
    }
  }

  private check(text: string, start: number, key: number, possible: Set<number>): void {
    const candidates = this.byStart.get(key)
    if (candidates === undefined) return
    for (const literal of candidates) {
      if (text.startsWith(literal.text, start)) for (const pattern of literal.patterns) possible.add(pattern)
    }
  }
}

/** The first `length` (2 or 3) UTF-16 units from `start` as one number; two- and three-unit keys never collide. */
function startKey(text: string, start: number, length: number): number {
  const first = text.charCodeAt(start) * 65536 + text.charCodeAt(start + 1)
  return length === 2 ? -1 - first : first * 65536 + text.charCodeAt(start + 2)
}
