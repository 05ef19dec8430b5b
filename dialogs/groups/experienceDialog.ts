import { normaliseForMatching, recogniseChoice } from '../../src/conversation/choiceRecognition'
import type { JourneyDependencies } from '../journeyDependencies'
import { whenHeardIn } from '../listening'
import { choiceQuestion, keepUnansweredWords, looksLikeStory, type Question } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import { say } from '../sendBotMessage'
import { normaliseWhen } from '../../src/feedback/whenItHappened'

/** When it happened, unless their account said so. A sentence is read for the time in it and kept as story. */
const whenQuestion: Question = {
  id: 'when',
  known: journey => !!journey.answers.when,
  ask: (_journey, words) => say(words.askWhen),
  answer: turn => {
    const { text, journey, deps } = turn
    const now = deps.services.clock.now()
    if (text.trim().split(/\s+/).length > 6 && looksLikeStory(text)) {
      const heard = whenHeardIn(text, now)
      if (!heard) return keepUnansweredWords(turn)
      journey.answers.storyParts.push(text.trim())
      journey.answers.when = heard
      return { kind: 'next' }
    }
    journey.answers.when = { text: text.trim(), normalised: normaliseWhen(text, now) }
    return { kind: 'next' }
  },
}

const desiredOutcomeQuestion: Question = {
  id: 'desiredOutcome',
  ask: (_journey, words) => [{ text: words.askDesiredOutcome, choices: [words.skipChoice] }],
  choices: words => [words.skipChoice],
  answer: ({ text, journey, words }) => {
    const skipped = normaliseForMatching(text).split(' ').length <= 3 && recogniseChoice(text, [words.skipChoice])
    journey.answers.desiredOutcome = skipped ? null : text.trim()
    return { kind: 'next' }
  },
}

/** When, how it was overall (not asked of staff: it was not their care), and what they would like to happen. */
export class ExperienceDialog extends QuestionGroupDialog {
  static readonly id = 'experience'

  constructor(deps: JourneyDependencies) {
    super(
      ExperienceDialog.id,
      [
        whenQuestion,
        choiceQuestion({
          id: 'overall',
          applies: journey => journey.answers.role !== 'staff',
          text: words => words.askOverall,
          choices: words => words.overallChoices,
          apply: (choice, { journey }) => {
            journey.answers.overall = choice.value
          },
        }),
        desiredOutcomeQuestion,
      ],
      deps,
    )
  }
}
