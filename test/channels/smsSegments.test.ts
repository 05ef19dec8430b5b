import { splitForSms } from '../../src/conversation/botMessage'
import { smsEncoding, smsSegments, ucs2Characters } from '../../src/conversation/smsSegments'
import { wordingFor } from '../../dialogs/wording'
import { SUPPORTED_LANGUAGES } from '../../src/i18n/languages'

/** Segments as carriers count them, so texts in Welsh, Polish, Urdu and the rest are charged and split as they will be. */
describe('SMS segments', () => {
  test('GSM-7: 160 characters in one, then 153 a part; extension characters take two', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1)
    expect(smsSegments('a'.repeat(161))).toBe(2)
    expect(smsSegments('a'.repeat(306))).toBe(2)
    expect(smsSegments('a'.repeat(307))).toBe(3)
    expect(smsSegments(`${'a'.repeat(159)}€`)).toBe(2)
    expect(smsEncoding('Call 999. Reply STOP to stop.')).toBe('GSM-7')
  })

  test('UCS-2: one non-GSM character makes the whole text 70 units, then 67 a part', () => {
    expect(smsSegments(`${'a'.repeat(69)}ł`)).toBe(1)
    expect(smsSegments(`${'a'.repeat(70)}ł`)).toBe(2)
    expect(smsSegments('ł'.repeat(134))).toBe(2)
    expect(smsSegments('ł'.repeat(135))).toBe(3)
    // An emoji is two UTF-16 units.
    expect(smsSegments('😀'.repeat(35))).toBe(1)
    expect(smsSegments('😀'.repeat(36))).toBe(2)
    expect(ucs2Characters('Say "stop" – it’s fine…')).toEqual(['–', '’', '…'])
  })

  test.each([
    ['Polish', 'Dziękujemy. Mamy Twoją opinię.', 'UCS-2'],
    ['Welsh', 'Diolch. Mae eich adborth gyda ni.', 'GSM-7'],
    ['Welsh with a circumflex', 'Rwy’n gweithio yno. Grŵp ethnig.', 'UCS-2'],
    ['Urdu', 'شکریہ۔ ہمیں آپ کی رائے مل گئی ہے۔', 'UCS-2'],
    ['Bengali', 'ধন্যবাদ।', 'UCS-2'],
    ['Spanish', 'Gracias. Tenemos su opinión.', 'UCS-2'],
  ])('%s is counted in the right encoding', (_name, text, encoding) => {
    expect(smsEncoding(text)).toBe(encoding)
  })

  test('a long text in Urdu is split into parts of at most 10 UCS-2 segments; English keeps 1600-character parts', () => {
    const urdu = wordingFor(false, 'ur').privacy.join(' ').repeat(8)
    const parts = splitForSms(urdu)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(smsSegments(part)).toBeLessThanOrEqual(10)
    expect(parts.join(' ').replace(/\s+/g, '')).toBe(urdu.replace(/\s+/g, ''))
    const english = wordingFor(false, 'en').privacy.join(' ').repeat(8)
    expect(splitForSms(english).every(part => part.length <= 1600)).toBe(true)
    expect(splitForSms(english)[0].length).toBeGreaterThan(670)
  })

  test('every language’s SMS help text fits in a few segments', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const help = wordingFor(false, language.code).sms.help('03000 616161').join('\n')
      expect({ language: language.code, segments: smsSegments(help) }).toEqual({ language: language.code, segments: expect.any(Number) })
      expect(smsSegments(help)).toBeLessThanOrEqual(language.code === 'en' ? 3 : 10)
    }
  })
})
