import type { BotChoice, BotSummary } from '../../src/conversation/botMessage'
import { normaliseForMatching, recogniseChoice } from '../../src/conversation/choiceRecognition'
import type { ContactCipher } from '../../src/contact/contactEncryption'
import type { JourneyDependencies } from '../journeyDependencies'
import type { JourneyState } from '../../src/conversation/journeyState'
import { keepUnansweredWords, type Question } from '../question'
import { say } from '../sendBotMessage'
import { QuestionGroupDialog } from '../questionGroupDialog'
import type { Wording } from '../wording'

const storyShownUpTo = 120

interface SummaryRow {
  /** The question asked again when this row is changed. */
  questionId: string
  label: string
  value: string
  synonyms: string[]
}

function labelOf(choices: BotChoice[], value: string | undefined, fallback: string): string {
  return choices.find(choice => choice.value === value)?.label ?? fallback
}

export function summaryRows(journey: JourneyState, words: Wording, cipher: ContactCipher): SummaryRow[] {
  const { answers } = journey
  const labels = words.summaryLabels
  const story = answers.storyParts.join('\n\n')
  const rows: SummaryRow[] = [
    { questionId: 'role', label: labels.role, value: labelOf(words.roleChoices, answers.role, words.notGiven), synonyms: ['who', 'who i am', 'role', 'me'] },
    { questionId: 'service', label: labels.service, value: answers.service?.name ?? answers.serviceTyped ?? words.notGiven, synonyms: ['service', 'place', 'name', 'where', 'care home', 'provider'] },
    { questionId: 'when', label: labels.when, value: answers.when?.text ?? words.notGiven, synonyms: ['when', 'date', 'time'] },
    {
      questionId: 'storyChangeHow',
      label: labels.story,
      value: story.length > storyShownUpTo ? `${story.slice(0, storyShownUpTo)}... (all of it is kept)` : story || words.notGiven,
      synonyms: ['story', 'what happened', 'what i said', 'my words', 'happened'],
    },
    ...(answers.role === 'staff' ? [] : [{ questionId: 'overall', label: labels.overall, value: labelOf(words.overallChoices, answers.overall, words.notGiven), synonyms: ['overall', 'good bad mixed', 'experience'] }]),
    {
      questionId: 'desiredOutcome',
      label: labels.desiredOutcome,
      value: answers.desiredOutcome === null ? words.skipped : (answers.desiredOutcome ?? words.notGiven),
      synonyms: ['what i want', 'outcome', 'what i would like', 'like to happen'],
    },
    { questionId: 'contactMethod', label: labels.contactMethod, value: labelOf(words.contactMethodChoices, answers.contactMethod, words.notGiven), synonyms: ['contact', 'how you contact me', 'contact method'] },
  ]
  if (answers.sealedContact && (answers.contactMethod === 'sms' || answers.contactMethod === 'phone' || answers.contactMethod === 'email')) {
    const details = cipher.decrypt<{ phone?: string; email?: string }>(answers.sealedContact)
    rows.push({
      questionId: answers.contactMethod === 'email' ? 'contactEmail' : 'contactPhone',
      label: labels.contactDetail,
      value: details.email ?? details.phone ?? words.notGiven,
      synonyms: ['number', 'phone number', 'email', 'email address', 'details', 'my details', 'contact details'],
    })
  }
  if (answers.contactMethod && answers.contactMethod !== 'anonymous') {
    const format = labelOf(words.replyFormatChoices, answers.replyFormat, words.notGiven)
    rows.push({
      questionId: 'replyFormat',
      label: labels.replyFormat,
      value: answers.replyFormat === 'other_language' && answers.language ? `${format}: ${answers.language}` : format,
      synonyms: ['format', 'language', 'how you write'],
    })
  }
  rows.push({
    questionId: 'consent',
    label: labels.consent,
    value: answers.consentToShare === undefined ? words.notGiven : answers.consentToShare ? 'Yes' : 'No',
    synonyms: ['consent', 'share', 'sharing'],
  })
  return rows
}

function summaryOf(journey: JourneyState, words: Wording, cipher: ContactCipher): BotSummary {
  return { title: words.checkTitle, rows: summaryRows(journey, words, cipher).map(row => ({ label: row.label, value: row.value })) }
}

function rowChoices(journey: JourneyState, words: Wording, cipher: ContactCipher): BotChoice[] {
  return summaryRows(journey, words, cipher).map(row => ({ value: row.questionId, label: row.label, synonyms: row.synonyms }))
}

/** The summary: send it, or change any answer by number or name and come back here. */
export class CheckAnswersDialog extends QuestionGroupDialog {
  static readonly id = 'checkAnswers'

  constructor(deps: JourneyDependencies) {
    const cipher = deps.services.contactCipher
    const checkQuestion: Question = {
      id: 'checkAnswers',
      ask: (journey, words) => [{ text: words.askCheck, summary: summaryOf(journey, words, cipher), choices: words.checkChoices }],
      choices: words => words.checkChoices,
      answer: turn => {
        const { text, journey, words } = turn
        // "change 3" or "change when" in one message.
        const changeWhat = normaliseForMatching(text).match(/^(?:change|edit|fix|amend)\s+(?:my\s+|the\s+)?(.+)$/)
        if (changeWhat) {
          const row = recogniseChoice(changeWhat[1], rowChoices(journey, words, cipher))
          if (row) return { kind: 'end', result: { change: row.value } }
        }
        const choice = recogniseChoice(text, words.checkChoices)
        if (choice?.value === 'submit') return { kind: 'end', result: { submit: true } }
        if (choice?.value === 'change') return { kind: 'next' }
        if (choice?.value === 'equality') {
          journey.answers.equalityWanted = true
          return { kind: 'end', result: { change: 'ageBand' }, say: say(words.equalityWhy) }
        }
        // A command we could not read ("send it now but..."): asked again, never added to their story.
        if (/\b(?:send|submit|change|edit)\b/.test(normaliseForMatching(text))) return { kind: 'retry', say: [{ text: words.notUnderstoodChoice }] }
        return keepUnansweredWords(turn)
      },
    }
    const whichQuestion: Question = {
      id: 'changeWhich',
      ask: (journey, words) => [{ text: words.askWhichChange, choices: rowChoices(journey, words, cipher) }],
      choices: (words, journey) => rowChoices(journey, words, cipher),
      answer: ({ text, journey, words }) => {
        const row = recogniseChoice(text.replace(/^\s*(change|edit)\s+/i, ''), rowChoices(journey, words, cipher))
        if (!row) return { kind: 'retry', say: [{ text: words.notUnderstoodChoice }] }
        return { kind: 'end', result: { change: row.value } }
      },
    }
    super(CheckAnswersDialog.id, [checkQuestion, whichQuestion], deps)
  }
}
