import { normaliseForMatching } from '../../src/conversation/choiceRecognition'
import type { JourneyDependencies } from '../journeyDependencies'
import type { StepOutcome } from '../../src/conversation/journeyState'
import { type AnswerTurn, choiceQuestion, type Question } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import { say } from '../sendBotMessage'
import { normaliseEmail, normaliseUkPhone } from '../understanding'

const skipWords = /^(skip|no|none|anonymous|stay anonymous|no thanks|i dont want to|rather not|prefer not to say)$/

function skipToAnonymous(turn: AnswerTurn): StepOutcome | undefined {
  if (!skipWords.test(normaliseForMatching(turn.text))) return undefined
  turn.journey.answers.contactMethod = 'anonymous'
  turn.journey.answers.sealedContact = undefined
  return { kind: 'next' }
}

const phoneQuestion: Question = {
  id: 'contactPhone',
  applies: journey => journey.answers.contactMethod === 'sms' || journey.answers.contactMethod === 'phone',
  ask: (_journey, words) => [{ text: words.askPhone, choices: [words.skipChoice] }],
  answer: turn => {
    const skipped = skipToAnonymous(turn)
    if (skipped) return skipped
    const phone = normaliseUkPhone(turn.text, turn.journey.answers.contactMethod === 'sms')
    if (!phone) return { kind: 'stay', say: [{ text: turn.words.phoneNotValid, choices: [turn.words.skipChoice] }] }
    turn.journey.answers.sealedContact = turn.deps.services.contactCipher.encrypt({ phone })
    return { kind: 'next' }
  },
}

const emailQuestion: Question = {
  id: 'contactEmail',
  applies: journey => journey.answers.contactMethod === 'email',
  ask: (_journey, words) => [{ text: words.askEmail, choices: [words.skipChoice] }],
  answer: turn => {
    const skipped = skipToAnonymous(turn)
    if (skipped) return skipped
    const email = normaliseEmail(turn.text)
    if (!email) return { kind: 'stay', say: [{ text: turn.words.emailNotValid, choices: [turn.words.skipChoice] }] }
    turn.journey.answers.sealedContact = turn.deps.services.contactCipher.encrypt({ email })
    return { kind: 'next' }
  },
}

const languageQuestion: Question = {
  id: 'replyLanguage',
  applies: journey => journey.answers.replyFormat === 'other_language',
  ask: (_journey, words) => say(words.askLanguage),
  answer: ({ text, journey }) => {
    journey.answers.language = text.trim().slice(0, 100)
    return { kind: 'next' }
  },
}

/** How (and whether) we contact them, in what format, and their consent to share their words. */
export class ContactDialog extends QuestionGroupDialog {
  static readonly id = 'contact'

  constructor(deps: JourneyDependencies) {
    super(
      ContactDialog.id,
      [
        choiceQuestion({
          id: 'contactMethod',
          text: words => words.askContactMethod,
          choices: words => words.contactMethodChoices,
          apply: (choice, { journey }) => {
            if (journey.answers.contactMethod !== choice.value) journey.answers.sealedContact = undefined
            journey.answers.contactMethod = choice.value
            // Written to as they read now (easy read or not); they can change it at the summary.
            if (choice.value !== 'anonymous') journey.answers.replyFormat ??= journey.easyRead ? 'easy_read' : 'standard'
          },
          followUps: ['contactPhone', 'contactEmail', 'replyFormat', 'replyLanguage'],
        }),
        phoneQuestion,
        emailQuestion,
        choiceQuestion({
          id: 'replyFormat',
          // Only asked when they change it from the summary: we do not ask what we can reasonably assume.
          applies: () => false,
          text: words => words.askReplyFormat,
          choices: words => words.replyFormatChoices,
          apply: (choice, { journey }) => {
            journey.answers.replyFormat = choice.value
          },
          followUps: ['replyLanguage'],
        }),
        languageQuestion,
        choiceQuestion({
          id: 'consent',
          // Staff are told, before they agree, that the service may recognise them from what they wrote.
          text: (words, journey) => (journey.answers.role === 'staff' ? words.askConsentStaff : words.askConsent),
          choices: words => words.yesNoChoices,
          apply: (choice, { journey }) => {
            journey.answers.consentToShare = choice.value === 'yes'
          },
        }),
      ],
      deps,
    )
  }
}
