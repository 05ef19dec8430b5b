/**
 * Everything the bot says, in one place, in two versions: standard plain English (short sentences, one
 * question per message) and easy read (very short sentences, one idea per message, yes/no where possible).
 * Choice values are stable and stored; labels and synonyms are what people see and type.
 */
import type { BotChoice } from '../src/conversation/botMessage'

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
  speakToPerson: (phone: string, email: string) => string[]
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
}

const yesNo: BotChoice[] = [
  {
    value: 'yes',
    label: 'Yes',
    synonyms: ['y', 'yeah', 'yep', 'yup', 'yes please', 'ok', 'okay', 'sure', 'please do', 'i would', 'of course', 'certainly', 'absolutely', 'definitely', 'fine by me', 'thats fine', 'that is fine', 'i dont mind', 'dont mind', 'go ahead', 'spot on', 'exactly', 'all good', 'sounds right', 'ie', 'tak'],
  },
  { value: 'no', label: 'No', synonyms: ['n', 'nope', 'no thanks', 'no thank you', 'not really', 'nah', 'na', 'rather not', 'id rather not', 'please dont', 'nie'] },
]

const preferNotToSay: BotChoice = {
  value: 'prefer_not_to_say',
  label: 'Prefer not to say',
  synonyms: ['rather not say', 'skip', 'not saying', 'pass', 'no comment', 'i dont want to say', 'none of your business'],
}

const roleChoices: BotChoice[] = [
  { value: 'person', label: 'I used the service', synonyms: ['me', 'myself', 'patient', 'resident', 'service user', 'it was me', 'i did', 'i used it', 'the person'] },
  {
    value: 'family_friend_carer',
    label: 'Family, friend or carer',
    synonyms: ['family', 'friend', 'carer', 'relative', 'my mum', 'my dad', 'my son', 'my daughter', 'my wife', 'my husband', 'my partner', 'on behalf of someone', 'someone else', 'for someone else', 'mum', 'dad', 'son', 'daughter', 'family member', 'grandson', 'granddaughter', 'nan', 'gran', 'grandma', 'grandad', 'grandparent', 'brother', 'sister', 'niece', 'nephew', 'aunt', 'uncle', 'partner', 'wife', 'husband', 'parent', 'mother', 'father', 'next of kin', 'neighbour', 'relative of'],
  },
  { value: 'staff', label: 'I work there', synonyms: ['staff', 'member of staff', 'employee', 'worker', 'i work there', 'nurse', 'care worker', 'whistleblower', 'whistleblowing', 'i worked there'] },
  { value: 'professional', label: 'A professional', synonyms: ['professional', 'gp', 'social worker', 'doctor', 'health professional', 'advocate', 'paramedic'] },
  { value: 'other', label: 'Other', synonyms: ['something else', 'none of these', 'none'] },
]

const overallChoices: BotChoice[] = [
  { value: 'good', label: 'Good', synonyms: ['great', 'excellent', 'positive', 'fine', 'brilliant', 'very good', 'happy', 'it was good'] },
  { value: 'bad', label: 'Bad', synonyms: ['poor', 'terrible', 'awful', 'negative', 'not good', 'very bad', 'unhappy', 'horrible', 'dreadful', 'it was bad', 'rubbish'] },
  { value: 'mixed', label: 'Mixed', synonyms: ['both', 'ok', 'okay', 'average', 'some good some bad', 'good and bad', 'so so', 'not sure', 'in between'] },
]

const storyChangeChoices: BotChoice[] = [
  { value: 'replace', label: 'Replace it', synonyms: ['replace', 'write it again', 'start it again', 'new', 'rewrite', 'instead', 'delete it'] },
  { value: 'add', label: 'Add to it', synonyms: ['add', 'add more', 'more', 'keep it', 'add something', 'append'] },
]

