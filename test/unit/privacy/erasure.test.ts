import { erasureNotice, eraseWords } from '../../../src/privacy/erasure'

const notice = erasureNotice(new Date('2025-06-18T23:30:00Z'))

describe('erasureNotice', () => {
  it('says when, in UK time, in words', () => {
    // 23:30 UTC on 18 June is already 19 June in London.
    expect(notice).toBe("erased on 19 June 2025 at the person's request")
  })
})

describe('eraseWords: every piece of their words goes, the facts of the case stay', () => {
  const record = {
    reference: 'P8WMX-PU6F9',
    status: 'in_review',
    story: 'My mum Doris was hit 😢 <b>again</b>',
    otherMessages: ['call me on 07700 900123', 'thanks'],
    when: { text: 'last night', normalised: '2025-06-17' },
    contact: { method: 'sms', sealedDetails: 'sealed', phoneHash: 'hash', emailHash: 'hash' },
    conversationKey: 'sms:abc',
    conversation: [{ at: new Date('2025-06-18T10:00:00Z'), text: 'hello', step: 'opening' }],
    classification: { risk: 'urgent', textHash: 'abc', reason: 'Rule physical found "hit" in "My mum Doris was hit"' },
    someFieldAddedLater: 'more words',
    attempts: 3,
  }
  const erased = eraseWords(record, notice) as Record<string, unknown>
  const everything = JSON.stringify(erased)

  it.each([['Doris'], ['07700'], ['last night'], ['hello'], ['more words'], ['sealed'], ['hash'], ['sms:abc']])('%j is gone', words => {
    expect(everything).not.toContain(words)
  })

  it('keeps the reference and status, and what carries no words', () => {
    expect(erased).toMatchObject({ reference: 'P8WMX-PU6F9', status: 'in_review', attempts: 3 })
    expect(erased.story).toBe(notice)
    expect(erased.otherMessages).toEqual([notice])
    expect((erased.conversation as { at: Date }[])[0].at).toEqual(new Date('2025-06-18T10:00:00Z'))
  })

  it('removes the ways to reach or recognise them outright', () => {
    expect(erased.conversationKey).toBeUndefined()
    expect(erased.contact).not.toHaveProperty('sealedDetails')
    expect(erased.contact).not.toHaveProperty('phoneHash')
    expect(erased.classification).not.toHaveProperty('textHash')
  })

  it('is harmless run twice', () => {
    expect(eraseWords(erased, notice)).toEqual(erased)
  })
})
