import { normaliseForMatching, recogniseChoice } from '../../src/bot/choiceRecognition'
import type { JourneyDependencies } from '../journeyDependencies'
import { choiceQuestion, type Question } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import { say } from '../sendBotMessage'
import { normaliseWhen } from '../understanding'

const longMessage = 2000

const whenQuestion: Question = {
  id: 'when',
  ask: (_journey, words) => say(words.askWhen),
  answer: ({ text, journey, deps }) => {
    journey.answers.when = { text: text.trim(), normalised: normaliseWhen(text, deps.services.clock.now()) }
    return { kind: 'next' }
  },
}

/** The story: as many messages as they like, kept whole, until they say they are done. */
const storyQuestion: Question = {
  id: 'story',
  ask: (_journey, words) => say(words.askStory),
  answer: ({ text, journey, words }) => {
    journey.answers.storyParts.push(text)
    return { kind: 'next', say: text.length > longMessage ? say(words.storyHuge) : undefined }
  },
  followUps: ['storyMore'],
}

const storyMoreQuestion: Question = {
  id: 'storyMore',
  ask: (_journey, words) => [{ text: words.askStoryMore, choices: words.storyDoneChoices }],
  choices: words => words.storyDoneChoices,
  answer: ({ text, journey, words }) => {
    // Only a short reply can be "done" or "add more"; anything longer is more of the story.
    const short = normaliseForMatching(text).split(' ').length <= 4
    const choice = short ? recogniseChoice(text, words.storyDoneChoices) : undefined
    if (choice?.value === 'done') return { kind: 'next' }
    if (choice?.value === 'more') return { kind: 'stay', say: say(words.storyKeepGoing) }
    journey.answers.storyParts.push(text)
    return {
      kind: 'stay',
      say: [...say(text.length > longMessage ? [words.storyHuge] : [words.storyAdded]), { text: words.askStoryMore, choices: words.storyDoneChoices }],
    }
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

export class ExperienceDialog extends QuestionGroupDialog {
  static readonly id = 'experience'

  constructor(deps: JourneyDependencies) {
    super(
      ExperienceDialog.id,
      [
        whenQuestion,
        storyQuestion,
        storyMoreQuestion,
        choiceQuestion({
          id: 'overall',
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
