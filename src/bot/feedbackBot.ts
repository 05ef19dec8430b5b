import { ActivityHandler, type Storage, type TurnContext } from 'botbuilder'
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs'
import { forgetWrittenRecord, JourneyDependencies, type JourneyServices, writtenRecordOf } from '../../dialogs/journeyDependencies'
import { type JourneyState, newJourney } from '../conversation/journeyState'
import { MainDialog } from '../../dialogs/mainDialog'
import { say } from '../../dialogs/sendBotMessage'
import { recogniseInterruption } from '../../dialogs/understanding'
import { normaliseForMatching, recogniseChoice } from '../conversation/choiceRecognition'
import { findFeedbackReferenceIn } from '../feedback/feedbackReference'
import { wordingFor } from '../../dialogs/wording'
import { signpostingFor, type Signposting } from '../classification'
import type { CallbackRequests } from '../data/models/callbackRequest'
import type { EqualityResponses } from '../data/models/equalityResponse'
import type { DirectoryService } from '../directory/directory'
import type { FeedbackDrafts } from '../feedback/feedbackDrafts'
import type { ClassifyAndRoute } from '../triage/classifyAndRoute'
import { newFeedbackReference } from '../feedback/feedbackReference'
import { RouteScopedConversationState, RouteScopedUserState } from '../conversation/conversationIdentity'
import { answerTextKey, conversationLanguageKey, signpostsKey, textsStoppedKey } from '../conversation/turnFlags'
import { DEFAULT_LANGUAGE, supportedLanguage } from '../i18n/languages'
import { answerOffer, askOffer, recogniseLanguageRequest, languageToOffer, offerLanguage, switchLanguage } from '../../dialogs/languageChoice'

const greeting = /^\s*(hi|hello|hey|hiya|start|good (morning|afternoon|evening))\W*$/i
const newFeedback = /^(?:new feedback|new|something new|something else|another|another one|tell you something else|give new feedback|start new feedback)$/

interface UserPreferences {
  easyRead?: boolean
  language?: string
}

/** What the bot is built from (src/composition.ts passes them). */
export interface FeedbackBotDependencies extends JourneyServices {
  /** Beyond the dialogs' needs: every message is risk-assessed soon after it arrives. */
  classifyAndRoute: Pick<ClassifyAndRoute, 'settledFor' | 'assessSoon' | 'markBeforeWrite'>
  /** Conversation and user state: MongoStorage on the database; tests may pass their own. */
  botStorage: Storage
  directory: DirectoryService
  feedbackDrafts: FeedbackDrafts
  callbackRequests: CallbackRequests
  equalityResponses: EqualityResponses
}

/**
 * The feedback conversation on any channel. On every message: safety signposting first (the message still
 * answers the current step), then the dialog. The welcome comes on conversationUpdate or the first message.
 * State is saved at the end of every turn, so a restart resumes at the same step.
 */
/** The language of the page a web chat was opened on (its `locale`), when we speak it. */
function pageLanguage(context: TurnContext): string | undefined {
  return supportedLanguage(context.activity.locale)?.code
}

