// Reads dependency-cruiser's JSON for the folder graph (`depcruise --collapse … --output-type json`) from stdin
// and fails if any folders import each other in a cycle; dependency-cruiser's own cycle rule sees files only.
const { Buffer } = require('node:buffer')

const chunks = []
process.stdin.on('data', chunk => chunks.push(chunk))
process.stdin.on('end', () => {
  const { modules } = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  const inApp = name => /^(src|dialogs)\//.test(name)
  const edges = new Map(modules.filter(m => inApp(m.source)).map(m => [m.source, m.dependencies.map(d => d.resolved).filter(to => inApp(to) && to !== m.source)]))

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

  if (cycles.length) {
    for (const cycle of cycles) console.error(`folder cycle: ${cycle.join(' ↔ ')}`)
    process.exit(1)
  }
  console.log(`no folder cycles (${edges.size} folders and top-level files)`)
})
