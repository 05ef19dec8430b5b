import type { BotChoice } from '../../src/bot/botMessage'
import type { EqualityAnswers, JourneyState } from '../journeyState'
import type { JourneyDependencies } from '../journeyDependencies'
import { choiceQuestion, type Question } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import type { Wording } from '../wording'

function equalityQuestion(id: keyof EqualityAnswers, text: (words: Wording) => string, choices: (words: Wording) => BotChoice[]): Question {
  return choiceQuestion({
    id,
    applies: (journey: JourneyState) => journey.answers.equalityWanted === true,
    text,
    choices,
    apply: (choice, { journey }) => {
      journey.answers.equality[id] = choice.value
    },
  })
}

/** Optional monitoring questions, said plainly why; every one skippable; kept apart from identity. */
export class EqualityDialog extends QuestionGroupDialog {
  static readonly id = 'equality'

  constructor(deps: JourneyDependencies) {
    super(
      EqualityDialog.id,
      [
        choiceQuestion({
          id: 'equalityOffer',
          text: words => [...words.equalityWhy, words.askEqualityOffer],
          choices: words => [words.yesNoChoices[0], { ...words.yesNoChoices[1], synonyms: [...(words.yesNoChoices[1].synonyms ?? []), 'skip', 'prefer not to say', 'rather not'] }],
          apply: (choice, { journey }) => {
            journey.answers.equalityWanted = choice.value === 'yes'
          },
          followUps: ['ageBand', 'disability', 'ethnicity', 'sex', 'religion'],
        }),
        equalityQuestion('ageBand', words => words.askAge, words => words.ageChoices),
        equalityQuestion('disability', words => words.askDisability, words => words.disabilityChoices),
        equalityQuestion('ethnicity', words => words.askEthnicity, words => words.ethnicityChoices),
        equalityQuestion('sex', words => words.askSex, words => words.sexChoices),
        equalityQuestion('religion', words => words.askReligion, words => words.religionChoices),
      ],
      deps,
    )
  }
}
