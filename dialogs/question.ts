import type { TurnContext } from 'botbuilder'
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs'
import type { BotChoice, BotMessage } from '../src/conversation/botMessage'
import { recogniseChoice } from '../src/conversation/choiceRecognition'
import type { JourneyDependencies } from './journeyDependencies'
import type { JourneyState, StepOutcome } from '../src/conversation/journeyState'
import type { Wording } from './wording'

export interface AnswerTurn {
  text: string
  journey: JourneyState
  words: Wording
  deps: JourneyDependencies
  context: TurnContext
}

/** One question of a step group, described as data: how to ask it, when it applies, how to read the answer. */
export interface Question {
  id: string
  applies?: (journey: JourneyState) => boolean
  /** Already known (from their own account): skipped going forward, but "back" returns to it if it was asked. */
  known?: (journey: JourneyState) => boolean
  /** Messages that ask it; the last one carries the choices, if any. */
  ask: (journey: JourneyState, words: Wording) => BotMessage[]
  /** The choices offered, so a typed choice wins over a command that happens to share its words. */
  choices?: (words: Wording, journey: JourneyState) => BotChoice[]
  answer: (turn: AnswerTurn) => Promise<StepOutcome> | StepOutcome
  /** After changing this answer from the summary, these questions are asked too when they apply. */
  followUps?: string[]
}

/** A choice question: recognises the typed choice or re-asks kindly, keeping anything unrecognised. */
export function choiceQuestion(spec: {
  id: string
  text: (words: Wording, journey: JourneyState) => string | string[]
  choices: (words: Wording, journey: JourneyState) => BotChoice[]
  apply: (choice: BotChoice, turn: AnswerTurn) => StepOutcome | void | Promise<StepOutcome | void>
  applies?: (journey: JourneyState) => boolean
  known?: (journey: JourneyState) => boolean
  followUps?: string[]
}): Question {
  return {
    id: spec.id,
    applies: spec.applies,
    known: spec.known,
    followUps: spec.followUps,
    choices: spec.choices,
    ask: (journey, words) => {
      const lines = spec.text(words, journey)
      const all = Array.isArray(lines) ? lines : [lines]
      return all.map((text, index) => (index === all.length - 1 ? { text, choices: spec.choices(words, journey) } : { text }))
    },
    answer: async turn => {
      const choice = recogniseChoice(turn.text, spec.choices(turn.words, turn.journey))
      if (!choice) return keepUnansweredWords(turn)
      return (await spec.apply(choice, turn)) ?? { kind: 'next' }
    },
  }
}

/** Five words or more is someone telling us something, not a mistyped choice. */
export function looksLikeStory(text: string): boolean {
  return text.trim().split(/\s+/).length >= 5
}

/**
 * Words that did not answer the question are never lost: a sentence becomes part of the story and the question
 * is asked again kindly; anything shorter is kept apart and the person is asked again.
 */
export function keepUnansweredWords(turn: AnswerTurn): StepOutcome {
  const text = turn.text.trim()
  if (looksLikeStory(text)) {
    turn.journey.answers.storyParts.push(text)
    return { kind: 'retry', say: [{ text: turn.words.keptAsStory }] }
  }
  if (text) turn.journey.answers.otherMessages.push(text)
  return { kind: 'retry', say: [{ text: turn.words.notUnderstoodChoice }] }
}

interface StepsState {
  index: number
  history: number[]
  /** Set when one answer is being changed from the summary. */
  only?: string
}

export interface StepsOptions {
  startAt?: string | 'last'
  only?: string
  /** The message that started the conversation answers the first question: read it now instead of asking. */
  answerNow?: boolean
}

/** Asks a table of questions in order, skipping those that do not apply; remembers the path for "back". */
export class QuestionStepsDialog extends Dialog<StepsOptions> {
  constructor(
    dialogId: string,
    readonly questions: Question[],
    private readonly deps: JourneyDependencies,
  ) {
    super(dialogId)
  }

  private applicable(index: number, journey: JourneyState): boolean {
    const question = this.questions[index]
    return !!question && (question.applies?.(journey) ?? true)
  }

  /** Applies, and is still to be asked or was asked before (so "back" can return to it). */
  private reachable(index: number, journey: JourneyState): boolean {
    const question = this.questions[index]
    return this.applicable(index, journey) && (!question.known?.(journey) || !!journey.asked?.includes(question.id))
  }

