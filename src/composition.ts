import type { ActivityHandlerBase, ConversationReference, Storage } from 'botbuilder'
import type { CloudAdapter } from 'botbuilder'
import type { Connection } from 'mongoose'
import { createFeedbackBot } from './bot/feedbackBot'
import { MongoStorage } from './bot/mongoStorage'
import { gateTurns } from './bot/turnGate'
import { BotFrameworkAdapter, continueWithActivities, createProactiveMessageSender } from './channels/botframework/botFramework'
import { ConversationReferenceStore } from './channels/conversationReferences'
import { SmsOptOutStore } from './channels/sms/smsOptOuts'
import { TwilioAdapter } from './channels/sms/twilioAdapter'
import { DirectLineAdapter } from './channels/webchat/directLineAdapter'
import { DirectLineChannel } from './channels/webchat/directLineChannel'
import { TranscriptRetention } from './channels/webchat/transcriptRetention'
import { TranscriptStore } from './channels/webchat/transcriptStore'
import { createClassifier, type FeedbackClassifier } from './classification'
import { type Clock, systemClock } from './clock'
import type { Config } from './config'
import { addressHashSecretFor, type ContactCipher, createContactCipher } from './contact/contactEncryption'
import { type AddressHasher, createAddressHasher } from './contact/phoneNumbers'
import type { BotMessage } from './conversation/botMessage'
import { pingDatabase } from './data/database'
import { alertModel } from './data/models/alert'
import { auditEventModel } from './data/models/auditEvent'
import { CallbackRequests } from './data/models/callbackRequest'
import { type Delivery, deliveryModel } from './data/models/delivery'
import { EqualityResponses } from './data/models/equalityResponse'
import { feedbackModel } from './data/models/feedback'
import { intakeKeyModel } from './data/models/intakeKey'
import { journaledMessageModel } from './data/models/journaledMessage'
import { processedWebhookModel } from './data/models/processedWebhook'
import { recentConcernModel } from './data/models/recentConcern'
import { userModel } from './data/models/user'
import { BackgroundJobs } from './data/work/backgroundJobs'
import { Leases } from './data/work/leases'
import { UrgentLane } from './data/work/urgentLane'
import { WorkQueue } from './data/work/workQueue'
import { DirectoryService } from './directory/directory'
import { FeedbackDrafts } from './feedback/feedbackDrafts'
import { FeedbackStatusService } from './feedback/feedbackStatus'
import { FeedbackSubmission } from './feedback/feedbackSubmission'
import { Intake } from './feedback/intake'
import type { Logger } from './logger'
import { createNotifyEmailSender, createNotifySmsSender, createTwilioSmsSender } from './messaging/deliveryProviders'
import { DeliveryService, type NotifyPerson } from './messaging/notifyPerson'
import { ServiceMetrics } from './metrics'
import { RetentionJob, retentionPolicyFrom } from './privacy/retention'
import { AuditLog } from './security/audit'
import { createOidcSignIn, type OidcSignIn } from './security/oidc'
import { resolveSecret } from './security/secrets'
import { Users } from './security/users'
import { AlertDelivery, type AlertSenders } from './triage/alertDelivery'
import { AlertOutbox } from './triage/alertOutbox'
import { CaseQueue } from './triage/caseQueue'
import { CaseService } from './triage/caseService'
import { ClassifyAndRoute } from './triage/classifyAndRoute'
import { Escalation } from './triage/escalation'
import { loadRoutingRules, Router } from './triage/routing'
import { Signals } from './triage/signals'

/** Turns using the database at once; more wait in memory (see bot/turnGate.ts). */
const maxConcurrentTurns = 8

/** Background work started with the service and stopped before the database closes. */
export interface Worker {
  start(): void
  stop(): Promise<void>
}

/** Everything the routes, the bot and the workers need, each built once at start-up by `createServices`. */
export interface Services {
  config: Config
  logger: Logger
  clock: Clock
  connection: Connection
  metrics: ServiceMetrics
  contactCipher: ContactCipher
  /** Signs console sessions and Direct Line tokens. */
  sessionSecret: Buffer
  addressHasher: AddressHasher

  /** Claims on work, shared by every instance on the database. */
  leases: Leases
  /** The small collection of work still to do (routing, alerts, escalations, deliveries). */
  workQueue: WorkQueue
  /** Every periodic background job, each on its own loop; all are listed in `createServices`. */
  jobs: BackgroundJobs
  /** Urgent work goes first: bulk work (turns, background passes) holds back while it writes. */
  lane: UrgentLane

