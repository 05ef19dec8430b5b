import type { LanguageSafetyRuleDefinition } from './definition'

/**
 * Arabic. Written with its usual letters; vowel marks, hamza forms and the two ways of typing yeh and kaf are folded
 * alike. A word may carry an attached "and", "so", "with", "to" or "the" (و ف ب ل ال), which the phrases allow as
 * a prefix. Machine-assisted: awaits review by a fluent speaker.
 */
const prefix = '(?:و|ف|ب|ل|ال|وال|بال|لل|فال)?'
const withPrefix = (...stems: string[]): RegExp => new RegExp(`${prefix}(?:${stems.join('|')})`)

export const arabicRules: LanguageSafetyRuleDefinition[] = [
  {
    id: 'ar.immediate-danger',
    language: 'ar',
    level: 'urgent',
    categories: ['unsafe-care'],
    signpost: 'immediate-danger',
    describes: 'danger happening now (an emergency or a threat)',
    phrases: [
      /في خطر/,
      /خطر على حياته\w*/,
      /لا (?:يتنفس|تتنفس)/,
      /توقف\w* عن التنفس/,
      /(?:فاقد|فاقدة|فقد|فقدت) الوعي/,
      /أغمي (?:عليه|عليها)/,
      /(?:يختنق|تختنق)/,
      /(?:نوبة|أزمة) قلبية/,
      /نزيف (?:حاد|شديد)/,
      withPrefix('حريق'),
      withPrefix('سكين'),
      withPrefix('سلاح'),
      /(?:سيقتل|سأقتل|يريد أن يقتل|يهدد\w* بقتل|هدد\w* بقتل)\w*/,
      /النجدة/,
      /ساعدوني/,
    ],
    matches: ['أمي في خطر في دار الرعاية', 'إنه لا يتنفس، ساعدوني', 'هددها بقتلها'],
    doesNotMatch: ['كان الموظفون لطفاء جدا', 'كان الطعام باردا', 'The staff were lovely'],
  },
  {
    id: 'ar.physical-abuse',
    language: 'ar',
    level: 'urgent',
    categories: ['physical'],
    signpost: 'abuse',
    describes: 'someone being hit, hurt or abused',
    phrases: [
      withPrefix('يضرب\\w*', 'تضرب\\w*', 'ضرب', 'ضربها', 'ضربه', 'ضربوها', 'ضربوه', 'يضربون\\w*'),
      withPrefix('عنف', 'يعنف\\w*', 'معنف\\w*'),
      withPrefix('إساءة', 'إساءات', 'يسيء', 'تسيء'),
      withPrefix('إيذاء', 'يؤذي\\w*', 'تؤذي\\w*'),
      withPrefix('تعذيب', 'يعذب\\w*'),
      withPrefix('يصفع\\w*', 'صفع\\w*'),
      withPrefix('يركل\\w*', 'ركل\\w*'),
      /سوء معاملة/,
      /مربوطة? (?:في|على|بال)سرير/,
    ],
    matches: ['أمي عليها كدمات وأخاف أن أحدًا يضربها', 'الممرض ضرب والدي', 'هناك إساءة للمقيمين'],
    doesNotMatch: ['كان الموظفون مهذبين جدا', 'انتظرت الطبيب وقتا طويلا'],
  },
  {
    id: 'ar.sexual-abuse',
    language: 'ar',
    level: 'urgent',
    categories: ['sexual'],
    signpost: 'abuse',
    describes: 'sexual abuse',
    phrases: [withPrefix('اغتصاب', 'اغتصب\\w*', 'يغتصب\\w*'), withPrefix('تحرش\\w*', 'يتحرش\\w*'), /اعتداء جنسي/, /لمس\w* بطريقة غير لائقة/],
    matches: ['تقول إنه اغتصبها', 'موظف يتحرش بأختي'],
    doesNotMatch: ['شرح الطبيب كل شيء', 'كانت الممرضة لطيفة'],
  },
  {
    id: 'ar.injuries',
    language: 'ar',
    level: 'high',
    categories: ['physical'],
    signpost: 'abuse',
    describes: 'injuries that may come from abuse',
    phrases: [withPrefix('كدمات', 'كدمة', 'رضوض', 'حروق'), /آثار (?:ضرب|على رقبتها|على رقبته)/],
    matches: ['أمي عليها كدمات على ذراعيها', 'على جسمه حروق'],
    doesNotMatch: ['كانت الغرفة نظيفة', 'كان الموعد سريعا'],
  },
  {
    id: 'ar.neglect',
    language: 'ar',
    level: 'high',
    categories: ['neglect'],
    signpost: 'abuse',
    describes: 'neglect',
    phrases: [withPrefix('إهمال', 'مهمل\\w*'), /(?:بدون|بلا|من غير) (?:طعام|أكل|ماء|دواء)/, withPrefix('جائع\\w*', 'جوعان\\w*'), /قرح الفراش/, /حفاض\w* (?:متسخ|قذر)\w*/],
    matches: ['جدتي تبقى طوال اليوم بدون ماء', 'هناك إهمال كبير'],
    doesNotMatch: ['كانت الغرفة نظيفة ومضيئة', 'كانت الزيارة قصيرة'],
  },
  {
    id: 'ar.risk-to-life',
    language: 'ar',
    level: 'urgent',
    categories: ['risk-to-life'],
    signpost: 'mental-health-crisis',
    describes: 'a risk of suicide or self-harm',
    phrases: [withPrefix('انتحار', 'انتحر\\w*', 'ينتحر', 'أنتحر'), /أقتل نفسي/, /أريد أن أموت/, /لا أريد أن أعيش/, /أنهي حياتي/, /(?:إيذاء|أؤذي) نفسي/],
    matches: ['لا أريد أن أعيش بعد الآن', 'أفكر في الانتحار'],
    doesNotMatch: ['كان الطبيب لطيفا', 'شكرا للممرضات'],
  },
]
