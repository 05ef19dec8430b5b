import { type Interruption, normaliseEmail, normaliseUkPhone, recogniseInterruption } from '../../../dialogs/understanding'
import { normaliseWhen } from '../../../src/feedback/whenItHappened'

/** A Wednesday in June. */
const midsummer = new Date('2025-06-18T10:00:00Z')
/** Early January, so "last month" and "in December" are last year. */
const newYear = new Date('2026-01-05T09:00:00Z')

describe('normaliseWhen', () => {
  it.each([
    ['yesterday', '2025-06-17'],
    ['Yesterday evening', '2025-06-17'],
    ['last night', '2025-06-17'],
    ['today', '2025-06-18'],
    ['this morning', '2025-06-18'],
    ['three days ago', '2025-06-15'],
    ['2 weeks ago', '2025-06-04'],
    ['a couple of weeks ago', '2025-06-04'],
    ['6 months ago', '2024-12'],
    ['a year ago', '2024'],
    ['last week', '2025-06-11'],
    ['last month', '2025-05'],
    ['this month', '2025-06'],
    ['last year', '2024'],
    ['this year', '2025'],
    // A month still to come this year is last year's.
    ['in March', '2025-03'],
    ['in May', '2025-05'],
    ['in july', '2024-07'],
    ['December', '2024-12'],
    ['Sept', '2024-09'],
    ['March 2024', '2024-03'],
    ['3rd March', '2025-03-03'],
    ['March 3', '2025-03-03'],
    ['3 March 2023', '2023-03-03'],
    // British day-first dates, and ISO dates.
    ['2025-03-04', '2025-03-04'],
    ['04/03/2025', '2025-03-04'],
    ['4/3/25', '2025-03-04'],
    ['31.12.2024', '2024-12-31'],
    ['on Monday', '2025-06-16'],
    ['last Wednesday', '2025-06-11'],
    ['it is ongoing', 'ongoing'],
    ['still happening', 'ongoing'],
    ['every day', 'ongoing'],
    ['2019', '2019'],
  ])('%j is %s', (typed, expected) => {
    expect(normaliseWhen(typed, midsummer)).toBe(expected)
  })

  it.each([
    ['last month', '2025-12'],
    ['in December', '2025-12'],
    ['2 months ago', '2025-11'],
    ['yesterday', '2026-01-04'],
    ['last week', '2025-12-29'],
  ])('across the new year, %j is %s', (typed, expected) => {
    expect(normaliseWhen(typed, newYear)).toBe(expected)
  })

  it.each([
    // "may" is a month only when it reads as one.
    ['may'],
    ['I may be wrong'],
    ['sometime'],
    [''],
    ['   '],
    ['😀'],
    ['<script>alert(1)</script>'],
    // Other languages are kept as typed, not guessed at.
    ['el martes'],
    ['hier'],
    ['昨天'],
  ])('%j is left as typed', typed => {
    expect(normaliseWhen(typed, midsummer)).toBeUndefined()
  })

  it('never turns an impossible date into a different day', () => {
    expect(normaliseWhen('31/02/2025', midsummer)).not.toMatch(/^2025-0[23]-/)
    expect(normaliseWhen('30 feb', midsummer)).toBe('2025-02')
  })

  it('answers at once on a very long message', () => {
    expect(normaliseWhen('may '.repeat(25_000), midsummer)).toBeUndefined()
    expect(normaliseWhen(`${'word '.repeat(20_000)}yesterday`, midsummer)).toBe('2025-06-17')
  })
})

describe('recogniseInterruption', () => {
  const commands: [string, Interruption][] = [
    ['help', 'help'],
    ['Help!', 'help'],
    ['HELP ME', 'help'],
    ['please help', 'help'],
    ['what can i say', 'help'],
    ['menu', 'help'],
    ['back', 'back'],
    ['go back', 'back'],
    ['undo', 'back'],
    ['start again', 'startAgain'],
    ['start over', 'startAgain'],
    ['restart', 'startAgain'],
    ['stop', 'stop'],
    ['Stop.', 'stop'],
    ['cancel', 'stop'],
    ['bye', 'stop'],
    ['later', 'stop'],
    ['i want to speak to a person', 'person'],
    ['can I talk to someone', 'person'],
    ['human', 'person'],
    ['a real person', 'person'],
    ['easy read', 'easyRead'],
    ['easy read please', 'easyRead'],
    ['simpler', 'easyRead'],
    ['standard', 'standard'],
    ['not easy read', 'standard'],
    ['who can see my information', 'privacy'],
    ['is this confidential', 'privacy'],
    ['who do i complain to', 'complain'],
    ['I want to make a complaint', 'complain'],
    ['what happened to my feedback', 'status'],
    ['check status', 'status'],
  ]
  it.each(commands)('%j is %s', (typed, expected) => {
    expect(recogniseInterruption(typed)).toBe(expected)
  })

  it.each([
    // A story that contains a command's word is never taken over.
    ['the staff did not stop him, please help'],
    ['stop hitting her'],
    ['I need help because they hit my dad and nobody came for hours'],
    ['help '.repeat(50)],
    ['start'],
    [''],
    ['😀'],
    ['<b>help</b>'],
    // Other languages are not commands (yet): the words are kept as an answer.
    ['aide'],
    ['ayuda'],
  ])('%j is not a command', typed => {
    expect(recogniseInterruption(typed)).toBeUndefined()
  })
})

describe('normaliseUkPhone', () => {
  it.each([
    ['07700 900123', '+447700900123', '+447700900123'],
    ['07700-900-123', '+447700900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123', '+447700900123'],
    ['00 44 7700 900123', '+447700900123', '+447700900123'],
    ['447700900123', '+447700900123', '+447700900123'],
    ['(020) 7946 0018', '+442079460018', undefined],
    ['0300 123 4567', '+443001234567', undefined],
    ['01632 960 001', '+441632960001', undefined],
    // A mobile with a digit missing or added is not a number we could ring.
    ['0770090012', undefined, undefined],
    ['077009001234', undefined, undefined],
    ['7700900123', undefined, undefined],
    ['+1 202 555 0143', undefined, undefined],
    ['999', undefined, undefined],
    ['', undefined, undefined],
    ['phone me', undefined, undefined],
  ])('%j is %s (a mobile: %s)', (typed, anyNumber, mobile) => {
    expect(normaliseUkPhone(typed, false)).toBe(anyNumber)
    expect(normaliseUkPhone(typed, true)).toBe(mobile)
  })
})

describe('normaliseEmail', () => {
  it.each([
    ['a@b.co', 'a@b.co'],
    ['Jo.Bloggs@Example.ORG', 'jo.bloggs@example.org'],
    ['mailto:jo@example.org', 'jo@example.org'],
    ['  jo@example.org  ', 'jo@example.org'],
    ['jo@example', undefined],
    ['jo@@example.org', undefined],
    ['jo example@x.org', undefined],
    ['<jo@example.org>', undefined],
    ['jo@example.c', undefined],
    [`${'a'.repeat(250)}@b.co`, undefined],
    ['', undefined],
  ])('%j is %s', (typed, expected) => {
    expect(normaliseEmail(typed)).toBe(expected)
  })
})