  // Channels
  smsOptOuts: SmsOptOutStore
  conversationReferences: ConversationReferenceStore
  twilioAdapter: TwilioAdapter
  cloudAdapter: CloudAdapter
  /** The one web chat transcript store (the web chat and person deliveries both write to it). */
  transcripts: TranscriptStore
  transcriptRetention: TranscriptRetention
  /** The web chat's adapter: turns and proactive messages land in the transcript. */
  directLineAdapter: DirectLineAdapter
  /** The public web chat (Direct Line): conversations, tokens and turns. */
  directLine: DirectLineChannel

  // Conversation
  /** The one bot for every channel, gated and instrumented. */
  bot: Pick<ActivityHandlerBase, 'run'>
  botStorage: Storage
  feedbackDrafts: FeedbackDrafts
  callbackRequests: CallbackRequests
  equalityResponses: EqualityResponses
  /** The one care service directory (with its search index). */
  directory: DirectoryService

  // Feedback
  feedbackSubmission: FeedbackSubmission
  /** What a person holding a reference may see (status and public updates only). */
  feedbackStatus: FeedbackStatusService
  intake: Intake

  // Classification and triage
  classifier: FeedbackClassifier
  router: Router
  classifyAndRoute: ClassifyAndRoute
  alertOutbox: AlertOutbox
  alertDelivery: AlertDelivery
  /** Who gets urgent alerts by email, SMS and Teams. */
  alertSenders: AlertSenders
  /** Runs alert delivery now rather than at its next interval. */
  alertWorker: { kick(): void }
  escalation: Escalation
  cases: CaseService
  signals: Signals

  // Console access
  users: Users
  /** Organisation sign-in for the console; undefined when OIDC is not configured. */
  oidc: OidcSignIn | undefined
  audit: AuditLog

  // Messaging
  deliveries: DeliveryService
  /** Tells the person behind a feedback reference something, on their chosen channel and format. */
  notifyPerson: NotifyPerson
  /** Deliveries that could not be made, for inspectors to follow up by other means. */
  listFailedDeliveries: (options?: { limit?: number; feedbackReference?: string }) => Promise<Delivery[]>
  /** A message to a Teams (or other Bot Framework) conversation, as an Adaptive Card. */
  sendProactiveMessage: (conversationReference: Partial<ConversationReference>, message: BotMessage) => Promise<string>

  /** Every background worker, started with the service and stopped before the database closes. */
  workers: Worker[]
}

/**
 * The composition root: every long-lived object is built here, once, with its collaborators passed to its
 * constructor, in an order where each exists before anything that needs it. Every background job is listed here.
 */
