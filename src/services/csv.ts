/**
 * The one rule for every spreadsheet cell this service writes (case lists, signals): always quoted, and never
 * starting with a character a spreadsheet reads as a formula.
 */
export function csvCell(value: string | number | boolean | Date | undefined | null): string {
  let text = value === undefined || value === null ? '' : value instanceof Date ? value.toISOString() : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}
