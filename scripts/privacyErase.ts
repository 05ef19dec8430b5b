/**
 * npm run privacy:erase -- (--reference REF | --phone NUMBER | --email ADDRESS) [--reason TEXT] [--by NAME] [--dry-run]
 * Erases a person's personal data at their request (src/privacy/erasure.ts) and prints a JSON summary of what
 * was removed. The record that their feedback existed, its classification and what inspectors did is kept.
 * --dry-run only prints what would be erased (the references and how many conversations), changing nothing.
 */
import { PersonalDataErasure } from '../src/privacy/erasure'
import { findPersonalRecords } from '../src/privacy/personalRecords'
import { systemClock } from '../src/clock'
import { openToolContext, parseToolArgs, personQueryFrom, runTool } from './toolSupport'

const usage = 'Usage: npm run privacy:erase -- --reference ABCDE-23456 | --phone 07700900123 | --email name@example.com [--reason "why"] [--by you@example.gov.uk] [--dry-run]'

runTool('Erasure', async () => {
  const values = parseToolArgs(
    { reference: { type: 'string' }, phone: { type: 'string' }, email: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    usage,
  )
  const query = personQueryFrom(values, usage)
  const tool = await openToolContext(values.by)
  try {
    if (values['dry-run']) {
      const found = await findPersonalRecords(tool.database.connection, tool.cipher, query)
      process.stdout.write(`${JSON.stringify({ dryRun: true, references: found.references, conversations: found.conversationKeys.length })}\n`)
      return
    }
    const erasure = new PersonalDataErasure(tool.database.connection, tool.cipher, tool.audit, systemClock, tool.logger)
    const result = await erasure.erase(query, tool.actor, values.reason?.trim() || 'erasure request from the person')
    process.stdout.write(`${JSON.stringify(result)}\n`)
    if (result.references.length === 0) process.stderr.write('No feedback was found for that. Anything else held under it has been removed.\n')
  } finally {
    await tool.database.close()
  }
})