export function createFeedbackBot(services: FeedbackBotDependencies): ActivityHandler {
  const storage = services.botStorage
  const conversationState = new RouteScopedConversationState(storage)
  const userState = new RouteScopedUserState(storage)
  const journeyProperty = conversationState.createProperty<JourneyState>('journey')
  const preferencesProperty = userState.createProperty<UserPreferences>('preferences')
  const dialogState = conversationState.createProperty('dialogState')
  const deps = new JourneyDependencies(
    services,
    journeyProperty,
    services.directory,
    services.feedbackDrafts,
    services.callbackRequests,
    services.equalityResponses,
  )
  const dialogs = new DialogSet(dialogState)
  dialogs.add(new MainDialog(deps))

  async function startJourney(context: TurnContext, restart: boolean, options: { opening?: boolean; keep?: JourneyState } = {}): Promise<void> {
    const preferences = await preferencesProperty.get(context, {})
    const previous = await journeyProperty.get(context)
    const language = previous?.language ?? preferences.language ?? pageLanguage(context)
    await journeyProperty.set(context, options.keep ?? newJourney(newFeedbackReference(), previous?.easyRead ?? preferences.easyRead ?? false, language))
    const dc = await dialogs.createContext(context)
    await dc.cancelAllDialogs()
    await dc.beginDialog(MainDialog.id, { restart, opening: options.opening })
  }

  /** The journey this message belongs to: the current one, or a new one whose reference the message is kept under. */
  async function journeyFor(context: TurnContext): Promise<JourneyState> {
    const existing = await journeyProperty.get(context)
    if (existing) return existing
    const preferences = await preferencesProperty.get(context, {})
    const journey = newJourney(newFeedbackReference(), preferences.easyRead ?? false, preferences.language ?? pageLanguage(context))
    await journeyProperty.set(context, journey)
    return journey
  }

  /**
   * Before any dialog has started (the first messages on SMS, or a chat whose welcome was never sent): a
   * language asked for by name, or offered for what they wrote, is settled before the journey starts, so the
   * welcome and every question come in that language. True when this turn is handled.
   */
  async function settleLanguageFirst(context: TurnContext, journey: JourneyState, text: string): Promise<boolean> {
    if (journey.pending === 'languageOffer') {
      const answered = answerOffer(journey, text)
      if (!answered) {
        await deps.say(context, askOffer(journey))
        return true
      }
      if (answered.accepted) await deps.say(context, answered.say)
      const held = answered.heldText
      if (held) context.turnState.set(answerTextKey, held)
      await startJourney(context, false, { opening: !!held && !greeting.test(held) && !recogniseInterruption(held), keep: journey })
      return true
    }
    const requested = recogniseLanguageRequest(text)
    if (requested) {
      switchLanguage(journey, requested)
      await startJourney(context, false, { keep: journey })
      return true
    }
    const offered = await languageToOffer(text, journey)
    if (!offered) return false
    await deps.say(context, offerLanguage(journey, offered, text))
    return true
  }

  function stepOf(journey: JourneyState, hasDialog: boolean): string {
    if (journey.submitted) return 'follow-up'
    if (!hasDialog) return 'opening'
    return journey.pending ?? journey.step ?? 'opening'
  }

  /** After the reference is given, the conversation goes on: messages are added to that feedback. */
  async function afterSubmission(context: TurnContext, journey: JourneyState, text: string): Promise<void> {
    const requested = recogniseLanguageRequest(text)
    if (requested) {
      await deps.say(context, switchLanguage(journey, requested))
      return
    }
    const words = wordingFor(journey.easyRead, journey.language)
    const typed = normaliseForMatching(text)
    if (journey.pending === 'newFeedback') {
      journey.pending = undefined
      if (recogniseChoice(text, words.yesNoChoices)?.value === 'yes') {
        await startJourney(context, true)
        return
      }
    }
    const interruption = recogniseInterruption(text, words.commands)
    if (interruption === 'status') {
      const reference = findFeedbackReferenceIn(text) ?? journey.reference
      await tellStatus(context, reference, words)
      return
    }
    if (interruption === 'startAgain' || newFeedback.test(typed)) {
      await startJourney(context, true)
      return
    }
    if (interruption === 'complain') {
      await deps.say(context, say(words.complaints))
      return
    }
    if (interruption === 'person') {
      await deps.say(context, say(words.speakToPerson(deps.contactCentre)))
      return
    }
    if (interruption || greeting.test(text)) {
      await deps.say(context, say(words.afterSubmissionHelp(journey.reference)))
      return
    }
    await deps.say(context, say(words.followUpAdded(journey.reference)))
  }

  async function tellStatus(context: TurnContext, reference: string, words: ReturnType<typeof wordingFor>): Promise<void> {
    const status = await services.feedbackStatus.publicStatusOf(reference)
    if (!status) {
      await deps.say(context, say(words.statusNotFound))
      return
    }
    await deps.say(context, say([words.statusIntro(status.reference, status.statusText), ...status.updates.map(update => `${update.date}: ${update.text}`)]))
  }

  async function runTurn(context: TurnContext): Promise<void> {
    const text = context.activity.text ?? ''
    const hadJourney = await journeyProperty.get(context)
    const dialogStack = (await dialogState.get(context, {})) as { dialogStack?: unknown[] }
    const journey = await journeyFor(context)
    const hasDialog = !!hadJourney && (dialogStack.dialogStack?.length ?? 0) > 0
    // Every word is kept first, whatever happens next.
    const textsStopped = context.turnState.get(textsStoppedKey) === true
    await deps.recordInbound(context, journey, textsStopped ? 'texts stopped' : stepOf(journey, hasDialog), journey.submitted)
    try {
      // A number that has opted out of texts: kept and risk-assessed, but nothing is sent and the chat does not move on.
      if (textsStopped) return
      const words = wordingFor(journey.easyRead, journey.language)
      // At once, in the language they chose, else the one they wrote in (the turn gate worked it out).
      const signposting = (context.turnState.get(signpostsKey) as Signposting | undefined) ?? signpostingFor(text)
      if (signposting.kinds.length) {
        // Words about danger are risk-assessed now, not after the rest of the turn, so an urgent alert leaves sooner.
        services.classifyAndRoute.assessSoon(journey.reference, { danger: true, written: writtenRecordOf(context, journey.reference) })
        forgetWrittenRecord(context)
        const chosen = journey.language && journey.language !== DEFAULT_LANGUAGE ? journey.language : undefined
        const safetyWords = wordingFor(journey.easyRead, chosen ?? signposting.language)
        await deps.say(context, say(signposting.kinds.flatMap(kind => safetyWords.signposting[kind] ?? [])))
      }

      if (journey.submitted) {
        await afterSubmission(context, journey, text)
      } else {
        const dc = await dialogs.createContext(context)
        const result = hasDialog ? await dc.continueDialog() : { status: DialogTurnStatus.empty }
        if (result.status === DialogTurnStatus.empty && !(await settleLanguageFirst(context, journey, text))) {
          // A first message that is more than a greeting or a command is their account: read it as such.
          const command = recogniseInterruption(text, words.commands)
          const opening = !!text.trim() && !greeting.test(text) && !command
          await startJourney(context, false, { opening, keep: journey.submitted ? undefined : journey })
          // "Who do I complain to?" or "what happened to my feedback" as the very first message is answered too.
          if (command) await (await dialogs.createContext(context)).continueDialog()
        }
      }
      const after = await journeyProperty.get(context)
      if (after?.restartRequested) await startJourney(context, true)
      const latest = await journeyProperty.get(context)
      const remembered = latest?.rememberedPreferences
      if (latest && (remembered?.easyRead !== latest.easyRead || remembered.language !== latest.language)) {
        await preferencesProperty.set(context, { easyRead: latest.easyRead, language: latest.language })
        latest.rememberedPreferences = { easyRead: latest.easyRead, language: latest.language }
      }
      context.turnState.set(conversationLanguageKey, latest?.language)
    } finally {
      if (text.trim()) services.classifyAndRoute.assessSoon(journey.reference, { written: writtenRecordOf(context, journey.reference) })
    }
  }

  class FeedbackBot extends ActivityHandler {
    constructor() {
      super()
      this.onMessage(async (context, next) => {
        await runTurn(context)
        await next()
      })
      this.onMembersAdded(async (context, next) => {
        const someoneJoined = (context.activity.membersAdded ?? []).some(member => member.id !== context.activity.recipient?.id)
        const journey = await journeyProperty.get(context)
        if (someoneJoined && (!journey || journey.submitted)) await startJourney(context, false)
        await next()
      })
    }

    override async run(context: TurnContext): Promise<void> {
      await super.run(context)
      await conversationState.saveChanges(context, false)
      await userState.saveChanges(context, false)
    }
  }

  return new FeedbackBot()
}