const contactMethodChoices: BotChoice[] = [
  {
    value: 'anonymous',
    label: 'Stay anonymous',
    synonyms: ['anonymous', 'anon', 'no contact', 'dont contact me', 'do not contact me', 'no need to contact me', 'no need', 'not needed', 'dont need to contact me', 'you dont need to contact me', 'no thanks', 'no', 'none', 'skip', 'leave it'],
  },
  { value: 'sms', label: 'Text message', synonyms: ['text', 'sms', 'texts', 'txt', 'by text', 'text me', 'mobile'] },
  { value: 'email', label: 'Email', synonyms: ['e mail', 'by email', 'email me', 'mail'] },
  { value: 'phone', label: 'Phone call', synonyms: ['phone', 'call', 'call me', 'ring me', 'telephone', 'ring'] },
  { value: 'chat', label: 'This chat', synonyms: ['chat', 'here', 'in this chat', 'this conversation', 'message me here'] },
]

const replyFormatChoices: BotChoice[] = [
  { value: 'standard', label: 'Standard', synonyms: ['normal', 'standard english', 'english', 'plain english', 'regular'] },
  { value: 'easy_read', label: 'Easy read', synonyms: ['easy', 'easyread', 'easy english', 'simple', 'pictures'] },
  { value: 'other_language', label: 'Another language', synonyms: ['other language', 'different language', 'language', 'not english', 'translation', 'translated'] },
]

const checkChoices: BotChoice[] = [
  { value: 'submit', label: 'Send my feedback', synonyms: ['send', 'submit', 'yes', 'send it', 'all correct', 'correct', 'looks good', 'confirm', 'ok', 'okay', 'done', 'that is right', 'thats right'] },
  { value: 'change', label: 'Change an answer', synonyms: ['change', 'edit', 'no', 'wrong', 'fix', 'amend', 'change something', 'not right', 'update'] },
  { value: 'equality', label: 'Answer 5 optional questions about me first', synonyms: ['optional questions', 'answer the optional questions', 'answer optional questions', 'the questions about me', 'questions about me', 'equality', 'equality questions', 'answer questions', 'monitoring'] },
]

const ageChoices: BotChoice[] = [
  { value: 'under_18', label: 'Under 18', synonyms: ['child', 'under eighteen', 'teenager'] },
  { value: '18_24', label: '18 to 24' },
  { value: '25_34', label: '25 to 34' },
  { value: '35_49', label: '35 to 49' },
  { value: '50_64', label: '50 to 64' },
  { value: '65_79', label: '65 to 79' },
  { value: '80_plus', label: '80 or over', synonyms: ['80+', 'over 80', 'eighty or over'] },
  preferNotToSay,
]

const disabilityChoices: BotChoice[] = [
  { value: 'yes', label: 'Yes', synonyms: yesNo[0].synonyms },
  { value: 'no', label: 'No', synonyms: yesNo[1].synonyms },
  preferNotToSay,
]

const ethnicityChoices: BotChoice[] = [
  { value: 'asian', label: 'Asian or Asian British', synonyms: ['asian', 'indian', 'pakistani', 'bangladeshi', 'chinese'] },
  { value: 'black', label: 'Black, Black British, Caribbean or African', synonyms: ['black', 'african', 'caribbean', 'black british'] },
  { value: 'mixed', label: 'Mixed or multiple ethnic groups', synonyms: ['mixed', 'multiple', 'mixed race'] },
  { value: 'white', label: 'White', synonyms: ['white british', 'british', 'irish', 'english', 'welsh', 'scottish', 'gypsy', 'irish traveller', 'roma'] },
  { value: 'other', label: 'Another ethnic group', synonyms: ['other', 'arab', 'something else'] },
  preferNotToSay,
]

const sexChoices: BotChoice[] = [
  { value: 'female', label: 'Female', synonyms: ['woman', 'f', 'girl', 'lady'] },
  { value: 'male', label: 'Male', synonyms: ['man', 'm', 'boy'] },
  { value: 'other', label: 'Another way', synonyms: ['other', 'non binary', 'nonbinary', 'something else'] },
  preferNotToSay,
]

const religionChoices: BotChoice[] = [
  { value: 'none', label: 'No religion', synonyms: ['none', 'no', 'atheist', 'nothing', 'not religious'] },
  { value: 'christian', label: 'Christian', synonyms: ['christianity', 'church of england', 'catholic', 'c of e'] },
  { value: 'muslim', label: 'Muslim', synonyms: ['islam', 'moslem'] },
  { value: 'hindu', label: 'Hindu', synonyms: ['hinduism'] },
  { value: 'sikh', label: 'Sikh', synonyms: ['sikhism'] },
  { value: 'jewish', label: 'Jewish', synonyms: ['judaism', 'jew'] },
  { value: 'buddhist', label: 'Buddhist', synonyms: ['buddhism'] },
  { value: 'other', label: 'Another religion', synonyms: ['other', 'something else'] },
  preferNotToSay,
]

