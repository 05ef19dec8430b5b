import { type Connection, type HydratedDocument, type InferSchemaType, type Model, Schema } from 'mongoose'
import { keyedBy } from './naturalKey'
import { oneWriteAtATime } from './oneWriteAtATime'
import { contactMethods, replyFormats } from '../../vocabulary/contactPreferences'
import { feedbackStatuses } from '../../vocabulary/feedbackStatuses'
import { feedbackQuestions } from '../../vocabulary/feedbackQuestions'
import { overallExperiences, triageQueues } from '../../vocabulary/feedbackRecord'
import { reporterRoles } from '../../vocabulary/reporterRoles'
import { riskLevels } from '../../vocabulary/riskLevels'

/**
 * One person's feedback, from the first answer (a draft, saved after every answer so nothing typed is lost)
 * to closure. Contact details are only ever stored sealed (see contact/contactEncryption.ts).
 * Equality monitoring answers are NOT stored here: they live apart from identity (equalityResponse.ts).
 *
 * FerretDB rules (README, "The embedded database"): plain or unique indexes only, unique fields required,
 * no Map keys with dots, no positional updates.
 */

const statusChangeSchema = new Schema(
  {
    status: { type: String, enum: feedbackStatuses, required: true },
    at: { type: Date, required: true },
    by: { type: String, default: 'system' },
    note: String,
  },
  { _id: false },
)

/** One message from the person, kept as it arrived: when, on which channel, at which step of the conversation. */
export const conversationMessageSchema = new Schema(
  {
    at: { type: Date, required: true },
    channel: { type: String, required: true },
    /** The question being asked when it arrived (role, story, …), or opening, follow-up, texts-stopped. */
    step: { type: String, required: true },
    /** The words as typed; contact details and equality answers are replaced by a note (see sealedText). */
    text: { type: String, required: true },
    /** Contact details typed in the chat, sealed like the contact field: never in the clear at rest. */
    sealedText: String,
    /** Sent after the feedback was submitted: shown on the case as a new message from the person. */
    followUp: Boolean,
    /** Names this message in the message journal (journaledMessage.ts), which checks it reached the record. */
    messageId: String,
  },
  { _id: false },
)

