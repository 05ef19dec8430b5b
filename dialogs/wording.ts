/**
 * Everything the bot says, from the message files (`src/i18n/locales/<code>/bot.json`, and `easyRead.json` for
 * easy read: very short sentences, one idea per message). This module only gives the files a typed shape.
 * Choice values are stable and stored; labels and synonyms are what people see and type. In any language,
 * the English words for a choice are understood too.
 */
import type { BotChoice } from '../src/conversation/botMessage'
import { hasOwnMessage, languageOrDefault, translatorFor } from '../src/i18n/messages'
import { DEFAULT_LANGUAGE } from '../src/i18n/languages'
import type { Interruption } from './understanding'

export interface ContactCentre {
  phone: string
  email: string
  /** The BSL video relay service link. */
  bslUrl: string
}

export interface Wording {
  welcome: string[]
  /** When the first message already tells us what happened. */
  welcomeHeard: string[]
  easyReadOn: string
  standardOn: string
  askRole: string
  roleChoices: BotChoice[]
  staffReassurance: string[]
  askService: string
  serviceDidYouMean: string
  serviceNoneOfThese: string
  serviceNotFound: (typed: string) => string
  serviceFound: (name: string) => string
  askWhen: string
  askStory: string
  askStoryReplace: string
  storyPlease: string
  storyAdded: string
  storyHuge: string
  heardIntro: string
  askHeardRight: string
  heardWrong: string
  keptAsStory: string
  askStoryChangeHow: string
  storyChangeChoices: BotChoice[]
  askOverall: string
  overallChoices: BotChoice[]
  askDesiredOutcome: string
  skipChoice: BotChoice
  askContactMethod: string
  contactMethodChoices: BotChoice[]
  askPhone: string
  phoneNotValid: string
  askEmail: string
  emailNotValid: string
  askReplyFormat: string
  replyFormatChoices: BotChoice[]
  askLanguage: string
  askConsent: string[]
  askConsentStaff: string[]
  yesNoChoices: BotChoice[]
  equalityWhy: string[]
  askAge: string
  ageChoices: BotChoice[]
  askDisability: string
  disabilityChoices: BotChoice[]
  askEthnicity: string
  ethnicityChoices: BotChoice[]
  askSex: string
  sexChoices: BotChoice[]
  askReligion: string
  religionChoices: BotChoice[]
  preferNotToSay: BotChoice
  checkTitle: string
  askCheck: string
  checkChoices: BotChoice[]
  askWhichChange: string
  submitted: (reference: string) => string[]
  submitFailed: string[]
  signposting: Record<'immediate-danger' | 'mental-health-crisis' | 'abuse', string[]>
  notUnderstoodChoice: string
  notUnderstoodEmpty: string
  help: string[]
  privacy: string[]
  stopped: string[]
  welcomeBack: string
  confirmStartAgain: string
  startingAgain: string
  notStartingAgain: string
  speakToPerson: (contact: ContactCentre) => string[]
  askCallback: string
  askCallbackPhone: string
  callbackRecorded: string
  noCallback: string
  complaints: string[]
  followUpAdded: (reference: string) => string
  afterSubmissionHelp: (reference: string) => string[]
  askStatusReference: string
  statusNotFound: string
  statusIntro: (reference: string, status: string) => string
  cannotGoBack: string
  summaryLabels: Record<string, string>
  notGiven: string
  skipped: string
  anonymous: string
  storyShortened: (story: string) => string
  /** Asked in the language being offered. */
  languageOffer: string
  languageChanged: string
  languageKept: string
  /** Names a person may type to ask for this language, besides its native and English names. */
  languageNames: string[]
  /** Commands in this language, typed exactly (English commands are always understood too). */
  commands: Record<Interruption, string[]>
  sms: { help: (phone: string) => string[]; resumed: string; media: string; failure: string }
}

type ChoiceName = 'role' | 'overall' | 'storyChange' | 'contactMethod' | 'replyFormat' | 'yesNo' | 'age' | 'disability' | 'ethnicity' | 'sex' | 'religion' | 'check'

function asLines(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return typeof value === 'string' ? [value] : []
}