export function createServices(config: Config, logger: Logger, connection: Connection, clock: Clock = systemClock): Services {
  const encryptionKey = resolveSecret(config, config.ENCRYPTION_KEY, 'ENCRYPTION_KEY', 'encryption.key')
  const contactCipher = createContactCipher(encryptionKey)
  // Phone numbers are hashed (for opt-outs and SMS conversation ids) with a key of their own, derived from the
  // encryption key, so one key is never used for two purposes.
  const addressHasher = createAddressHasher(addressHashSecretFor(encryptionKey))
  const sessionSecret = resolveSecret(config, config.SESSION_SECRET, 'SESSION_SECRET', 'session.secret')
  const feedback = feedbackModel(connection)

  // Work and metrics
  const leases = new Leases(connection)
  const workQueue = new WorkQueue(connection, leases)
  const metrics = new ServiceMetrics({ queueDepths: () => workQueue.depths(), ping: () => pingDatabase(connection, 2000) })
  metrics.watchDatabase(connection.getClient())
  const lane = new UrgentLane()
  const jobs = new BackgroundJobs(leases, logger, lane, (job, seconds, ok) => metrics.jobSeconds.observe({ job, ok: String(ok) }, seconds))

  // Channels
  const smsOptOuts = new SmsOptOutStore(connection, addressHasher, clock)
  const conversationReferences = new ConversationReferenceStore(connection, clock)
  // Twilio when it is set up, as the same number people text; otherwise GOV.UK Notify's SMS.
  const twilioAdapter = new TwilioAdapter({
    hasher: addressHasher,
    cipher: contactCipher,
    clock,
    logger,
    conversations: conversationReferences,
    sender: createTwilioSmsSender(config) ?? createNotifySmsSender(config),
  })
  const cloudAdapter = new BotFrameworkAdapter(config, logger, conversationReferences)
  const sendProactiveMessage = createProactiveMessageSender(cloudAdapter, config)
  const transcripts = new TranscriptStore(connection, contactCipher, clock)
  const transcriptRetention = new TranscriptRetention(transcripts, clock, logger)
  const directLineAdapter = new DirectLineAdapter(transcripts, logger, conversationReferences)

  // Classification and triage
  const classifier = createClassifier(config, logger)
  const router = new Router(loadRoutingRules(config.ROUTING_RULES_FILE))
  const alertSenders: AlertSenders = { email: createNotifyEmailSender(config), sms: createNotifySmsSender(config), teams: sendProactiveMessage }
  const alertDelivery = new AlertDelivery(alertModel(connection), feedback, router, config, alertSenders, clock, logger, workQueue, (target, result, tier) =>
    metrics.alertDeliveries.inc({ target, tier, result }),
  )
  const alertWorker = { kick: () => jobs.kick('alert-delivery') }
  const alertOutbox = new AlertOutbox(
    alertModel(connection),
    router,
    config,
    { email: Boolean(alertSenders.email), sms: Boolean(alertSenders.sms), teams: Boolean(alertSenders.teams) },
    clock,
    logger,
    workQueue,
    { kick: () => alertWorker.kick(), deliverFresh: (alerts, about, queued) => alertDelivery.deliverFresh(alerts, about, queued) },
  )
  const classifyAndRoute = new ClassifyAndRoute(
    feedback,
    classifier,
    router,
    alertOutbox,
    clock,
    config.ALERT_ESCALATION_MINUTES,
    logger,
    workQueue,
    recentConcernModel(connection),
    lane,
    config.DRAFT_QUIET_MINUTES,
    seconds => metrics.classificationSeconds.observe(seconds),
  )
  const escalation = new Escalation(feedback, alertOutbox, clock, config.ALERT_ESCALATION_MINUTES, logger, workQueue, tier => metrics.escalations.inc({ tier }))

  // Feedback
  const directory = new DirectoryService(connection)
  const feedbackSubmission = new FeedbackSubmission(feedback, clock, {
    routeQueue: reference => classifyAndRoute.enqueue(reference),
    afterSubmit: async record => classifyAndRoute.soon(record.reference, record.toObject()),
  })
  const feedbackStatus = new FeedbackStatusService(feedback)
  const intake = new Intake(
    feedback,
    feedbackSubmission,
    contactCipher,
    directory,
    intakeKeyModel(connection),
    classifyAndRoute,
    (channel, outcome) => metrics.intake.inc({ channel, outcome }),
  )

  // The inspectors' side
  const audit = new AuditLog(auditEventModel(connection), clock, logger)
  const users = new Users(userModel(connection), config.PASSWORD_HASH_COST)
  const caseQueue = new CaseQueue(feedback, deliveryModel(connection), clock, config.CONSOLE_QUEUE_REFRESH_SECONDS * 1000, error =>
    logger.warn({ err: error }, 'the case queue could not be read again; the console shows the last copy'),
  )

  // The conversation: one bot for every channel; its state lives in the database
  const botStorage = new MongoStorage(connection)
  const feedbackDrafts = new FeedbackDrafts(feedback, clock, contactCipher, journaledMessageModel(connection))
  const callbackRequests = new CallbackRequests(connection, contactCipher)
  const equalityResponses = new EqualityResponses(connection)
  const bot = metrics.instrumentBot(
    gateTurns(
      createFeedbackBot({
        classifyAndRoute,
        clock,
        config,
        contactCipher,
        feedbackStatus,
        feedbackSubmission,
        logger,
        botStorage,
        directory,
        feedbackDrafts,
        callbackRequests,
        equalityResponses,
      }),
      maxConcurrentTurns,
      lane,
    ),
  )
  const directLine = new DirectLineChannel({ config, clock, sessionSecret, transcripts, transcriptRetention, directLineAdapter }, bot)

  // Messaging: updates to the person, on the channel they chose, each through its channel's adapter
  const deliveries = new DeliveryService(
    {
      connection,
      queue: workQueue,
      clock,
      logger,
      contactCipher,
      optOuts: smsOptOuts,
      conversations: conversationReferences,
      texts: twilioAdapter,
      email: createNotifyEmailSender(config),
      chat: {
        webChat: (conversationId, activities) => directLine.continueConversation(conversationId, activities),
        botFramework: (reference, activities) => continueWithActivities(cloudAdapter, config, reference, activities),
      },
    },
    (route, result) => metrics.personDeliveries.inc({ route, result }),
  )
  const cases = new CaseService(feedback, caseQueue, alertOutbox, audit, users, contactCipher, clock, async (reference, message) => {
    const delivery = await deliveries.notifyPerson(reference, message)
    return { id: delivery.deliveryId, status: delivery.status }
  })

  // Background jobs, each on its own loop: delivering alerts never waits behind routing, routing never behind sweeps.
  // Alert delivery and escalation are about danger: they never hold back for the urgent lane.
  jobs.every('alert-delivery', 500, () => alertDelivery.deliverDue(), { urgent: true })
  jobs.every('escalation', Math.min(5_000, (config.ALERT_ESCALATION_MINUTES * 60_000) / 3), () => escalation.runOnce(), { urgent: true })
  jobs.every('routing', 2_000, () => classifyAndRoute.routeDue())
  jobs.every('person-deliveries', 5_000, () => deliveries.processDue())
  jobs.every('quiet-drafts', 60_000, () => classifyAndRoute.routeQuietDrafts())
  // A message that another write undid is appended again, and the record's risk assessed again with it.
  jobs.every(
    'message-journal',
    10_000,
    async () => {
      for (const reference of await feedbackDrafts.checkMessages()) classifyAndRoute.assessSoon(reference)
    },
    { singleton: true },
  )
  jobs.every('quiet-drafts-sweep', 60 * 60_000, () => classifyAndRoute.queueQuietDrafts(), { singleton: true })
  jobs.every('unrouted-sweep', 60 * 60_000, () => classifyAndRoute.routeUnrouted(), { singleton: true })
  jobs.every('alert-outbox-sweep', 60 * 60_000, () => alertOutbox.requeuePending(), { singleton: true })
  jobs.every('recent-concerns-prune', 60 * 60_000, () => classifyAndRoute.pruneRecentConcerns(), { singleton: true })
  jobs.every('idempotency-keys-prune', 60 * 60_000, () => intake.pruneIdempotencyKeys(), { singleton: true })
  const processedWebhooks = processedWebhookModel(connection)
  // Twilio retries within minutes, never after days; RETENTION_WEBHOOK_DAYS sets how long the records are kept.
  const webhookLifetimeMs = config.RETENTION_WEBHOOK_DAYS * 24 * 60 * 60 * 1000
  jobs.every('processed-webhooks-prune', 60 * 60_000, () => processedWebhooks.deleteMany({ receivedAt: { $lt: new Date(clock.now().getTime() - webhookLifetimeMs) } }), {
    singleton: true,
  })
  const retention = new RetentionJob(connection, retentionPolicyFrom(config), clock, logger)
  jobs.every('retention', 24 * 60 * 60_000, () => retention.run(), { singleton: true })
  jobs.every('leases-prune', 60 * 60_000, () => leases.prune(), { singleton: true })
  // Stopped in this order: no new passes, then wait for routing started by requests.
  const backgroundJobs: Worker = { start: () => jobs.start(), stop: async () => (await jobs.stop(), await classifyAndRoute.settled()) }
  // The background workers: the jobs above (person deliveries among them), and forgetting web chat transcripts.
  const workers: Worker[] = [backgroundJobs, transcriptRetention]

  return {
    config,
    logger,
    clock,
    connection,
    metrics,
    contactCipher,
    sessionSecret,
    addressHasher,
    leases,
    workQueue,
    jobs,
    lane,
    smsOptOuts,
    conversationReferences,
    twilioAdapter,
    cloudAdapter,
    transcripts,
    transcriptRetention,
    directLineAdapter,
    directLine,
    bot,
    botStorage,
    feedbackDrafts,
    callbackRequests,
    equalityResponses,
    directory,
    feedbackSubmission,
    feedbackStatus,
    intake,
    classifier,
    router,
    classifyAndRoute,
    alertOutbox,
    alertDelivery,
    alertSenders,
    alertWorker,
    escalation,
    cases,
    signals: new Signals(feedback, clock),
    users,
    oidc: createOidcSignIn(config, userModel(connection), logger),
    audit,
    deliveries,
    notifyPerson: deliveries.notifyPerson,
    listFailedDeliveries: options => deliveries.listFailedDeliveries(options),
    sendProactiveMessage,
    workers,
  }
}
