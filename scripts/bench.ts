/**
 * Classifier benchmark: model load time, comments per second on one core, memory, and the cost of the
 * chat's signposting check. Comments per second are given by the wall clock and by this process's CPU time (the
 * figure for one core when other work shares the machine). The service's start-up warm-up (compiling the rule
 * expressions, which V8 does lazily) runs first and is timed apart, as it is paid once at start.
 * Usage: npm run bench [-- --count 5000]
 */
import { performance } from 'node:perf_hooks'
import { detectSignposting, warmUpClassification } from '../src/classification'
import { EmbeddedClassifier } from '../src/classification/embeddedClassifier'
import { defaultTrainingFile, loadLabelledComments } from '../src/classification/training/dataset'

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback
}

async function main(): Promise<void> {
  const count = Number(argument('count', '5000'))
  const heapBefore = process.memoryUsage().heapUsed
  const loadStarted = performance.now()
  const classifier = new EmbeddedClassifier()
  const loadMs = performance.now() - loadStarted
  const heapAfterLoad = process.memoryUsage().heapUsed

  const warmUpStarted = performance.now()
  warmUpClassification()
  const warmUpMs = performance.now() - warmUpStarted

  const texts = loadLabelledComments(argument('data', defaultTrainingFile)).map(comment => comment.text)
  const classifyStarted = performance.now()
  const classifyCpuStarted = process.cpuUsage()
  for (let index = 0; index < count; index++) classifier.classifySync(texts[index % texts.length] as string)
  const classifySeconds = (performance.now() - classifyStarted) / 1000
  const classifyCpu = process.cpuUsage(classifyCpuStarted)
  const classifyCpuSeconds = (classifyCpu.user + classifyCpu.system) / 1e6

  const signpostStarted = performance.now()
  for (let index = 0; index < count; index++) detectSignposting(texts[index % texts.length] as string)
  const signpostSeconds = (performance.now() - signpostStarted) / 1000

  const report = {
    modelVersion: classifier.version,
    loadMs: Math.round(loadMs),
    startUpWarmUpMs: Math.round(warmUpMs),
    classifyPerSecond: Math.round(count / classifySeconds),
    // On a shared machine the wall clock includes time other processes held the core; CPU time does not.
    classifyPerCpuSecond: Math.round(count / classifyCpuSeconds),
    signpostingPerSecond: Math.round(count / signpostSeconds),
    modelHeapMB: Number(((heapAfterLoad - heapBefore) / 1e6).toFixed(1)),
    rssMB: Number((process.memoryUsage().rss / 1e6).toFixed(1)),
  }
  console.log(JSON.stringify(report, null, 2))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
