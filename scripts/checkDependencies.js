// Reads dependency-cruiser's JSON (`depcruise src dialogs --output-type json`, one pass over the code) from stdin.
// Fails on any broken rule from .dependency-cruiser.cjs (file-level cycles among them), and on any cycle between
// folders: each folder under src/ (and dialogs/) taken as one node, which dependency-cruiser's own rule cannot see.
const { Buffer } = require('node:buffer')

const folderOf = name => name.match(/^(src\/[^/]+\/|dialogs\/)/)?.[1] ?? name

const chunks = []
process.stdin.on('data', chunk => chunks.push(chunk))
process.stdin.on('end', () => {
  const { modules, summary } = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  const broken = summary.violations.filter(violation => violation.rule.severity === 'error')
  for (const violation of broken) {
    const cycle = violation.cycle?.length ? ` (cycle: ${violation.cycle.map(step => step.name ?? step).join(' → ')})` : ''
    console.error(`${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`)
  }

  const inApp = name => /^(src|dialogs)\//.test(name)
  const edges = new Map()
  for (const module of modules.filter(m => inApp(m.source))) {
    const from = folderOf(module.source)
    const targets = edges.get(from) ?? new Set()
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved)
      if (inApp(dependency.resolved) && to !== from) targets.add(to)
    }
    edges.set(from, targets)
  }

  // Tarjan's strongly connected components: any component with more than one folder is a cycle.
  let index = 0
  const indices = new Map()
  const lowLinks = new Map()
  const stack = []
  const onStack = new Set()
  const cycles = []
  const visit = node => {
    indices.set(node, index)
    lowLinks.set(node, index++)
    stack.push(node)
    onStack.add(node)
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next)
        lowLinks.set(node, Math.min(lowLinks.get(node), lowLinks.get(next)))
      } else if (onStack.has(next)) lowLinks.set(node, Math.min(lowLinks.get(node), indices.get(next)))
    }
    if (lowLinks.get(node) === indices.get(node)) {
      const component = []
      let member
      do {
        member = stack.pop()
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1) cycles.push(component)
    }
  }
  for (const node of edges.keys()) if (!indices.has(node)) visit(node)

  for (const cycle of cycles) console.error(`folder cycle: ${cycle.join(' ↔ ')}`)
  if (broken.length || cycles.length) process.exit(1)
  console.log(`no dependency rule broken (${summary.totalCruised} modules), no folder cycles (${edges.size} folders and top-level files)`)
})