const summaryLabels = {
  role: 'Who you are',
  service: 'The service',
  when: 'When it happened',
  story: 'What happened',
  overall: 'Overall',
  desiredOutcome: 'What you would like to happen',
  contactMethod: 'How we contact you',
  contactDetail: 'Your contact details',
  replyFormat: 'How we write to you',
  consent: 'Share your words with the service',
}

export const standardWording: Wording = {
  welcome: [
    'Hello. We check that health and social care services are safe and good. Your words help us decide where to look. You can stay anonymous. If someone is in danger now, call 999. Say "easy read" for simpler words.',
  ],
  welcomeHeard: ['Thank you for telling us. You can stay anonymous. If someone is in danger now, call 999.'],
  easyReadOn: 'OK. I will use easy read. Say "standard" at any time to change back.',
  standardOn: 'OK. I will use standard English. Say "easy read" at any time to change.',
  askRole: 'Who are you?',
  roleChoices,
  staffReassurance: [
    'Thank you for speaking up. Staff who raise concerns are protected by law, under the Public Interest Disclosure Act 1998.',
    'We keep your identity confidential. You can stay anonymous if you want to.',
  ],
  askService: 'Which service is it about? Type its name, town or postcode.',
  serviceDidYouMean: 'Did you mean one of these?',
  serviceNoneOfThese: 'None of these',
  serviceNotFound: typed => `I could not find "${typed}" in our list. That is fine. I will keep the name as you typed it.`,
  serviceFound: name => `Thank you. I have noted ${name}.`,
  askWhen: 'When did it happen? For example, "last week", "in March" or "it is still happening".',
  askStory: 'Tell us what happened, in your own words. Say who it was about, which service, and when.',
  askStoryReplace: 'Tell us what happened again, in your own words. This replaces what you wrote before.',
  storyPlease: 'Please tell us what happened, in your own words.',
  storyAdded: 'Thank you. I have added that.',
  storyHuge: 'That is a long message. I have kept all of it.',
  heardIntro: 'Thank you. I have noted:',
  askHeardRight: 'Is that right? You can also tell me more.',
  heardWrong: 'OK. I will ask you instead.',
  keptAsStory: 'Thank you. I have kept what you wrote as part of your story.',
  askStoryChangeHow: 'Do you want to replace what you wrote, or add to it?',
  storyChangeChoices,
  askOverall: 'Overall, was your experience good, bad or mixed?',
  overallChoices,
  askDesiredOutcome: 'What would you like to happen? You can say "skip".',
  skipChoice: { value: 'skip', label: 'Skip', synonyms: ['skip', 'nothing', 'no', 'none', 'not sure', 'dont know', 'pass', 'n a'] },
  askContactMethod: 'Can we contact you about this? You can stay anonymous.',
  contactMethodChoices,
  askPhone: 'What is your mobile number? Or say "skip" to stay anonymous.',
  phoneNotValid: 'Sorry, that does not look like a UK phone number. It should look like 07700 900123. Or say "skip" to stay anonymous.',
  askEmail: 'What is your email address? Or say "skip" to stay anonymous.',
  emailNotValid: 'Sorry, that does not look like an email address. It should look like name@example.com. Or say "skip" to stay anonymous.',
  askReplyFormat: 'How would you like us to write to you?',
  replyFormatChoices,
  askLanguage: 'Which language would you like?',
  askConsent: ['We may share your words with the service, so they can improve. We remove names first. Can we share your words with the service?'],
  askConsentStaff: [
    'We may share your words with the service, so they can improve. We remove names first, but the service may still recognise you from what you wrote.',
    'Can we share your words with the service? If you say no, we still use them to check the service.',
  ],
  yesNoChoices: yesNo,
  equalityWhy: ['These 5 questions help us check that we hear from everyone, fairly. The answers are kept apart from your feedback and your name. You can skip any of them.'],
  askAge: 'How old are you?',
  ageChoices,
  askDisability: 'Do you have a disability or a long-term health condition?',
  disabilityChoices,
  askEthnicity: 'What is your ethnic group?',
  ethnicityChoices,
  askSex: 'What is your sex?',
  sexChoices,
  askReligion: 'What is your religion?',
  religionChoices,
  preferNotToSay,
  checkTitle: 'Check your answers',
  askCheck: 'Is this right? You can send it or change an answer.',
  checkChoices,
  askWhichChange: 'Which answer do you want to change?',
  submitted: reference => [
    `Thank you. We have your feedback. Your reference is ${reference}.`,
    'An inspector reads all feedback. If someone is at risk, we act straight away. You can send more here at any time, or ask "what happened to my feedback".',
  ],
  submitFailed: ['Sorry, something went wrong and your feedback is not sent yet. Your answers are saved.', 'Please try again: say "send".'],
  signposting: {
    'immediate-danger': ['If someone is in danger right now, call 999.'],
    'mental-health-crisis': ['If you or someone else is in crisis, call NHS 111 and choose option 2. Or call Samaritans free on 116 123, day or night.'],
    abuse: ['If someone is being abused or neglected, tell the local council\'s safeguarding team. If they are in danger right now, call 999.'],
  },
  notUnderstoodChoice: 'Sorry, I did not understand. You can type a number or a word.',
  notUnderstoodEmpty: 'Sorry, I did not get a message. Please type your answer.',
  help: [
    'I will ask you some short questions about your care. Answer in your own words.',
    'You can say: "back", "start again", "pause", "speak to a person", "easy read", "who do I complain to", "what happens to my information" or "what happened to my feedback".',
  ],
  privacy: [
    'We use what you tell us to check that care services are safe and good.',
    'We keep your contact details locked (encrypted). Only our staff can see your feedback. We remove names before we share your words with a service, and only if you say yes.',
    'You can stay anonymous. We only contact you if you ask us to.',
  ],
  stopped: ['OK. We have paused. I have kept what you told me.', 'To carry on later, just send a message. We will start where you left off.'],
  welcomeBack: 'Welcome back. Let us carry on where you left off.',
  confirmStartAgain: 'Do you want to start again? What you told me so far is kept safely.',
  startingAgain: 'OK. Let us start again.',
  notStartingAgain: 'OK. Let us carry on.',
  speakToPerson: (phone, email) => [`You can speak to a person on ${phone}. Or email ${email}.`],
  askCallback: 'Would you like us to phone you back?',
  askCallbackPhone: 'What number should we call? Or say "skip".',
  callbackRecorded: 'Thank you. Someone will phone you back.',
  noCallback: 'OK.',
  complaints: [
    'We cannot handle complaints for you. To complain, first use the service\'s own complaints process: ask them for it.',
    'If that does not put it right: for NHS care, the Parliamentary and Health Service Ombudsman (0345 015 4033). For social care or council care, the Local Government and Social Care Ombudsman (0300 061 0614).',
    'Free NHS complaints advocacy can help you complain: ask your local council for it. You can still tell us what happened here.',
  ],
  followUpAdded: reference => `Thank you. I have added this to your feedback ${reference}. An inspector will read it. If someone is in danger now, call 999. To tell us about something new, say "new feedback".`,
  afterSubmissionHelp: reference => [
    `Your feedback ${reference} is with us. Anything you send here is added to it.`,
    'You can say "what happened to my feedback", "who do I complain to", "speak to a person" or "new feedback".',
  ],
  askStatusReference: 'What is your reference? It looks like ABCDE-23456.',
  statusNotFound: 'Sorry, I could not find feedback with that reference. Please check it and try again.',
  statusIntro: (reference, status) => `Feedback ${reference}: ${status}`,
  cannotGoBack: 'This is the first question.',
  summaryLabels,
  notGiven: 'Not given',
  skipped: 'Skipped',
  anonymous: 'Anonymous',
}

