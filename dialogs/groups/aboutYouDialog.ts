import type { JourneyDependencies } from '../journeyDependencies'
import { choiceQuestion } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import { say } from '../sendBotMessage'

/** Who the person is, unless their own account already said so (staff get the whistleblowing reassurance). */
export class AboutYouDialog extends QuestionGroupDialog {
  static readonly id = 'aboutYou'

  constructor(deps: JourneyDependencies) {
    super(
      AboutYouDialog.id,
      [
        choiceQuestion({
          id: 'role',
          known: journey => !!journey.answers.role,
          text: words => words.askRole,
          choices: words => words.roleChoices,
          apply: (choice, { journey, words }) => {
            journey.answers.role = choice.value
            if (choice.value === 'staff') journey.answers.overall = undefined
            return { kind: 'next', say: choice.value === 'staff' ? say(words.staffReassurance) : undefined }
          },
        }),
      ],
      deps,
    )
  }
}
