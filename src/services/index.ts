import type { Connection } from 'mongoose'
import { type ChannelServices, createChannelServices } from '../channels'
import { type Clock, systemClock } from '../clock'
import type { Config } from '../config'
import { feedbackModel } from '../data/models/feedback'
import type { Logger } from '../logger'
import { addressHashSecretFor, type ContactCipher, createContactCipher } from './contactEncryption'
import { FeedbackStatusService } from './feedbackStatus'
import { FeedbackSubmission } from './feedbackSubmission'
import { resolveSecret } from './secrets'
import { createTriageServices, type TriageServices } from './triage'
import { RetentionJob, retentionPolicyFrom } from '../privacy/retention'

/** Everything the routes, the bot and the workers need, built once at start-up. */
export interface Services extends TriageServices, ChannelServices {
  config: Config
  logger: Logger
  clock: Clock
  connection: Connection
  contactCipher: ContactCipher
  /** Signs console sessions and Direct Line tokens. */
  sessionSecret: Buffer
  feedbackSubmission: FeedbackSubmission
  /** What a person holding a reference may see (status and public updates only). */
  feedbackStatus: FeedbackStatusService
  /** Background work (outbox delivery, escalation) started with the service and stopped before the database closes. */
  workers: { start(): void; stop(): Promise<void> }[]
}

export function createServices(config: Config, logger: Logger, connection: Connection, clock: Clock = systemClock): Services {
  const encryptionKey = resolveSecret(config, config.ENCRYPTION_KEY, 'ENCRYPTION_KEY', 'encryption.key')
  const contactCipher = createContactCipher(encryptionKey)
  // Phone numbers are hashed (for opt-outs and SMS conversation ids) with a key of their own, derived from the
  // encryption key, so one key is never used for two purposes.
  const addressHashKey = addressHashSecretFor(encryptionKey)
  const sessionSecret = resolveSecret(config, config.SESSION_SECRET, 'SESSION_SECRET', 'session.secret')
  const feedbackSubmission = new FeedbackSubmission(feedbackModel(connection), clock)
  const feedbackStatus = new FeedbackStatusService(feedbackModel(connection))
  const triage = createTriageServices(config, logger, connection, clock, contactCipher, feedbackSubmission)
  const channels = createChannelServices(config, logger, connection, clock, contactCipher, addressHashKey)
  triage.cases.notifyPerson = async (reference, message) => {
    const delivery = await channels.notifyPerson(reference, message)
    return { id: delivery.deliveryId, status: delivery.status }
  }
  triage.alertSenders.teams = (conversationReference, message) => channels.sendProactiveMessage(conversationReference, message)
  return { config, logger, clock, connection, contactCipher, sessionSecret, feedbackSubmission, feedbackStatus, ...triage, ...channels, workers: [triage.alertWorker, channels.deliveryWorker, new RetentionJob(connection, retentionPolicyFrom(config), clock, logger)] }
}
