import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs'
import { InterruptibleDialog } from './interruptibleDialog'
import type { JourneyDependencies } from './journeyDependencies'
import { type Question, QuestionStepsDialog, type StepsOptions } from './question'

/** A step group (about you, the service, your experience, …): a table of questions with every interruption. */
export class QuestionGroupDialog extends InterruptibleDialog {
  private readonly steps: QuestionStepsDialog

  constructor(dialogId: string, questions: Question[], deps: JourneyDependencies) {
    super(dialogId, deps)
    this.steps = new QuestionStepsDialog(`${dialogId}.steps`, questions, deps)
    this.addDialog(this.steps)
    this.initialDialogId = this.steps.id
  }

  hasQuestion(questionId: string): boolean {
    return this.steps.questions.some(question => question.id === questionId)
  }

  protected override onBeginDialog(innerDc: DialogContext, options?: StepsOptions): Promise<DialogTurnResult> {
    return innerDc.beginDialog(this.steps.id, options)
  }

  protected currentQuestion(innerDc: DialogContext): Question | undefined {
    const active = innerDc.activeDialog
    return active?.id === this.steps.id ? this.steps.currentQuestion(active) : undefined
  }

  protected goBack(innerDc: DialogContext): Promise<boolean> {
    return innerDc.activeDialog?.id === this.steps.id ? this.steps.back(innerDc) : Promise.resolve(false)
  }
}
