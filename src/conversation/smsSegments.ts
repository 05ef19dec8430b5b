/**
 * How carriers count a text: in GSM-7 when every character is in the GSM 03.38 alphabet (160 septets, or 153
 * a part when split; the extension characters take two), otherwise in UCS-2 (70 UTF-16 units, or 67 a part).
 * One Polish "ł", an Urdu letter or an emoji makes the whole text UCS-2.
 */
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
)
const gsmExtension = new Set('^{}\\[~]|€\f')

export type SmsEncoding = 'GSM-7' | 'UCS-2'

/** Characters that force the whole text into UCS-2. */
export function ucs2Characters(text: string): string[] {
  return [...text].filter(character => !gsmBasic.has(character) && !gsmExtension.has(character))
}

export function smsEncoding(text: string): SmsEncoding {
  return ucs2Characters(text).length ? 'UCS-2' : 'GSM-7'
}

/** Segments one text costs. UCS-2 counts UTF-16 units, so an emoji takes two. */
export function smsSegments(text: string): number {
  if (smsEncoding(text) === 'UCS-2') return text.length <= 70 ? 1 : Math.ceil(text.length / 67)
  const septets = [...text].reduce((sum, character) => sum + (gsmExtension.has(character) ? 2 : 1), 0)
  return septets <= 160 ? 1 : Math.ceil(septets / 153)
}

/** Twilio takes up to 1600 characters a message; a UCS-2 text is kept to 10 segments, which every carrier joins up. */
export const maxSegmentsPerUcs2Message = 10

/** The longest message part we send for this text, in UTF-16 units. */
export function smsPartLimit(text: string): number {
  return smsEncoding(text) === 'UCS-2' ? maxSegmentsPerUcs2Message * 67 : 1600
}
