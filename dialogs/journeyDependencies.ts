import type { StatePropertyAccessor, TurnContext } from 'botbuilder'
import { conversationKeyOf } from '../src/conversation/conversationIdentity'
import type { BotMessage } from '../src/conversation/botMessage'
import type { CallbackRequests } from '../src/data/models/callbackRequest'
import type { EqualityResponses } from '../src/data/models/equalityResponse'
import type { DirectoryService } from '../src/directory/directory'
import type { FeedbackDrafts } from '../src/feedback/feedbackDrafts'
import type { Clock } from '../src/clock'
import type { Config } from '../src/config'
import type { ContactCipher } from '../src/contact/contactEncryption'
import type { FeedbackStatusService } from '../src/feedback/feedbackStatus'
import type { Logger } from '../src/logger'
import type { ClassifyAndRoute, WrittenRecord } from '../src/triage/classifyAndRoute'
import type { Feedback } from '../src/data/models/feedback'
import { newFeedbackReference } from '../src/feedback/feedbackReference'
import { type JourneyState, newJourney } from '../src/conversation/journeyState'
import { sendBotMessages } from './sendBotMessage'
import { type ContactCentre, type Wording, wordingFor } from './wording'

/** Only the parts of the service the dialogs use, so a dialog test can pass simple in-memory ones. */
export interface JourneyServices {
  classifyAndRoute: Pick<ClassifyAndRoute, 'settledFor' | 'markBeforeWrite'>
  clock: Clock
  config: Pick<Config, 'CONTACT_CENTRE_PHONE' | 'CONTACT_CENTRE_EMAIL' | 'CONTACT_CENTRE_BSL_URL'>
  contactCipher: ContactCipher
  feedbackStatus: Pick<FeedbackStatusService, 'publicStatusOf'>
  /** The dialogs only need to know it did not fail. */
  feedbackSubmission: { submit(reference: string): Promise<unknown> }
  logger: Logger
}

/** What the dialogs need from the rest of the service, passed in so tests run the real thing on a test database. */
export class JourneyDependencies {
  constructor(
    readonly services: JourneyServices,
    private readonly journeyProperty: StatePropertyAccessor<JourneyState>,
    readonly directory: Pick<DirectoryService, 'search'>,
    readonly drafts: Pick<FeedbackDrafts, 'save' | 'appendMessage'>,
    readonly callbacks: Pick<CallbackRequests, 'record'>,
    readonly equality: Pick<EqualityResponses, 'record'>,
  ) {}

  async journey(context: TurnContext): Promise<JourneyState> {
    let journey = await this.journeyProperty.get(context)
    if (!journey) {
      journey = newJourney(newFeedbackReference())
      await this.journeyProperty.set(context, journey)
    }
    return journey
  }

  async replaceJourney(context: TurnContext, journey: JourneyState): Promise<void> {
    await this.journeyProperty.set(context, journey)
  }

  async words(context: TurnContext): Promise<Wording> {
    const journey = await this.journey(context)
    return wordingFor(journey.easyRead, journey.language)
  }

  get contactCentre(): ContactCentre {
    const { config } = this.services
    return { phone: config.CONTACT_CENTRE_PHONE, email: config.CONTACT_CENTRE_EMAIL, bslUrl: config.CONTACT_CENTRE_BSL_URL }
  }

  say(context: TurnContext, messages: BotMessage[]): Promise<void> {
    return sendBotMessages(context, messages)
  }

  /** After every answer: a crash never loses what was typed. */
  async saveDraft(context: TurnContext): Promise<void> {
    const journey = await this.journey(context)
    if (journey.submitted) return
    await this.services.classifyAndRoute.settledFor(journey.reference)
    const mark = this.services.classifyAndRoute.markBeforeWrite(journey.reference)
    const known = writtenRecordOf(context, journey.reference)?.record
    this.keepWrittenRecord(context, await this.drafts.save(journey, { channel: context.activity.channelId, conversationKey: conversationKeyOf(context) }, known), mark)
  }

  /** Submits the feedback. The record as this turn last wrote it no longer stands for the stored one. */
  async submit(context: TurnContext, reference: string): Promise<void> {
    context.turnState.delete(writtenRecordKey)
    await this.services.feedbackSubmission.submit(reference)
  }

  /** Kept for this turn's risk check, so it need not read the record again (ClassifyAndRoute.assess). */
  private keepWrittenRecord(context: TurnContext, record: Feedback | undefined, mark: number | undefined): void {
    if (record && mark !== undefined) context.turnState.set(writtenRecordKey, { record, mark } satisfies WrittenRecord)
    else context.turnState.delete(writtenRecordKey)
  }

  /**
   * Each message, as it arrives and before anything else: appended to the person's record with the time, the
   * channel and the step. Contact details typed in the chat are sealed; short equality answers are not kept
   * with the feedback (they are stored apart, without identity).
   */
  async recordInbound(context: TurnContext, journey: JourneyState, step: string, followUp = false): Promise<void> {
    const text = (context.activity.text ?? '').trim()
    if (!text) return
    let logged = text
    let sealedText: string | undefined
    if (contactSteps.has(step) && /\d{5,}|@/.test(text)) {
      sealedText = this.services.contactCipher.encrypt({ text })
      logged = '(contact details, kept sealed)'
    } else if (equalitySteps.has(step) && text.split(/\s+/).length <= 6) {
      logged = '(an equality answer, kept apart from this feedback)'
    }
    await this.services.classifyAndRoute.settledFor(journey.reference)
    const mark = this.services.classifyAndRoute.markBeforeWrite(journey.reference)
    const record = await this.drafts.appendMessage(journey.reference, {
      channel: context.activity.channelId,
      conversationKey: conversationKeyOf(context),
      step,
      text: logged,
      sealedText,
      followUp,
    })
    this.keepWrittenRecord(context, record, mark)
  }
}

const writtenRecordKey = Symbol('writtenRecord')

/** The feedback record as this turn last wrote it, when it is the one with this reference. */
export function writtenRecordOf(context: TurnContext, reference: string): WrittenRecord | undefined {
  const written = context.turnState.get(writtenRecordKey) as WrittenRecord | undefined
  return written?.record.reference === reference ? written : undefined
}

/** For a risk check that has used it up: later ones read the record afresh, unless the turn writes it again. */
export function forgetWrittenRecord(context: TurnContext): void {
  context.turnState.delete(writtenRecordKey)
}

const contactSteps = new Set(['contactPhone', 'contactEmail', 'callbackPhone'])
const equalitySteps = new Set(['ageBand', 'disability', 'ethnicity', 'sex', 'religion'])
