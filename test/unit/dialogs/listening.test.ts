import { roleHeardIn, servicePhrasesIn, whenHeardIn } from '../../../dialogs/listening'

const now = new Date('2025-06-18T10:00:00Z')

describe('roleHeardIn: who is telling us, from their own account', () => {
  it.each([
    ['My mum lives at Willow Lodge and a carer hit her last night', 'family_friend_carer'],
    ['I care for my husband', 'family_friend_carer'],
    ['my 90 year old dad', 'family_friend_carer'],
    ['on behalf of my neighbour', 'family_friend_carer'],
    ['I work at Hilltop care home and we are short staffed', 'staff'],
    ['I am a social worker and my client was left alone', 'professional'],
    ['my patients at the surgery', 'professional'],
    ['I was admitted to Testbury General Hospital on 3rd March', 'person'],
  ])('%j: %s', (text, role) => {
    expect(roleHeardIn(text)).toBe(role)
  })

  it.each([['The food was cold'], ['I worked out the bill was wrong'], [''], ['😀😀'], ['Moja mama mieszka w domu opieki']])(
    '%j: not plain, so asked',
    text => {
      expect(roleHeardIn(text)).toBeUndefined()
    },
  )
})

describe('servicePhrasesIn: what might name a service', () => {
  it.each([
    ['My mum lives at Willow Lodge and a carer hit her', 'Willow Lodge'],
    ['I work at Hilltop care home', 'Hilltop care home'],
    ['I was admitted to Testbury General Hospital', 'Testbury General Hospital'],
    ['Care from hilltop was poor', 'hilltop'],
    ['We were seen at LS1 4AB', 'LS1 4AB'],
    ['<b>Willow Lodge</b>', 'Willow Lodge'],
  ])('%j offers %j first', (text, phrase) => {
    expect(servicePhrasesIn(text)[0]).toBe(phrase)
  })

  it.each([['The food was cold'], ['the care home was awful'], [''], ['😀']])('%j names no service', text => {
    expect(servicePhrasesIn(text)).toEqual([])
  })

  it('offers at most ten phrases from a long message', () => {
    const text = Array.from({ length: 200 }, (_, index) => `Place${index} Lodge`).join(' and ')
    expect(servicePhrasesIn(text).length).toBeLessThanOrEqual(10)
  })
})

describe('whenHeardIn: when it happened, from their own account', () => {
  it.each([
    ['a carer hit her last night', 'last night', '2025-06-17'],
    ['I was admitted on 3rd March', '3rd March', '2025-03-03'],
    ['The nurse was lovely in May', 'in May', '2025-05'],
    ['we are short staffed every night', 'every night', 'ongoing'],
    ['it happened 2 weeks ago at the home', '2 weeks ago', '2025-06-04'],
  ])('%j: %j is %s', (text, words, normalised) => {
    expect(whenHeardIn(text, now)).toEqual({ text: words, normalised })
  })

  it.each([['it may be nothing'], ['The food was cold'], ['']])('%j: no time, so asked', text => {
    expect(whenHeardIn(text, now)).toBeUndefined()
  })
})
