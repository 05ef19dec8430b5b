import type { JourneyDependencies } from '../journeyDependencies'
import { choiceQuestion } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import { say } from '../sendBotMessage'
import { wordingFor } from '../wording'

/** Easy read or not, then who the person is (staff get the whistleblowing reassurance). */
export class AboutYouDialog extends QuestionGroupDialog {
  static readonly id = 'aboutYou'

  constructor(deps: JourneyDependencies) {
    super(
      AboutYouDialog.id,
      [
        choiceQuestion({
          id: 'easyRead',
          text: words => words.askEasyRead,
          choices: words => words.yesNoChoices,
          apply: (choice, { journey }) => {
            journey.easyRead = choice.value === 'yes'
            return { kind: 'next', say: journey.easyRead ? say(wordingFor(true).easyReadOn) : undefined }
          },
        }),
        choiceQuestion({
          id: 'role',
          text: words => words.askRole,
          choices: words => words.roleChoices,
          apply: (choice, { journey, words }) => {
            journey.answers.role = choice.value
            return { kind: 'next', say: choice.value === 'staff' ? say(words.staffReassurance) : undefined }
          },
        }),
      ],
      deps,
    )
  }
}
