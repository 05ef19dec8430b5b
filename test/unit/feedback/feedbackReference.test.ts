import { findFeedbackReferenceIn, newFeedbackReference, normaliseFeedbackReference } from '../../../src/feedback/feedbackReference'

describe('newFeedbackReference', () => {
  it('is XXXXX-XXXXX without the characters people misread (0, O, 1, I)', () => {
    const references = Array.from({ length: 500 }, () => newFeedbackReference())
    for (const reference of references) expect(reference).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/)
    expect(new Set(references).size).toBe(references.length)
  })

  it('reads back as itself however it is typed', () => {
    const reference = 'P8WMX-PU6F9'
    for (const typed of [reference, reference.toLowerCase(), reference.replace('-', ''), reference.replace('-', ' ')]) {
      expect(normaliseFeedbackReference(typed)).toBe(reference)
      expect(findFeedbackReferenceIn(`my reference is ${typed}, thanks`)).toBe(reference)
    }
  })
})

describe('normaliseFeedbackReference', () => {
  it.each([
    ['abcde-fghjk', 'ABCDE-FGHJK'],
    ['ABCDE FGHJK', 'ABCDE-FGHJK'],
    ['abcdefghjk', 'ABCDE-FGHJK'],
    [' abcde - fghjk ', 'ABCDE-FGHJK'],
    // Typed on a phone keyboard set to full-width characters.
    ['ＡＢＣＤＥ－ＦＧＨＪ２', 'ABCDE-FGHJ2'],
    ['ABCDE-FGHJ', undefined],
    ['abcdefghjkm', undefined],
    // 0, O, 1 and I are never in a reference.
    ['ABCDO-FGHJK', undefined],
    ['ABCDE-FGH1K', undefined],
    ['', undefined],
    ['😀😀😀😀😀-😀😀😀😀😀', undefined],
  ])('%j is %s', (typed, expected) => {
    expect(normaliseFeedbackReference(typed)).toBe(expected)
  })
})

describe('findFeedbackReferenceIn', () => {
  it.each([
    ['my ref is abcde-fghjk thanks', 'ABCDE-FGHJK'],
    ['reference ABCDEFGHJK.', 'ABCDE-FGHJK'],
    ['Ref: ABCDE FGHJK', 'ABCDE-FGHJK'],
    ['any news on p8wmx pu6f9?', 'P8WMX-PU6F9'],
    ['any news on p8wmxpu6f9', 'P8WMX-PU6F9'],
    ['<b>P8WMX-PU6F9</b>', 'P8WMX-PU6F9'],
    ['status P8WMX-PU6F9 please 🙏', 'P8WMX-PU6F9'],
  ])('%j holds %s', (text, expected) => {
    expect(findFeedbackReferenceIn(text)).toBe(expected)
  })

  it.each([
    // Ordinary words of the same shape are not references.
    ['any update on my complaint about management'],
    ['what happened to my feedback, the nurse never came'],
    ['Management were rude'],
    ['what about XABCDE-FGHJK'],
    ['ABCDE-FGHJKLMN'],
    ['Everything was great, absolutely brilliant'],
    [''],
  ])('%j holds none', text => {
    expect(findFeedbackReferenceIn(text)).toBeUndefined()
  })
})
