import crypto from 'node:crypto'
import { classificationInput } from '../../../src/triage/classifyAndRoute'

describe('what the classifier reads of a record', () => {
  const story = 'Some staff were good, others not.'

  it('reads the words with the question and the overall rating the person gave', () => {
    expect(classificationInput({ story, question: 'could-improve', overall: 'bad' }).context).toEqual({ question: 'could-improve', overall: 'bad' })
    expect(classificationInput({ story }).context).toEqual({})
  })

  it('reads a chat again once the person rates their care overall, and not otherwise', () => {
    const before = classificationInput({ story })
    expect(classificationInput({ story, overall: 'bad' }).hash).not.toBe(before.hash)
    expect(classificationInput({ story, overall: 'good' }).hash).not.toBe(classificationInput({ story, overall: 'bad' }).hash)
    // Records classified before the rating counted stored the hash of their words alone: they are not read again.
    expect(before.hash).toBe(crypto.createHash('sha256').update(story, 'utf8').digest('hex'))
  })
})
