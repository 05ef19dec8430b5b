import type { BotChoice } from '../../src/conversation/botMessage'
import type { EqualityAnswers, JourneyState } from '../../src/conversation/journeyState'
import type { JourneyDependencies } from '../journeyDependencies'
import { choiceQuestion, type Question } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import type { Wording } from '../wording'

function equalityQuestion(id: keyof EqualityAnswers, text: (words: Wording) => string, choices: (words: Wording) => BotChoice[], followUps: string[] = []): Question {
  return choiceQuestion({
    id,
    applies: (journey: JourneyState) => journey.answers.equalityWanted === true,
    text,
    choices,
    followUps,
    apply: (choice, { journey }) => {
      journey.answers.equality[id] = choice.value
    },
  })
}

/**
 * Optional monitoring questions, offered in one line of the summary and said plainly why; every one skippable;
 * kept apart from identity. Only asked when the person chooses to answer them.
 */
export class EqualityDialog extends QuestionGroupDialog {
  static readonly id = 'equality'

  constructor(deps: JourneyDependencies) {
    super(
      EqualityDialog.id,
      [
        equalityQuestion('ageBand', words => words.askAge, words => words.ageChoices, ['disability', 'ethnicity', 'sex', 'religion']),
        equalityQuestion('disability', words => words.askDisability, words => words.disabilityChoices),
        equalityQuestion('ethnicity', words => words.askEthnicity, words => words.ethnicityChoices),
        equalityQuestion('sex', words => words.askSex, words => words.sexChoices),
        equalityQuestion('religion', words => words.askReligion, words => words.religionChoices),
      ],
      deps,
    )
  }
}
