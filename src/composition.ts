import type { Connection } from 'mongoose'
import { type ChannelServices, createChannelServices } from './messaging'
import { type Clock, systemClock } from './clock'
import type { Config } from './config'
import { feedbackModel } from './data/models/feedback'
import { BackgroundJobs } from './data/work/backgroundJobs'
import { Leases } from './data/work/leases'
import { WorkQueue } from './data/work/workQueue'
import type { Logger } from './logger'
import { pingDatabase } from './data/database'
import { ServiceMetrics } from './metrics'
import { addressHashSecretFor, type ContactCipher, createContactCipher } from './contact/contactEncryption'
import { FeedbackStatusService } from './feedback/feedbackStatus'
import { FeedbackSubmission } from './feedback/feedbackSubmission'
import { resolveSecret } from './security/secrets'
import { createTriageServices, type TriageServices } from './triage'
import { RetentionJob, retentionPolicyFrom } from './privacy/retention'

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
  /** Claims on work, shared by every instance on the database. */
  leases: Leases
  /** The small collection of work still to do (routing, alerts, escalations, deliveries). */
  workQueue: WorkQueue
  /** Every periodic background job, each on its own loop; add one with `jobs.every(name, intervalMs, run)`. */
  jobs: BackgroundJobs
  metrics: ServiceMetrics
  /** Background work started with the service and stopped before the database closes. */
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
  const leases = new Leases(connection)
  const workQueue = new WorkQueue(connection, leases)
  const jobs = new BackgroundJobs(leases, logger)
  const triage = createTriageServices(config, logger, connection, clock, contactCipher, feedbackSubmission, { queue: workQueue, jobs })
  const channels = createChannelServices(config, logger, connection, clock, contactCipher, addressHashKey, { queue: workQueue, jobs })
  triage.cases.notifyPerson = async (reference, message) => {
    const delivery = await channels.notifyPerson(reference, message)
    return { id: delivery.deliveryId, status: delivery.status }
  }
  triage.alertSenders.teams = (conversationReference, message) => channels.sendProactiveMessage(conversationReference, message)
  const metrics = new ServiceMetrics({ queueDepths: () => workQueue.depths(), ping: () => pingDatabase(connection, 2000) })
  jobs.onPass = (job, seconds, ok) => metrics.jobSeconds.observe({ job, ok: String(ok) }, seconds)
  triage.alertDelivery.onResult = (target, result, tier) => metrics.alertDeliveries.inc({ target, tier, result })
  triage.escalation.onEscalated = tier => metrics.escalations.inc({ tier })
  triage.classifyAndRoute.onClassified = seconds => metrics.classificationSeconds.observe(seconds)
  triage.intake.onReceived = (channel, outcome) => metrics.intake.inc({ channel, outcome })
  channels.deliveries.onResult = (route, result) => metrics.personDeliveries.inc({ route, result })
  const retention = new RetentionJob(connection, retentionPolicyFrom(config), clock, logger)
  jobs.every('retention', 24 * 60 * 60_000, () => retention.run(), { singleton: true })
  // Stopped in this order: no new passes, then wait for routing started by requests.
  const backgroundWork = { start: () => jobs.start(), stop: async () => (await jobs.stop(), await triage.classifyAndRoute.settled()) }
  return {
    config,
    logger,
    clock,
    connection,
    contactCipher,
    sessionSecret,
    feedbackSubmission,
    feedbackStatus,
    ...triage,
    ...channels,
    leases,
    workQueue,
    jobs,
    metrics,
    workers: [backgroundWork, channels.deliveryWorker],
  }
}
