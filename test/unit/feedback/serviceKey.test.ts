import { normaliseServiceKey, serviceKeyOf } from '../../../src/feedback/serviceKey'

describe('the service key', () => {
  it('is the directory location id when there is one, whatever its case', () => {
    expect(serviceKeyOf({ locationId: '1-ABC123', name: 'Willow Lodge' })).toBe('1-abc123')
    expect(serviceKeyOf({ locationId: '1-abc123' })).toBe(serviceKeyOf({ locationId: ' 1-ABC123 ' }))
  })

  it('is the name as given otherwise, so the same name typed twice groups together', () => {
    expect(serviceKeyOf({ name: '  Willow   Lodge ' })).toBe('willow lodge')
    expect(serviceKeyOf({ locationId: null, name: 'WILLOW LODGE' })).toBe(serviceKeyOf({ name: 'willow lodge' }))
  })

  it('is empty when nothing names the service, and a key typed in a query is read the same way', () => {
    expect(serviceKeyOf({})).toBe('')
    expect(normaliseServiceKey(' Willow  LODGE ')).toBe(serviceKeyOf({ name: 'Willow Lodge' }))
  })
})
