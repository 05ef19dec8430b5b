import { ComponentDialog, type DialogContext, type DialogTurnResult, Dialog } from 'botbuilder-dialogs'
import { normaliseForMatching, recogniseChoice } from '../src/conversation/choiceRecognition'
import { findFeedbackReferenceIn, normaliseFeedbackReference } from '../src/feedback/feedbackReference'
import type { JourneyDependencies } from './journeyDependencies'
import type { JourneyState } from '../src/conversation/journeyState'
import type { Question } from './question'
import { type Interruption, normaliseUkPhone, recogniseInterruption } from './understanding'
import { type Wording, wordingFor } from './wording'

const greetings = /^(hi|hello|hey|hiya|yo|morning|good morning|good afternoon|good evening|im back|i am back|back again|continue|carry on|resume|ok|okay)$/

/**
 * The base of every step group (like CancelAndHelpDialog in BotBuilder-Samples 13.core-bot): handles the
 * things a person can say at any step (help, back, start again, pause, speak to a person, who do I complain to,
 * what happens to my information, what happened to my feedback, easy read or standard) and then carries on.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    dialogId: string,
    protected readonly deps: JourneyDependencies,
  ) {
    super(dialogId)
  }

  /** The question being asked now, if any. */
  protected abstract currentQuestion(innerDc: DialogContext): Question | undefined
  /** Goes back one question inside this group; false when already at the group's first. */
  protected abstract goBack(innerDc: DialogContext): Promise<boolean>

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const context = innerDc.context
    const text = context.activity.text ?? ''
    const journey = await this.deps.journey(context)
    if (journey.pending) return this.continuePending(innerDc, journey, text)
    if (journey.paused) {
      journey.paused = false
      if (!text.trim() || greetings.test(normaliseForMatching(text))) {
        await this.deps.say(context, [{ text: wordingFor(journey.easyRead).welcomeBack }])
        return this.askAgain(innerDc)
      }
    }
    const interruption = recogniseInterruption(text)
    if (interruption && !this.answersCurrentChoice(innerDc, journey, text)) return this.interrupt(innerDc, interruption, text, journey)
    return super.onContinueDialog(innerDc)
  }

  /** "Easy read" is an answer, not a command, when the question offers it as a choice. */
  private answersCurrentChoice(innerDc: DialogContext, journey: JourneyState, text: string): boolean {
    const choices = this.currentQuestion(innerDc)?.choices?.(wordingFor(journey.easyRead), journey) ?? []
    const typed = normaliseForMatching(text)
    return choices.some(choice => [choice.label, ...(choice.synonyms ?? [])].some(phrase => normaliseForMatching(phrase) === typed))
  }

  private async askAgain(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.repromptDialog()
    return Dialog.EndOfTurn
  }

  private async interrupt(innerDc: DialogContext, interruption: Interruption, text: string, journey: JourneyState): Promise<DialogTurnResult> {
    const context = innerDc.context
    const words = wordingFor(journey.easyRead)
    const say = (lines: string[]) => this.deps.say(context, lines.map(line => ({ text: line })))
    switch (interruption) {
      case 'help':
        await say(words.help)
        return this.askAgain(innerDc)
      case 'privacy':
        await say(words.privacy)
        return this.askAgain(innerDc)
      case 'complain':
        await say(words.complaints)
        return this.askAgain(innerDc)
      case 'easyRead':
      case 'standard':
        journey.easyRead = interruption === 'easyRead'
        await this.deps.saveDraft(context)
        await say([wordingFor(journey.easyRead)[journey.easyRead ? 'easyReadOn' : 'standardOn']])
        return this.askAgain(innerDc)
      case 'back':
        if (await this.goBack(innerDc)) return Dialog.EndOfTurn
        return innerDc.endDialog({ back: true })
      case 'startAgain':
        journey.pending = 'startAgain'
        await this.deps.say(context, [{ text: words.confirmStartAgain, choices: words.yesNoChoices }])
        return Dialog.EndOfTurn
      case 'stop':
        journey.paused = true
        await this.deps.saveDraft(context)
        await say(words.stopped)
        return Dialog.EndOfTurn
      case 'person':
        await say(words.speakToPerson(this.deps.services.config.CONTACT_CENTRE_PHONE, this.deps.services.config.CONTACT_CENTRE_EMAIL))
        journey.pending = 'callback'
        await this.deps.say(context, [{ text: words.askCallback, choices: words.yesNoChoices }])
        return Dialog.EndOfTurn
      case 'status': {
        const reference = findFeedbackReferenceIn(text)
        if (!reference) {
          journey.pending = 'statusReference'
          await say([words.askStatusReference])
          return Dialog.EndOfTurn
        }
        await this.tellStatus(innerDc, reference, words)
        return this.askAgain(innerDc)
      }
    }
  }

  private async tellStatus(innerDc: DialogContext, reference: string, words: Wording): Promise<void> {
    const status = await this.deps.services.feedbackStatus.publicStatusOf(reference)
    if (!status) {
      await this.deps.say(innerDc.context, [{ text: words.statusNotFound }])
      return
    }
    await this.deps.say(innerDc.context, [
      { text: words.statusIntro(status.reference, status.statusText) },
      ...status.updates.map(update => ({ text: `${update.date}: ${update.text}` })),
    ])
  }

  private async continuePending(innerDc: DialogContext, journey: JourneyState, text: string): Promise<DialogTurnResult> {
    const context = innerDc.context
    const words = wordingFor(journey.easyRead)
    const yesNo = recogniseChoice(text, words.yesNoChoices)?.value
    switch (journey.pending) {
      case 'startAgain':
        if (!yesNo) break
        journey.pending = undefined
        if (yesNo === 'yes') {
          journey.restartRequested = true
          return Dialog.EndOfTurn
        }
        await this.deps.say(context, [{ text: words.notStartingAgain }])
        return this.askAgain(innerDc)
      case 'callback':
        if (!yesNo) break
        if (yesNo === 'yes') {
          journey.pending = 'callbackPhone'
          await this.deps.say(context, [{ text: words.askCallbackPhone }])
          return Dialog.EndOfTurn
        }
        journey.pending = undefined
        await this.deps.say(context, [{ text: words.noCallback }])
        return this.askAgain(innerDc)
      case 'callbackPhone': {
        if (/^\s*(skip|no|cancel|no thanks|never mind)\s*$/i.test(text)) {
          journey.pending = undefined
          await this.deps.say(context, [{ text: words.noCallback }])
          return this.askAgain(innerDc)
        }
        const phone = normaliseUkPhone(text, false)
        if (!phone) {
          await this.deps.say(context, [{ text: words.phoneNotValid }])
          return Dialog.EndOfTurn
        }
        journey.pending = undefined
        journey.answers.callbackRequested = true
        await this.deps.callbacks.record({ reference: journey.reference, channel: context.activity.channelId, phone, at: this.deps.services.clock.now() })
        await this.deps.saveDraft(context)
        await this.deps.say(context, [{ text: words.callbackRecorded }])
        return this.askAgain(innerDc)
      }
      case 'statusReference': {
        journey.pending = undefined
        const reference = normaliseFeedbackReference(text) ?? findFeedbackReferenceIn(text)
        if (reference) await this.tellStatus(innerDc, reference, words)
        else await this.deps.say(context, [{ text: words.statusNotFound }])
        return this.askAgain(innerDc)
      }
    }
    const question = journey.pending === 'startAgain' ? words.confirmStartAgain : words.askCallback
    await this.deps.say(context, [{ text: words.notUnderstoodChoice }, { text: question, choices: words.yesNoChoices }])
    return Dialog.EndOfTurn
  }
}