const feedbackSchema = new Schema(
  {
    /** The reference itself: on the embedded database only `_id` equality avoids reading the whole collection. */
    _id: { type: Schema.Types.Mixed },
    reference: { type: String, required: true, unique: true },
    status: { type: String, enum: feedbackStatuses, required: true, default: 'draft', index: true },
    statusHistory: { type: [statusChangeSchema], default: [] },
    /** Where it came from: webchat, directline, sms, whatsapp, msteams, api, form, … */
    channel: { type: String, required: true },
    /** The chat conversation that produced it, so a returning person resumes the same draft. */
    conversationKey: { type: String, index: true },
    role: { type: String, enum: reporterRoles },
    service: {
      locationId: String,
      name: String,
      /** Lower-case location id or name: finds other concerns about the same service. */
      key: { type: String, index: true },
      matchedFromDirectory: Boolean,
      providerName: String,
      localAuthority: String,
      region: String,
      serviceTypes: { type: [String], default: undefined },
    },
    when: { text: String, normalised: String },
    /** The language the conversation (or form) was held in, a code from src/i18n/languages.ts. */
    language: String,
    story: String,
    /** Messages that did not answer the question asked in the chat: kept, because nothing a person types is lost. */
    otherMessages: { type: [String], default: undefined },
    /** Every message the person sent, in order, as it arrived: nothing typed is lost, and all of it is classified. */
    conversation: { type: [conversationMessageSchema], default: undefined },
    /** Routed before the person finished (an urgent concern, or a worrying draft that went quiet): still being told. */
    stillBeingTold: Boolean,
    /** When the person last wrote after their feedback was submitted: the console's "new message" marker. */
    lastFollowUpAt: Date,
    /** A quiet draft was risk-assessed at this time; cleared by their next message, so each quiet spell is checked once. */
    quietCheckedAt: Date,
    overall: { type: String, enum: overallExperiences },
    desiredOutcome: String,
    /** The question the story answers, when a partner's form asked one (see vocabulary/feedbackQuestions). */
    question: { type: String, enum: feedbackQuestions },
    contact: {
      method: { type: String, enum: contactMethods },
      format: { type: String, enum: replyFormats },
      language: String,
      /** AES-256-GCM sealed JSON of phone/email/name: never stored in the clear. */
      sealedDetails: String,
      /** Keyed hashes of the phone number and email (ContactCipher.lookupHashes): find a person's records without decrypting. */
      phoneHash: { type: String, index: true },
      emailHash: { type: String, index: true },
      /** When the retention schedule removed the contact details of this closed case. */
      detailsRemovedAt: Date,
    },
    consentToShare: Boolean,
    callbackRequested: Boolean,
    easyRead: Boolean,
    classification: {
      themes: { type: [String], default: undefined },
      sentiment: Number,
      risk: { level: { type: String, enum: riskLevels }, categories: { type: [String], default: undefined }, reason: String },
      classifier: { name: String, version: String },
      /** Each classifier's own reading of risk when an LLM is configured (see openaiClassifier.ts). */
      opinions: {
        embedded: { level: { type: String, enum: riskLevels }, categories: { type: [String], default: undefined }, reason: String },
        llm: { level: { type: String, enum: riskLevels }, categories: { type: [String], default: undefined }, reason: String },
      },
      /** The language it is written in (see classification/languageFloor.ts). */
      language: { code: String, name: String, from: String, classifierReads: Boolean },
      /** With an LLM: an English machine translation of the redacted words, for the inspector; the original is kept. */
      translation: { text: String, from: String, by: String },
      classifiedAt: Date,
      /** SHA-256 of the text that was classified: a changed story is classified again. */
      textHash: String,
    },
    triage: {
      queue: { type: String, enum: triageQueues },
      priority: Number,
      targetAt: Date,
      team: String,
      assignee: String,
      acknowledgedAt: Date,
      acknowledgedBy: String,
      linkedReferences: { type: [String], default: undefined },
      /** Set last, once the queue is chosen and any alerts are in the outbox: a record without it is routed again on start. */
      routedAt: { type: Date, index: true },
      /** When the first urgent alert was written; escalation counts from here. */
      alertedAt: Date,
      /** 0 on-call inspector, 1 team manager, 2 duty director. */
      escalationLevel: Number,
      escalatedAt: Date,
      /** A failed reply or a wanted phone call made before this was dealt with by an inspector. */
      deliveryHandledAt: Date,
      /** The person's new messages up to this time have been read by an inspector. */
      messageSeenAt: Date,
    },
    /** What the person is told: shown at the status endpoint and sent on their chosen channel. */
    updates: {
      type: [
        new Schema(
          { at: { type: Date, required: true }, text: { type: String, required: true }, by: String, deliveryId: String },
          { _id: false },
        ),
      ],
      default: [],
    },
    /** Internal notes: never shown to the person. */
    notes: {
      type: [new Schema({ at: { type: Date, required: true }, by: String, text: { type: String, required: true } }, { _id: false })],
      default: [],
    },
    submittedAt: { type: Date, index: true },
    /** Set when the person's words and contact details were erased at their request (src/privacy/erasure.ts). */
    erasedAt: Date,
  },
  { timestamps: true },
)

keyedBy(feedbackSchema, 'reference')
oneWriteAtATime(feedbackSchema)

export type Feedback = InferSchemaType<typeof feedbackSchema>
export type FeedbackDocument = HydratedDocument<Feedback>
export type FeedbackModel = Model<Feedback>

export function feedbackModel(connection: Connection): FeedbackModel {
  return (connection.models.Feedback as FeedbackModel | undefined) ?? connection.model('Feedback', feedbackSchema)
}