export const easyReadWording: Wording = {
  ...standardWording,
  welcome: ['Hello.', 'We check care is safe and good.', 'You do not have to give your name.', 'If someone is in danger now, call 999.'],
  welcomeHeard: ['Thank you for telling us.', 'If someone is in danger now, call 999.'],
  easyReadOn: 'OK. I will use easy read. Say "standard" to change.',
  askRole: 'Who are you?',
  staffReassurance: ['Thank you for telling us.', 'The law protects you.', 'We keep your name secret.', 'You do not have to give your name.'],
  askService: 'What is the name of the place? You can type the town or postcode.',
  serviceDidYouMean: 'Is it one of these?',
  serviceNotFound: typed => `I did not find "${typed}". That is OK. I will write it down.`,
  serviceFound: name => `Thank you. It is ${name}.`,
  askWhen: 'When did it happen?',
  askStory: 'What happened? Use your own words.',
  askStoryReplace: 'What happened? This will replace what you wrote before.',
  storyPlease: 'Please tell us what happened.',
  storyAdded: 'Thank you. I wrote that down.',
  storyHuge: 'That is long. I kept it all.',
  heardIntro: 'Thank you. I wrote down:',
  askHeardRight: 'Is that right?',
  heardWrong: 'OK. I will ask you.',
  keptAsStory: 'Thank you. I kept what you wrote.',
  askStoryChangeHow: 'Do you want to write it again, or add to it?',
  askOverall: 'Was it good, bad or mixed?',
  askDesiredOutcome: 'What do you want to happen? Or say "skip".',
  askContactMethod: 'Can we talk to you about this?',
  askPhone: 'What is your phone number? Or say "skip".',
  phoneNotValid: 'Sorry. That is not a phone number. Try again. Or say "skip".',
  askEmail: 'What is your email? Or say "skip".',
  emailNotValid: 'Sorry. That is not an email. Try again. Or say "skip".',
  askReplyFormat: 'How should we write to you?',
  askLanguage: 'Which language?',
  askConsent: ['We may show your words to the place.', 'We take out names.', 'Is that OK?'],
  askConsentStaff: ['We may show your words to the place.', 'We take out names.', 'They may still know it was you.', 'Is that OK?'],
  equalityWhy: ['5 questions about you.', 'This helps us be fair.', 'We keep them apart from your name.', 'You can skip them.'],
  askAge: 'How old are you?',
  askDisability: 'Do you have a disability?',
  askEthnicity: 'What is your ethnic group?',
  askSex: 'What is your sex?',
  askReligion: 'What is your religion?',
  askCheck: 'Is this right?',
  askWhichChange: 'What do you want to change?',
  submitted: reference => [
    'Thank you.',
    `Your number is ${reference}.`,
    'Keep this number.',
    'We will read what you said.',
    'If someone is not safe, we act now.',
  ],
  followUpAdded: reference => `Thank you. I added this to ${reference}. We will read it. If someone is in danger now, call 999.`,
  notUnderstoodChoice: 'Sorry. I did not understand. Type a number or a word.',
  notUnderstoodEmpty: 'Sorry. I did not get a message.',
  submitFailed: ['Sorry. It did not send.', 'Your answers are safe.', 'Say "send" to try again.'],
  signposting: {
    'immediate-danger': ['Is someone in danger now?', 'Call 999.'],
    'mental-health-crisis': ['Do you need help now?', 'Call 111. Then press 2.', 'Or call Samaritans on 116 123.'],
    abuse: ['Is someone being hurt?', 'Tell the local council.', 'If they are in danger now, call 999.'],
  },
  help: ['I ask short questions.', 'Answer in your own words.', 'You can say "back", "pause" or "speak to a person".'],
  privacy: ['We use your words to check care.', 'We keep your details safe.', 'We take out names.', 'You do not have to give your name.'],
  stopped: ['OK. We paused.', 'I kept your answers.', 'Send a message to carry on.'],
  welcomeBack: 'Welcome back.',
  confirmStartAgain: 'Start again?',
  speakToPerson: (phone, email) => [`Phone us on ${phone}.`, `Or email ${email}.`],
  askCallback: 'Do you want us to phone you?',
  askCallbackPhone: 'What is your number? Or say "skip".',
  callbackRecorded: 'Thank you. We will phone you.',
  askStatusReference: 'What is your number? It looks like ABCDE-23456.',
  statusNotFound: 'Sorry. I cannot find that number.',
}

export function wordingFor(easyRead: boolean | undefined): Wording {
  return easyRead ? easyReadWording : standardWording
}
