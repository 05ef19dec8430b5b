import { ComponentDialog, Dialog, type DialogContext, DialogReason, type DialogTurnResult } from 'botbuilder-dialogs'
import { AboutYouDialog } from './groups/aboutYouDialog'
import { CheckAnswersDialog } from './groups/checkAnswersDialog'
import { ContactDialog } from './groups/contactDialog'
import { EqualityDialog } from './groups/equalityDialog'
import { ExperienceDialog } from './groups/experienceDialog'
import { ServiceDialog } from './groups/serviceDialog'
import { StoryDialog } from './groups/storyDialog'
import type { JourneyDependencies } from './journeyDependencies'
import type { GroupResult } from '../src/conversation/journeyState'
import type { QuestionGroupDialog } from './questionGroupDialog'
import { say } from './sendBotMessage'
import { wordingFor } from './wording'

export interface MainDialogOptions {
  /** Started again on request: skip the welcome. */
  restart?: boolean
  /** The first message already tells us what happened: thank them and read it as their account. */
  opening?: boolean
}

interface JourneyRunState {
  group: number
  returnToCheck?: boolean
}

/** Runs the step groups in order and handles what they end with: back, change an answer, submit. */
class JourneyRunnerDialog extends Dialog<MainDialogOptions> {
  constructor(
    private readonly groups: QuestionGroupDialog[],
    private readonly deps: JourneyDependencies,
  ) {
    super('journeyRunner')
  }

  private get checkIndex(): number {
    return this.groups.findIndex(group => group.id === CheckAnswersDialog.id)
  }

  override async beginDialog(dc: DialogContext, options?: MainDialogOptions): Promise<DialogTurnResult> {
    const journey = await this.deps.journey(dc.context)
    const words = wordingFor(journey.easyRead, journey.language)
    await this.deps.say(dc.context, say(options?.restart ? [words.startingAgain] : options?.opening ? words.welcomeHeard : words.welcome))
    dc.activeDialog!.state.run = { group: 0 } satisfies JourneyRunState
    return dc.beginDialog(this.groups[0].id, options?.opening ? { answerNow: true } : undefined)
  }

  override async resumeDialog(dc: DialogContext, _reason: DialogReason, result?: GroupResult): Promise<DialogTurnResult> {
    const run = dc.activeDialog!.state.run as JourneyRunState
    if (result?.submit) return this.submit(dc)
    if (result?.change) {
      const group = this.groups.findIndex(candidate => candidate.hasQuestion(result.change!))
      if (group >= 0) {
        run.group = group
        run.returnToCheck = true
        return dc.beginDialog(this.groups[group].id, { only: result.change })
      }
    }
    if (result?.back && !run.returnToCheck) {
      if (run.group === 0) {
        await this.deps.say(dc.context, say((await this.deps.words(dc.context)).cannotGoBack))
        return dc.beginDialog(this.groups[0].id)
      }
      run.group -= 1
      return dc.beginDialog(this.groups[run.group].id, { startAt: 'last' })
    }
    run.group = run.returnToCheck ? this.checkIndex : run.group + 1
    run.returnToCheck = false
    return dc.beginDialog(this.groups[run.group].id)
  }

  private async submit(dc: DialogContext): Promise<DialogTurnResult> {
    const { context } = dc
    const journey = await this.deps.journey(context)
    const words = wordingFor(journey.easyRead, journey.language)
    await this.deps.saveDraft(context)
    try {
      await this.deps.submit(context, journey.reference)
    } catch (error) {
      // Classification or routing hooks may fail after the record is safely received; that is recovered later.
      this.deps.services.logger.error({ err: error, reference: journey.reference }, 'feedback submission did not finish')
      if (!(await this.deps.services.feedbackStatus.publicStatusOf(journey.reference))) {
        await this.deps.say(context, say(words.submitFailed))
        return dc.beginDialog(CheckAnswersDialog.id)
      }
    }
    await this.deps.equality.record(journey.answers.equality, this.deps.services.clock.now(), context.activity.channelId)
    journey.answers.equality = {}
    journey.submitted = true
    await this.deps.say(context, say(words.submitted(journey.reference)))
    return dc.endDialog({ submitted: journey.reference })
  }
}

/**
 * The whole feedback conversation: welcome and their own account first, then only what it did not tell us,
 * then check answers and submit.
 */
export class MainDialog extends ComponentDialog {
  static readonly id = 'feedbackJourney'

  constructor(deps: JourneyDependencies) {
    super(MainDialog.id)
    const groups = [
      new StoryDialog(deps),
      new AboutYouDialog(deps),
      new ServiceDialog(deps),
      new ExperienceDialog(deps),
      new ContactDialog(deps),
      new EqualityDialog(deps),
      new CheckAnswersDialog(deps),
    ]
    const runner = new JourneyRunnerDialog(groups, deps)
    this.addDialog(runner)
    for (const group of groups) this.addDialog(group)
    this.initialDialogId = runner.id
  }
}
