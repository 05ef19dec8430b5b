import { redactPersonalData } from '../../../src/classification'

/** What must never reach a model, in the shapes people actually write it; and what must survive, so the model can read the feedback. */
describe('redactPersonalData at the edges', () => {
  it.each([
    ['Call me on 07700 900123 or email jo.bloggs@example.org', /07700|900123|jo\.bloggs|example\.org/],
    ['+44 (0)20 7946 0018', /7946|0018/],
    ['Call 0300 123 4567', /123 4567/],
    ['born 12/03/1941', /1941|12\/03/],
    ['DOB: 1 March 1941', /1941/],
    ['My name is Ali Khan', /Ali|Khan/],
    ['my husband Bob', /Bob/],
    ['flat 3b', /3b/],
    ['My mum Margaret lives at 12 Acacia Avenue, LS1 4AB', /Margaret|Acacia|LS1/],
    // Emoji and markup around personal data do not hide it.
    ['😀 Sarah 😀', /Sarah/],
    ['<b>Sarah</b> at <i>07700900123</i>', /Sarah|07700900123/],
  ])('%j loses what identifies someone', (text, identifying) => {
    const redacted = redactPersonalData(text)
    expect(redacted).not.toMatch(identifying)
    expect(redacted).toMatch(/\[(?:phone|email|name|address|date|date of birth|NHS number|postcode)\]/)
  })

  it.each([['The 2 staff on shift'], ['It was 12 degrees'], ['Ward 12 on 3rd floor'], ['I rang 111 and 999'], ['May was a lovely month'], [''], ['😀😀😀']])(
    '%j is kept as written',
    text => {
      expect(redactPersonalData(text)).toBe(text)
    },
  )

  it('keeps the words around what it removes, so the feedback still reads', () => {
    expect(redactPersonalData('My name is Ali Khan and the carer hit my dad')).toMatch(/the carer hit my dad$/)
  })

  it('handles a very long message without losing its length to nothing', () => {
    const text = 'the carer was kind. '.repeat(5_000)
    expect(redactPersonalData(text)).toBe(text)
  })
})
