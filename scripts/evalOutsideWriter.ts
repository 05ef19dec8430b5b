/**
 * Risk figures on the outside-writer sets (test/classification/fixtures/outside-writer), written by someone who
 * never saw the rules or the model. From the third issue #12 session the first set is development data (its misses were
 * read and their causes fixed in general form), so its figures are in-sample; see the README there. The dev sets also
 * train the concern model (concernTrainingSets in concernTrainer.ts); validation and blind sets never do.
 * Usage: npm run eval:outside-writer [-- outside-writer-2]   (a folder under test/classification/fixtures; regulator-inbox-dev is development data)
 */
import fs from 'node:fs'
import path from 'node:path'
import { createEmbeddedClassifier, detectSignposting } from '../src/classification'

interface Item {
  text: string
  kind?: string
  expected?: string
}

const folder = path.resolve(__dirname, '..', 'test', 'classification', 'fixtures', process.argv[2] ?? 'outside-writer')
/** A folder may leave a file out (the dev set has no mixed inbox): its lines are then skipped. */
const read = (file: string): Item[] =>
  (fs.existsSync(path.join(folder, file)) ? fs.readFileSync(path.join(folder, file), 'utf8') : '')
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as Item)

async function main(): Promise<void> {
  const classifier = createEmbeddedClassifier()
  const levels = (items: Item[]) => Promise.all(items.map(async item => (await classifier.classifyFeedback(item.text)).risk.level as string))
  const share = (count: number, total: number) => (total === 0 ? '— (the set has none)' : `${count}/${total} (${((100 * count) / total).toFixed(1)}%)`)
  const urgent = read('urgent.jsonl')
  const calm = read('calm.jsonl')
  const high = read('high.jsonl')
  const mixed = read('mixed-inbox.jsonl')
  const [u, c, h, m] = await Promise.all([levels(urgent), levels(calm), levels(high), levels(mixed)])
  const tricky = calm.filter(item => item.kind === 'tricky').length
  const poorCare = calm.filter(item => item.kind === 'poor-care').length
  const mixedUrgent = mixed.filter(item => item.expected === 'urgent').length
  const mixedHigh = mixed.filter(item => item.expected === 'high').length
  console.log(`urgent recall                 ${share(u.filter(l => l === 'urgent').length, u.length)}`)
  console.log(`urgent-or-high recall         ${share(u.filter(l => l === 'urgent' || l === 'high').length, u.length)}`)
  console.log(`calm marked urgent            ${share(c.filter(l => l === 'urgent').length, c.length)}`)
  console.log(`tricky calm marked urgent     ${share(c.filter((l, i) => l === 'urgent' && calm[i].kind === 'tricky').length, tricky)}`)
  if (poorCare > 0) console.log(`poor care marked urgent       ${share(c.filter((l, i) => l === 'urgent' && calm[i].kind === 'poor-care').length, poorCare)}`)
  console.log(`calm marked urgent-or-high    ${share(c.filter(l => l === 'urgent' || l === 'high').length, c.length)}`)
  if (h.length > 0) console.log(`serious-not-immediate paged   ${share(h.filter(l => l === 'urgent').length, h.length)}; high ${h.filter(l => l === 'high').length}`)
  const helped = (items: Item[]) => items.filter(item => detectSignposting(item.text).length > 0).length
  console.log(`help lines shown at once      urgent ${share(helped(urgent), urgent.length)}, calm ${share(helped(calm), calm.length)}`)
  if (m.length === 0) return
  console.log(`mixed inbox paging rate       ${share(m.filter(l => l === 'urgent').length, m.length)} (expected ${share(mixedUrgent, m.length)})`)
  console.log(`mixed inbox urgent recall     ${share(m.filter((l, i) => l === 'urgent' && mixed[i].expected === 'urgent').length, mixedUrgent)}`)
  console.log(`mixed inbox serious (high) paged ${share(m.filter((l, i) => l === 'urgent' && mixed[i].expected === 'high').length, mixedHigh)}`)
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
