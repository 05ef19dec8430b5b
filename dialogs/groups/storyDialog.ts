import { normaliseForMatching, recogniseChoice } from '../../src/conversation/choiceRecognition'
import type { BotChoice } from '../../src/conversation/botMessage'
import type { JourneyDependencies } from '../journeyDependencies'
import type { JourneyState, StepOutcome } from '../../src/conversation/journeyState'
import { roleHeardIn, servicePhrasesIn, whenHeardIn } from '../listening'
import { type AnswerTurn, choiceQuestion, keepUnansweredWords, looksLikeStory, type Question } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import { say } from '../sendBotMessage'
import type { Wording } from '../wording'

const longMessage = 2000

/** "send", "done", "that's all": commands, never part of the story. */
const finishedWords = /^(?:send|send it|submit|done|im done|i am done|all done|finished|thats all|that is all|thats it|that is it|nothing else|no more|no|nope|nothing|end|ok|okay)$/

export function isFinishedCommand(text: string): boolean {
  return finishedWords.test(normaliseForMatching(text))
}

/**
 * Reads who, which service and when from everything they have told us so far, filling only what is still
 * unknown, and remembers which facts were heard rather than answered, so they are shown back to confirm.
 */
export async function listenForFacts(turn: AnswerTurn): Promise<void> {
  const { answers } = turn.journey
  const story = answers.storyParts.join('\n')
  const heard = (answers.heard ??= {})
  if (!answers.role) {
    const role = roleHeardIn(story)
    if (role) {
      answers.role = role
      heard.role = true
    }
  }
  if (!answers.service && !answers.serviceCandidates?.length) {
    for (const phrase of servicePhrasesIn(story)) {
      const matches = await turn.deps.directory.search(phrase)
      if (!matches.length) continue
      answers.serviceTyped = phrase
      if (matches.length === 1) answers.service = { ...matches[0], typed: phrase, matchedFromDirectory: true }
      else answers.serviceCandidates = matches.map(match => ({ ...match, typed: phrase, matchedFromDirectory: true }))
      heard.service = true
      break
    }
  }
  if (!answers.when) {
    const when = whenHeardIn(story, turn.deps.services.clock.now())
    if (when) {
      answers.when = when
      heard.when = true
    }
  }
}

function hasHeardFacts(journey: JourneyState): boolean {
  const { answers } = journey
  const heard = answers.heard ?? {}
  return !heard.confirmed && ((!!heard.role && !!answers.role) || (!!heard.service && !!answers.service) || (!!heard.when && !!answers.when))
}

function heardLines(journey: JourneyState, words: Wording): string[] {
  const { answers } = journey
  const heard = answers.heard ?? {}
  const lines: string[] = []
  if (heard.role && answers.role) lines.push(`- ${words.summaryLabels.role}: ${words.roleChoices.find(choice => choice.value === answers.role)?.label ?? answers.role}`)
  if (heard.service && answers.service) lines.push(`- ${words.summaryLabels.service}: ${[answers.service.name, answers.service.postcode].filter(Boolean).join(', ')}`)
  if (heard.when && answers.when) lines.push(`- ${words.summaryLabels.when}: ${answers.when.text}`)
  return lines
}

function addToStory(turn: AnswerTurn): void {
  const text = turn.text.trim()
  if (turn.journey.answers.storyReplacing) {
    turn.journey.answers.storyParts = []
    turn.journey.answers.storyReplacing = false
  }
  turn.journey.answers.storyParts.push(text)
}

/** The person's own account, first: as many messages as they like, kept whole. */
const storyQuestion: Question = {
  id: 'story',
  ask: (journey, words) => say(journey.answers.storyReplacing ? words.askStoryReplace : words.askStory),
  answer: async turn => {
    const { text, journey, words } = turn
    if (isFinishedCommand(text) || /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))$/.test(normaliseForMatching(text))) {
      // Nothing to add when changing it: keep what they wrote before.
      if (journey.answers.storyParts.length) {
        journey.answers.storyReplacing = false
        return { kind: 'next' }
      }
      return { kind: 'retry', say: say(words.storyPlease) }
    }
    addToStory(turn)
    await listenForFacts(turn)
    return { kind: 'next', say: text.length > longMessage ? say(words.storyHuge) : undefined }
  },
  followUps: [],
}

function checkChoices(words: Wording): BotChoice[] {
  return [
    { ...words.yesNoChoices[0], synonyms: [...(words.yesNoChoices[0].synonyms ?? []), 'thats right', 'correct', 'right', 'yes thats right', 'done', 'thats all', 'thats it', 'all correct'] },
    { ...words.yesNoChoices[1], synonyms: [...(words.yesNoChoices[1].synonyms ?? []), 'wrong', 'not right', 'change', 'thats wrong', 'incorrect'] },
  ]
}

/** What we heard, shown back: confirm it, correct it, or simply tell us more. */
const storyCheckQuestion: Question = {
  id: 'storyCheck',
  applies: hasHeardFacts,
  ask: (journey, words) => {
    const lines = heardLines(journey, words)
    return [{ text: [words.heardIntro, ...lines, words.askHeardRight].join('\n'), choices: checkChoices(words) }]
  },
  choices: words => checkChoices(words),
  answer: async (turn): Promise<StepOutcome> => {
    const { journey, words } = turn
    const { answers } = journey
    const choice = normaliseForMatching(turn.text).split(' ').length <= 6 ? recogniseChoice(turn.text, checkChoices(words)) : undefined
    if (choice?.value === 'yes') {
      answers.heard = { ...answers.heard, confirmed: true }
      return { kind: 'next', say: answers.role === 'staff' ? say(words.staffReassurance) : undefined }
    }
    if (choice?.value === 'no') {
      // Ask each of them properly instead; what they typed stays in the story.
      const heard = answers.heard ?? {}
      if (heard.role) answers.role = undefined
      if (heard.service) {
        answers.service = undefined
        answers.serviceCandidates = undefined
        answers.serviceTyped = undefined
      }
      if (heard.when) answers.when = undefined
      answers.heard = { confirmed: true }
      return { kind: 'next', say: say(words.heardWrong) }
    }
    if (isFinishedCommand(turn.text)) return { kind: 'retry', say: [] }
    // A short reply that is neither yes nor no is asked about again; a sentence is more of their story.
    if (!looksLikeStory(turn.text)) return keepUnansweredWords(turn)
    addToStory(turn)
    await listenForFacts(turn)
    return { kind: 'retry', say: say(words.storyAdded) }
  },
}

const storyChangeHowQuestion = choiceQuestion({
  id: 'storyChangeHow',
  applies: () => false,
  text: words => words.askStoryChangeHow,
  choices: words => words.storyChangeChoices,
  apply: (choice, { journey }) => {
    journey.answers.storyReplacing = choice.value === 'replace'
  },
  followUps: ['story'],
})

/** The person's own account comes first; what it already tells us is confirmed rather than asked again. */
export class StoryDialog extends QuestionGroupDialog {
  static readonly id = 'story'

  constructor(deps: JourneyDependencies) {
    super(StoryDialog.id, [storyChangeHowQuestion, storyQuestion, storyCheckQuestion], deps)
  }
}
