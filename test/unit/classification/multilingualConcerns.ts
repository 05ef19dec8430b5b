import type { LanguageCode } from '../../../src/i18n/languages'

/**
 * An urgent concern in each language we offer, as a relative might write it (ongoing abuse or danger in care), and a
 * calm message in each, neither copied from a rule's own examples. Machine-assisted: awaits review by fluent speakers.
 */
export const urgentConcernIn: Record<LanguageCode, string> = {
  en: 'My mum has bruises on her arms and I am scared that a carer is hitting her at night.',
  cy: 'Mae gan fy mam gleisiau ar ei breichiau. Mae arna i ofn bod un o\'r gofalwyr yn ei tharo hi yn y nos.',
  pl: 'Moja mama ma siniaki na rękach. Boję się, że ktoś ją bije w nocy w domu opieki.',
  ro: 'Mama mea are vânătăi pe brațe. Mi-e frică că o îngrijitoare o bate noaptea la cămin.',
  ur: 'میری والدہ کے بازوؤں پر نیل ہیں۔ مجھے ڈر ہے کہ کیئر ہوم میں رات کو کوئی انہیں مارتا ہے۔',
  pa: 'ਮੇਰੀ ਮਾਂ ਦੀਆਂ ਬਾਹਾਂ ਤੇ ਨੀਲ ਹਨ। ਮੈਨੂੰ ਡਰ ਹੈ ਕਿ ਕੇਅਰ ਹੋਮ ਵਿੱਚ ਰਾਤ ਨੂੰ ਕੋਈ ਉਸਨੂੰ ਕੁੱਟਦਾ ਹੈ।',
  bn: 'আমার মায়ের হাতে কালশিটে দাগ। আমার ভয় হয় কেয়ার হোমে রাতে কেউ তাকে মারধর করে।',
  gu: 'મારી માતાના હાથ પર ઉઝરડા છે. મને ડર છે કે કેર હોમમાં રાત્રે કોઈ તેને મારે છે.',
  ar: 'أمي عليها كدمات على ذراعيها. أخاف أن أحد العاملين في دار الرعاية يضربها في الليل.',
  pt: 'A minha mãe tem nódoas negras nos braços. Tenho medo que uma cuidadora lhe bata à noite no lar.',
  es: 'Mi madre tiene moratones en los brazos. Tengo miedo de que una cuidadora le pegue por la noche en la residencia.',
  lt: 'Mano mama turi mėlynių ant rankų. Bijau, kad slaugos namuose naktį kažkas ją muša.',
}

/** Thanks for good care: nothing in it is a safety concern, in any language. */
export const calmMessageIn: Partial<Record<LanguageCode, string>> = {
  pl: 'Personel domu opieki jest bardzo miły, a mama jest tam szczęśliwa. Dziękuję za wszystko.',
  cy: 'Mae\'r staff yn y cartref gofal yn garedig iawn ac mae Mam yn hapus yno. Diolch yn fawr am bopeth.',
  ur: 'کیئر ہوم کا عملہ بہت مہربان ہے اور میری والدہ وہاں خوش ہیں۔ ہر چیز کے لیے شکریہ۔',
}