  private firstApplicableFrom(start: number, journey: JourneyState): number {
    for (let index = start; index < this.questions.length; index++) {
      if (this.applicable(index, journey) && !this.questions[index].known?.(journey)) return index
    }
    return -1
  }

  override async beginDialog(dc: DialogContext, options?: StepsOptions): Promise<DialogTurnResult> {
    const journey = await this.deps.journey(dc.context)
    let index: number
    if (options?.only || (options?.startAt && options.startAt !== 'last')) {
      index = this.questions.findIndex(question => question.id === (options.only ?? options.startAt))
    } else if (options?.startAt === 'last') {
      index = -1
      for (let candidate = this.questions.length - 1; candidate >= 0; candidate--) {
        if (this.reachable(candidate, journey)) {
          index = candidate
          break
        }
      }
    } else {
      index = this.firstApplicableFrom(0, journey)
    }
    // Nothing here to go back to: keep going back through the groups before.
    if (index < 0) return dc.endDialog(options?.startAt === 'last' ? { back: true } : {})
    // Arriving at a later question (coming back from the next group): "back" can still walk this group's earlier ones.
    const history = options?.only ? [] : Array.from({ length: index }, (_, earlier) => earlier).filter(earlier => this.reachable(earlier, journey))
    const state: StepsState = { index, history, only: options?.only }
    dc.activeDialog!.state.steps = state
    journey.step = this.questions[index].id
    if (options?.answerNow) return this.continueDialog(dc)
    await this.ask(dc.context, index)
    return Dialog.EndOfTurn
  }

  currentQuestion(instance: DialogInstance): Question | undefined {
    const state = instance.state.steps as StepsState | undefined
    return state ? this.questions[state.index] : undefined
  }

  private async ask(context: TurnContext, index: number): Promise<void> {
    const journey = await this.deps.journey(context)
    journey.step = this.questions[index].id
    journey.asked ??= []
    if (!journey.asked.includes(journey.step)) journey.asked.push(journey.step)
    await this.deps.say(context, this.questions[index].ask(journey, await this.deps.words(context)))
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state.steps as StepsState
    const question = this.questions[state.index]
    const journey = await this.deps.journey(dc.context)
    const words = await this.deps.words(dc.context)
    const text = dc.context.activity.text ?? ''
    if (!text.trim()) {
      await this.deps.say(dc.context, [{ text: words.notUnderstoodEmpty }])
      await this.ask(dc.context, state.index)
      return Dialog.EndOfTurn
    }
    const outcome = await question.answer({ text, journey, words, deps: this.deps, context: dc.context })
    await this.deps.saveDraft(dc.context)
    switch (outcome.kind) {
      case 'retry':
        await this.deps.say(dc.context, outcome.say)
        await this.ask(dc.context, state.index)
        return Dialog.EndOfTurn
      case 'stay':
        await this.deps.say(dc.context, outcome.say)
        return Dialog.EndOfTurn
      case 'end':
        if (outcome.say) await this.deps.say(dc.context, outcome.say)
        return dc.endDialog(outcome.result)
      case 'next': {
        if (outcome.say) await this.deps.say(dc.context, outcome.say)
        const next = this.nextIndex(state, journey)
        if (next < 0) return dc.endDialog({})
        state.history.push(state.index)
        state.index = next
        await this.ask(dc.context, next)
        return Dialog.EndOfTurn
      }
    }
  }

  private nextIndex(state: StepsState, journey: JourneyState): number {
    if (!state.only) return this.firstApplicableFrom(state.index + 1, journey)
    const changed = this.questions.find(question => question.id === state.only)
    const followUps = changed?.followUps ?? []
    for (let index = state.index + 1; index < this.questions.length; index++) {
      if (followUps.includes(this.questions[index].id) && this.applicable(index, journey)) return index
    }
    return -1
  }

  /** Goes to the previous question of this group; false when this is the group's first. */
  async back(dc: DialogContext): Promise<boolean> {
    const state = dc.activeDialog!.state.steps as StepsState
    const journey = await this.deps.journey(dc.context)
    while (state.history.length) {
      const previous = state.history.pop()!
      if (this.applicable(previous, journey)) {
        state.index = previous
        await this.ask(dc.context, previous)
        return true
      }
    }
    return false
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = instance.state.steps as StepsState
    await this.ask(context, state.index)
  }
}
