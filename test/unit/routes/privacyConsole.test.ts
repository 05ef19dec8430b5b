import { personQueryOf } from '../../../src/routes/privacyConsole'

describe('personQueryOf: what a person gives us to find their records', () => {
  it.each([
    ['jo@example.org', { email: 'jo@example.org' }],
    ['P8WMX-PU6F9', { reference: 'P8WMX-PU6F9' }],
    ['p8wmx pu6f9', { reference: 'p8wmx pu6f9' }],
    ['07700 900123', { phone: '07700 900123' }],
    ['+44 (7700) 900-123', { phone: '+44 (7700) 900-123' }],
    ['Doris Smith', undefined],
    ['123', undefined],
    ['', undefined],
    ['😀', undefined],
  ])('%j is %j', (identifier, expected) => {
    expect(personQueryOf(identifier)).toEqual(expected)
  })
})
