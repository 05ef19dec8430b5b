import { ActivityHandler, ConversationState, type Storage, type TurnContext, UserState } from 'botbuilder'
import { DialogSet, DialogTurnStatus } from 'botbuilder-dialogs'
import { JourneyDependencies } from '../../dialogs/journeyDependencies'
import { type JourneyState, newJourney } from '../../dialogs/journeyState'
import { MainDialog } from '../../dialogs/mainDialog'
import { say } from '../../dialogs/sendBotMessage'
import { recogniseInterruption } from '../../dialogs/understanding'
import { wordingFor } from '../../dialogs/wording'
import { detectSignposting } from '../classification'
import { CallbackRequests } from '../data/models/callbackRequest'
import { EqualityResponses } from '../data/models/equalityResponse'
import { feedbackModel } from '../data/models/feedback'
import type { Services } from '../services'
import { DirectoryService } from '../services/directory'
import { FeedbackDrafts } from '../services/feedbackDrafts'
import { newFeedbackReference } from '../services/feedbackReference'
import { MongoStorage } from './mongoStorage'

const greeting = /^\s*(hi|hello|hey|hiya|start|good (morning|afternoon|evening))\W*$/i

interface UserPreferences {
  easyRead?: boolean
}

export interface FeedbackBotOptions {
  /** Defaults to the database (MongoStorage); tests may pass their own on the same database. */
  storage?: Storage
  directory?: DirectoryService
}

/**
 * The feedback conversation on any channel. On every message: safety signposting first (the message still
 * answers the current step), then the dialog. The welcome comes on conversationUpdate or the first message.
 * State is saved at the end of every turn, so a restart resumes at the same step.
 */
export function createFeedbackBot(services: Services, options: FeedbackBotOptions = {}): ActivityHandler {
  const storage = options.storage ?? new MongoStorage(services.connection)
  const conversationState = new ConversationState(storage)
  const userState = new UserState(storage)
  const journeyProperty = conversationState.createProperty<JourneyState>('journey')
  const preferencesProperty = userState.createProperty<UserPreferences>('preferences')
  const dialogState = conversationState.createProperty('dialogState')
  const deps = new JourneyDependencies(
    services,
    journeyProperty,
    options.directory ?? new DirectoryService(services.connection),
    new FeedbackDrafts(feedbackModel(services.connection), services.clock, services.contactCipher),
    new CallbackRequests(services.connection, services.contactCipher),
    new EqualityResponses(services.connection),
  )
  const dialogs = new DialogSet(dialogState)
  dialogs.add(new MainDialog(deps))

  async function startJourney(context: TurnContext, restart: boolean): Promise<void> {
    const preferences = await preferencesProperty.get(context, {})
    const previous = await journeyProperty.get(context)
    await journeyProperty.set(context, newJourney(newFeedbackReference(), previous?.easyRead ?? preferences.easyRead ?? false))
    const dc = await dialogs.createContext(context)
    await dc.cancelAllDialogs()
    await dc.beginDialog(MainDialog.id, { restart })
  }

  async function runTurn(context: TurnContext): Promise<void> {
    const text = context.activity.text ?? ''
    const existing = await journeyProperty.get(context)
    const words = wordingFor(existing?.easyRead)

    const signposts = detectSignposting(text)
    if (signposts.length) await deps.say(context, say(signposts.flatMap(kind => words.signposting[kind] ?? [])))

    const dc = await dialogs.createContext(context)
    const result = existing && !existing.submitted ? await dc.continueDialog() : { status: DialogTurnStatus.empty }
    if (result.status === DialogTurnStatus.empty) {
      await startJourney(context, false)
      // A first message that is more than a greeting or a command is kept, never dropped.
      if (text.trim() && !greeting.test(text) && !recogniseInterruption(text)) {
        const journey = await deps.journey(context)
        journey.answers.otherMessages.push(text.trim())
        await deps.saveDraft(context)
        await deps.say(context, say(wordingFor(journey.easyRead).openingKept))
      }
    }
    const journey = await journeyProperty.get(context)
    if (journey?.restartRequested) await startJourney(context, true)
    const after = await journeyProperty.get(context)
    if (after) await preferencesProperty.set(context, { easyRead: after.easyRead })
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
