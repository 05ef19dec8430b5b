/**
 * npm run privacy:export -- (--reference REF | --phone NUMBER | --email ADDRESS) [--out DIR] [--by NAME]
 * Writes everything held about a person (a subject access request) as JSON and as a page they can read,
 * into DIR (default ./subject-access), readable only by the account running it. Prints the two file paths.
 */
import fs from 'node:fs'
import path from 'node:path'
import { systemClock } from '../src/clock'
import { renderSubjectAccessPage, SubjectAccessExport, subjectAccessJson } from '../src/privacy/subjectAccess'
import { openToolContext, parseToolArgs, personQueryFrom, runTool } from './toolSupport'

const usage = 'Usage: npm run privacy:export -- --reference ABCDE-23456 | --phone 07700900123 | --email name@example.com [--out DIR] [--by you@example.gov.uk]'

runTool('Export', async () => {
  const values = parseToolArgs(
    { reference: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' }, out: { type: 'string' }, by: { type: 'string' } },
    usage,
  )
  const query = personQueryFrom(values, usage)
  const tool = await openToolContext(values.by)
  try {
    const report = await new SubjectAccessExport(tool.database.connection, tool.cipher, tool.audit, systemClock).collect(query, tool.actor)
    const outDir = path.resolve(values.out ?? 'subject-access')
    fs.mkdirSync(outDir, { recursive: true, mode: 0o700 })
    // Named by time, not by the person: the file name must not itself give them away.
    const base = path.join(outDir, `subject-access-${report.generatedAt.replace(/[:.]/g, '-')}`)
    fs.writeFileSync(`${base}.json`, subjectAccessJson(report), { mode: 0o600 })
    fs.writeFileSync(`${base}.html`, renderSubjectAccessPage(report), { mode: 0o600 })
    process.stdout.write(`${JSON.stringify({ references: report.references, json: `${base}.json`, html: `${base}.html` })}\n`)
    if (report.references.length === 0 && report.conversations.length === 0) process.stderr.write('Nothing was found for that.\n')
  } finally {
    await tool.database.close()
  }
})
