/**
 * Characters that make a spreadsheet read a cell as a formula or a command (OWASP CSV injection): = + - @,
 * | and % (DDE and macros in some programs), their full-width forms, and tab, CR and LF; also after leading
 * spaces, which some programs strip.
 */
const formulaStart = /^[\s\u00a0\u3000]*[=+\-@|%\uff1d\uff0b\uff0d\uff20\uff5c\uff05]|^[\t\r\n]/

/**
 * The one rule for every spreadsheet cell this service writes (case lists, signals): always quoted, and text
 * that a spreadsheet would read as a formula is led by an apostrophe. Numbers stay numbers.
 */
export function csvCell(value: string | number | boolean | Date | undefined | null): string {
  const text = value === undefined || value === null ? '' : value instanceof Date ? value.toISOString() : String(value)
  const safe = typeof value === 'string' && formulaStart.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}