function build(language: string, easyRead: boolean): Wording {
  const t = translatorFor(language, 'bot')
  const english = translatorFor(DEFAULT_LANGUAGE, 'bot')
  /** Easy read where this language has an easy read version of the message; otherwise its standard wording. */
  const ns = (key: string) => (easyRead && hasOwnMessage(language, 'easyRead', key) ? 'easyRead' : 'bot')
  const text = (key: string, values: Record<string, string> = {}): string => t(key, { ns: ns(key), ...values })
  const lines = (key: string, values: Record<string, string> = {}): string[] => asLines(t(key, { ns: ns(key), returnObjects: true, ...values }))
  const withEnglish = (own: BotChoice, englishChoice: BotChoice | undefined): BotChoice =>
    language === DEFAULT_LANGUAGE || !englishChoice
      ? own
      : { ...own, synonyms: [...(own.synonyms ?? []), englishChoice.label, ...(englishChoice.synonyms ?? [])] }
  const choice = (key: string): BotChoice => withEnglish(t(key, { returnObjects: true }) as BotChoice, english(key, { returnObjects: true }) as BotChoice)
  const choices = (name: ChoiceName): BotChoice[] => {
    const own = t(`choices.${name}`, { returnObjects: true }) as BotChoice[]
    const inEnglish = english(`choices.${name}`, { returnObjects: true }) as BotChoice[]
    return own.map(item => withEnglish(item, inEnglish.find(candidate => candidate.value === item.value)))
  }
  // Easy read where the language has it; otherwise the safety file, the one source of the standard help text.
  const signpostingNs = ns('signposting') === 'easyRead' ? 'easyRead' : hasOwnMessage(language, 'safety', 'signposting') ? 'safety' : 'bot'
  const signposting = (kind: string) => asLines(t(`signposting.${kind}`, { ns: signpostingNs, returnObjects: true }))
  const commands = t('commands', { returnObjects: true }) as Record<Interruption, string[]>
  const sms = (key: string) => t(`sms.${key}`)

  return {
    welcome: lines('welcome'),
    welcomeHeard: lines('welcomeHeard'),
    easyReadOn: text('easyReadOn'),
    standardOn: text('standardOn'),
    askRole: text('askRole'),
    roleChoices: choices('role'),
    staffReassurance: lines('staffReassurance'),
    askService: text('askService'),
    serviceDidYouMean: text('serviceDidYouMean'),
    serviceNoneOfThese: text('serviceNoneOfThese'),
    serviceNotFound: typed => text('serviceNotFound', { typed }),
    serviceFound: name => text('serviceFound', { name }),
    askWhen: text('askWhen'),
    askStory: text('askStory'),
    askStoryReplace: text('askStoryReplace'),
    storyPlease: text('storyPlease'),
    storyAdded: text('storyAdded'),
    storyHuge: text('storyHuge'),
    heardIntro: text('heardIntro'),
    askHeardRight: text('askHeardRight'),
    heardWrong: text('heardWrong'),
    keptAsStory: text('keptAsStory'),
    askStoryChangeHow: text('askStoryChangeHow'),
    storyChangeChoices: choices('storyChange'),
    askOverall: text('askOverall'),
    overallChoices: choices('overall'),
    askDesiredOutcome: text('askDesiredOutcome'),
    skipChoice: choice('choices.skip'),
    askContactMethod: text('askContactMethod'),
    contactMethodChoices: choices('contactMethod'),
    askPhone: text('askPhone'),
    phoneNotValid: text('phoneNotValid'),
    askEmail: text('askEmail'),
    emailNotValid: text('emailNotValid'),
    askReplyFormat: text('askReplyFormat'),
    replyFormatChoices: choices('replyFormat'),
    askLanguage: text('askLanguage'),
    askConsent: lines('askConsent'),
    askConsentStaff: lines('askConsentStaff'),
    yesNoChoices: choices('yesNo'),
    equalityWhy: lines('equalityWhy'),
    askAge: text('askAge'),
    ageChoices: choices('age'),
    askDisability: text('askDisability'),
    disabilityChoices: choices('disability'),
    askEthnicity: text('askEthnicity'),
    ethnicityChoices: choices('ethnicity'),
    askSex: text('askSex'),
    sexChoices: choices('sex'),
    askReligion: text('askReligion'),
    religionChoices: choices('religion'),
    preferNotToSay: choice('choices.preferNotToSay'),
    checkTitle: text('checkTitle'),
    askCheck: text('askCheck'),
    checkChoices: choices('check'),
    askWhichChange: text('askWhichChange'),
    submitted: reference => lines('submitted', { reference }),
    submitFailed: lines('submitFailed'),
    signposting: { 'immediate-danger': signposting('immediate-danger'), 'mental-health-crisis': signposting('mental-health-crisis'), abuse: signposting('abuse') },
    notUnderstoodChoice: text('notUnderstoodChoice'),
    notUnderstoodEmpty: text('notUnderstoodEmpty'),
    help: lines('help'),
    privacy: lines('privacy'),
    stopped: lines('stopped'),
    welcomeBack: text('welcomeBack'),
    confirmStartAgain: text('confirmStartAgain'),
    startingAgain: text('startingAgain'),
    notStartingAgain: text('notStartingAgain'),
    speakToPerson: contact => lines('speakToPerson', { phone: contact.phone, email: contact.email, bslUrl: contact.bslUrl }),
    askCallback: text('askCallback'),
    askCallbackPhone: text('askCallbackPhone'),
    callbackRecorded: text('callbackRecorded'),
    noCallback: text('noCallback'),
    complaints: lines('complaints'),
    followUpAdded: reference => text('followUpAdded', { reference }),
    afterSubmissionHelp: reference => lines('afterSubmissionHelp', { reference }),
    askStatusReference: text('askStatusReference'),
    statusNotFound: text('statusNotFound'),
    statusIntro: (reference, status) => text('statusIntro', { reference, status }),
    cannotGoBack: text('cannotGoBack'),
    summaryLabels: t('summaryLabels', { returnObjects: true }) as Record<string, string>,
    notGiven: text('notGiven'),
    skipped: text('skipped'),
    anonymous: text('anonymous'),
    storyShortened: story => text('storyShortened', { story }),
    languageOffer: text('languageOffer'),
    languageChanged: text('languageChanged'),
    languageKept: text('languageKept'),
    languageNames: asLines(t('languageNames', { returnObjects: true })),
    commands,
    sms: { help: phone => asLines(t('sms.help', { returnObjects: true, phone })), resumed: sms('resumed'), media: sms('media'), failure: sms('failure') },
  }
}

const built = new Map<string, Wording>()

/** The wording for a language (English when unknown), in easy read or standard. */
export function wordingFor(easyRead: boolean | undefined, language?: string): Wording {
  const code = languageOrDefault(language)
  const key = `${code}:${easyRead ? 'easy' : 'standard'}`
  let wording = built.get(key)
  if (!wording) {
    wording = build(code, !!easyRead)
    built.set(key, wording)
  }
  return wording
}
