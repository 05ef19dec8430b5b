import crypto from 'node:crypto'
import { createAddressHasher, normalisePhoneNumber, parseTwilioAddress, twilioAddress } from '../../../src/contact/phoneNumbers'

describe('normalisePhoneNumber', () => {
  it.each([
    ['07700 900123', '+447700900123'],
    ['(07700) 900-123', '+447700900123'],
    ['447700900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['0044 7700 900123', '+447700900123'],
    ['+1 (202) 555-0143', '+12025550143'],
    // Not a UK mobile and not international: kept as typed, without spaces.
    ['020 7946 0018', '02079460018'],
    ['', ''],
  ])('%j is %s', (typed, expected) => {
    expect(normalisePhoneNumber(typed)).toBe(expected)
  })
})

describe('Twilio addresses', () => {
  it.each([
    ['+447700900123', 'sms', '+447700900123'],
    [' 07700 900123 ', 'sms', '+447700900123'],
    ['whatsapp:+447700900123', 'whatsapp', '+447700900123'],
    ['WhatsApp:07700900123', 'whatsapp', '+447700900123'],
  ])('%j is %s from %s', (address, channelId, number) => {
    expect(parseTwilioAddress(address)).toEqual({ channelId, number })
    expect(parseTwilioAddress(twilioAddress(channelId as 'sms' | 'whatsapp', number))).toEqual({ channelId, number })
  })
})

describe('the keyed hash of a number', () => {
  const hasher = createAddressHasher(crypto.randomBytes(32))

  it('is the same however the number is written, so STOP on SMS is honoured on WhatsApp', () => {
    const hashes = new Set(['07700 900123', '+447700900123', '0044 7700 900123', parseTwilioAddress('whatsapp:+447700900123').number].map(number => hasher.hashNumber(number)))
    expect(hashes.size).toBe(1)
  })

  it('differs between numbers and between keys, and never contains the number', () => {
    const hash = hasher.hashNumber('07700 900123')
    expect(hasher.hashNumber('07700 900124')).not.toBe(hash)
    expect(createAddressHasher(crypto.randomBytes(32)).hashNumber('07700 900123')).not.toBe(hash)
    expect(hash).not.toMatch(/7700|900123/)
  })
})
