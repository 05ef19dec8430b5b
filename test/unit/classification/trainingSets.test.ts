import fs from 'node:fs'
import path from 'node:path'
import { concernTrainingSets, inHandTrainingSets, loadInHandExamples, loadRiskToLifeExamples, loadSafetyExamples, readSafetyFile, riskToLifeTrainingSets } from '../../../src/classification/training/concernTrainer'

const fixtures = path.resolve(__dirname, '..', '..', 'classification', 'fixtures')
const lines = (set: string, file: string) => readSafetyFile(path.join(fixtures, set, file)) as { text: string; part?: string }[]

describe('what trains the models', () => {
  it('never trains on a validation set or the blind one', () => {
    for (const set of new Set([...concernTrainingSets, ...riskToLifeTrainingSets, ...inHandTrainingSets])) {
      const readme = fs.readFileSync(path.join(fixtures, set, 'README.md'), 'utf8')
      const kept = /\*\*Validation/.test(readme) || /\(blind\)/.test(readme.split('\n')[0] ?? '')
      expect({ set, kept }).toEqual({ set, kept: false })
    }
  })

  it('trains the concern model on the tricky-calm dev sets, and the risk-to-life model not', () => {
    const concernCalm = new Set(loadSafetyExamples().calm.map(example => example.text))
    const { calm: riskToLifeCalm } = loadRiskToLifeExamples()
    const tricky = lines('outside-writer-51', 'calm.jsonl')
    expect(tricky.every(line => concernCalm.has(line.text))).toBe(true)
    expect(riskToLifeCalm.some(example => tricky.some(line => line.text === example.text))).toBe(false)
  })

  it('trains the risk-to-life model on lines about a risk to life, against calm lines with the same signs', () => {
    const { urgent, calm } = loadRiskToLifeExamples()
    const urgentTexts = new Set(urgent.map(example => example.text))
    const calmTexts = new Set(calm.map(example => example.text))
    expect(lines('outside-writer-27', 'urgent.jsonl').every(line => urgentTexts.has(line.text))).toBe(true)
    expect(lines('outside-writer-27', 'calm.jsonl').every(line => calmTexts.has(line.text))).toBe(true)
    // Set 24's emergencies and violence are urgent, but not about this: they teach neither side.
    const emergencies = lines('outside-writer-24', 'urgent.jsonl').filter(line => line.part?.startsWith('ida'))
    expect(emergencies.length).toBeGreaterThan(0)
    expect(emergencies.filter(line => urgentTexts.has(line.text) || calmTexts.has(line.text)).length).toBeLessThan(emergencies.length / 4)
    expect(urgent.every(example => example.category === 'risk-to-life')).toBe(true)
  })

  it('trains the in-hand model on serious-not-immediate lines against urgent ones, and on nothing calm', () => {
    const { urgent: inHand, calm: urgent } = loadInHandExamples()
    const inHandTexts = new Set(inHand.map(example => example.text))
    const urgentTexts = new Set(urgent.map(example => example.text))
    expect(lines('outside-writer-42', 'high.jsonl').every(line => inHandTexts.has(line.text))).toBe(true)
    expect(lines('outside-writer-3', 'urgent.jsonl').every(line => urgentTexts.has(line.text))).toBe(true)
    expect(lines('outside-writer-3', 'calm.jsonl').some(line => inHandTexts.has(line.text) || urgentTexts.has(line.text))).toBe(false)
  })
})
