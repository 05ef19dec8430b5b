import { redactPersonalData } from '../../../src/classification'

describe('redactPersonalData', () => {
  it('removes an NHS number however it is spaced', () => {
    for (const number of ['943 476 5919', '9434765919', '943-476-5919']) {
      expect(redactPersonalData(`his NHS number is ${number}`)).not.toMatch(/\d{3}/)
    }
  })

  it('removes phone numbers, emails, postcodes and street addresses', () => {
    const redacted = redactPersonalData('call me on 07700 900123 or +44 20 7946 0958, jo.bloggs@example.com, 12 Acacia Avenue, Leeds LS1 4AB')
    expect(redacted).not.toMatch(/07700|7946|jo\.bloggs|Acacia|LS1/)
  })

  it('removes names after cues and titles, and dates of birth', () => {
    const redacted = redactPersonalData('My name is Joan Smith, my mum Doris was seen by Dr Patel and Nurse Kelly. DOB 03/04/1941')
    expect(redacted).not.toMatch(/Joan|Smith|Doris|Patel|Kelly|1941/)
  })

  it('keeps what the feedback is about', () => {
    expect(redactPersonalData('the carer hit my dad and took his money')).toBe('the carer hit my dad and took his money')
  })
})
