import { ageOf, formatDate } from '../../../src/routes/console'

const now = new Date('2025-06-18T10:00:00Z')

describe('ageOf: how long a case has waited, in the largest whole unit', () => {
  it.each([
    ['2025-06-18T10:00:00Z', '0 min old'],
    ['2025-06-18T09:00:30Z', '59 min old'],
    ['2025-06-18T09:00:00Z', '1 h old'],
    ['2025-06-16T10:00:01Z', '47 h old'],
    ['2025-06-16T10:00:00Z', '2 days old'],
    // A clock a little ahead never shows a negative age.
    ['2025-06-18T10:05:00Z', '0 min old'],
  ])('since %s: %s', (since, age) => {
    expect(ageOf(since, now)).toBe(age)
  })

  it('is empty when there is no date', () => {
    expect(ageOf(undefined, now)).toBe('')
    expect(ageOf(null, now)).toBe('')
  })
})

describe('formatDate: UK time, as inspectors read it', () => {
  it.each([
    ['2025-06-18T23:30:00Z', '19 Jun 2025, 00:30'],
    ['2025-01-10T09:05:00Z', '10 Jan 2025, 09:05'],
  ])('%s is %s', (value, shown) => {
    expect(formatDate(value)).toBe(shown)
  })

  it('is empty when there is no date', () => {
    expect(formatDate(undefined)).toBe('')
  })
})
