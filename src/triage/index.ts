import type { Connection } from 'mongoose'
import { createClassifier, type FeedbackClassifier } from '../classification'
import type { Clock } from '../clock'
import type { Config } from '../config'
import { alertModel } from '../data/models/alert'
import { auditEventModel } from '../data/models/auditEvent'
import { careServiceModel } from '../data/models/careService'
import { deliveryModel } from '../data/models/delivery'
import { feedbackModel } from '../data/models/feedback'
import { intakeKeyModel } from '../data/models/intakeKey'
import { recentConcernModel } from '../data/models/recentConcern'
import type { BackgroundJobs } from '../data/work/backgroundJobs'
import type { WorkQueue } from '../data/work/workQueue'
import { userModel } from '../data/models/user'
import type { Logger } from '../logger'
import { AlertDelivery, type AlertSenders } from './alertDelivery'
import { AlertOutbox } from './alertOutbox'
import { AuditLog } from '../security/audit'
import { CaseQueue } from './caseQueue'
import { CaseService } from './caseService'
import { ClassifyAndRoute } from './classifyAndRoute'
import type { ContactCipher } from '../contact/contactEncryption'
import { createNotifyEmailSender, createNotifySmsSender } from '../messaging/deliveryProviders'
import { DirectoryService } from '../directory/directory'
import { Escalation } from './escalation'
import type { FeedbackSubmission } from '../feedback/feedbackSubmission'
import { Intake } from '../feedback/intake'
import { createOidcSignIn, type OidcSignIn } from '../security/oidc'
import { loadRoutingRules, Router } from './routing'
import { Signals } from './signals'
import { Users } from '../security/users'

/** Intake, classification and routing, the alert outbox, escalation and the inspectors' side. */
export interface TriageServices {
  intake: Intake
  classifier: FeedbackClassifier
  router: Router
  classifyAndRoute: ClassifyAndRoute
  alertOutbox: AlertOutbox
  alertDelivery: AlertDelivery
  /** Who gets urgent alerts by email, SMS and Teams; `teams` is filled in once the bot can send proactively. */
  alertSenders: AlertSenders
  /** Runs alert delivery, escalation and routing passes now rather than at their next interval. */
  alertWorker: { kick(): void }
  escalation: Escalation
  users: Users
  /** Organisation sign-in for the console; undefined when OIDC is not configured. */
  oidc: OidcSignIn | undefined
  audit: AuditLog
  cases: CaseService
  signals: Signals
}

export function createTriageServices(
  config: Config,
  logger: Logger,
  connection: Connection,
  clock: Clock,
  contactCipher: ContactCipher,
  feedbackSubmission: FeedbackSubmission,
  work: { queue: WorkQueue; jobs: BackgroundJobs },
  classifier: FeedbackClassifier = createClassifier(config, logger),
): TriageServices {
  const feedback = feedbackModel(connection)
  const router = new Router(loadRoutingRules(config.ROUTING_RULES_FILE))
  const alertSenders: AlertSenders = { email: createNotifyEmailSender(config), sms: createNotifySmsSender(config) }
  const alertOutbox = new AlertOutbox(
    alertModel(connection),
    router,
    config,
    {
      get email() {
        return Boolean(alertSenders.email)
      },
      get sms() {
        return Boolean(alertSenders.sms)
      },
      get teams() {
        return Boolean(alertSenders.teams)
      },
    },
    clock,
    logger,
    work.queue,
  )
  const alertDelivery = new AlertDelivery(alertModel(connection), feedback, router, config, alertSenders, clock, logger, work.queue)
  const classifyAndRoute = new ClassifyAndRoute(
    feedback,
    classifier,
    router,
    alertOutbox,
    clock,
    config.ALERT_ESCALATION_MINUTES,
    logger,
    work.queue,
    recentConcernModel(connection),
  )
  classifyAndRoute.draftQuietMinutes = config.DRAFT_QUIET_MINUTES
  const escalation = new Escalation(feedback, alertOutbox, clock, config.ALERT_ESCALATION_MINUTES, logger, work.queue)
  // Each on its own loop: delivering alerts never waits behind routing, routing never behind linking or sweeps.
  const { jobs } = work
  jobs.every('alert-delivery', 500, () => alertDelivery.deliverDue())
  jobs.every('escalation', Math.min(5_000, (config.ALERT_ESCALATION_MINUTES * 60_000) / 3), () => escalation.runOnce())
  jobs.every('routing', 2_000, () => classifyAndRoute.routeDue())
  jobs.every('quiet-drafts', 60_000, () => classifyAndRoute.routeQuietDrafts(), { singleton: true })
  jobs.every('unrouted-sweep', 60 * 60_000, () => classifyAndRoute.routeUnrouted(), { singleton: true })
  jobs.every('alert-outbox-sweep', 60 * 60_000, () => alertOutbox.requeuePending(), { singleton: true })
  jobs.every('recent-concerns-prune', 60 * 60_000, () => classifyAndRoute.pruneRecentConcerns(), { singleton: true })
  const alertWorker = { kick: () => jobs.kick('alert-delivery') }
  alertOutbox.onWritten = () => alertWorker.kick()
  alertOutbox.deliverNow = alerts => alertDelivery.deliverFresh(alerts)
  feedbackSubmission.routeQueue = reference => classifyAndRoute.enqueue(reference)
  feedbackSubmission.onSubmitted(async record => classifyAndRoute.soon(record.reference))
  const audit = new AuditLog(auditEventModel(connection), clock, logger)
  const users = new Users(userModel(connection))
  const caseQueue = new CaseQueue(feedback, deliveryModel(connection), clock, config.CONSOLE_QUEUE_REFRESH_SECONDS * 1000, error =>
    logger.warn({ err: error }, 'the case queue could not be read again; the console shows the last copy'),
  )
  const intake = new Intake(
    feedback,
    feedbackSubmission,
    contactCipher,
    { service: new DirectoryService(connection), entries: careServiceModel(connection) },
    intakeKeyModel(connection),
  )
  jobs.every('idempotency-keys-prune', 60 * 60_000, () => intake.pruneIdempotencyKeys(), { singleton: true })
  return {
    intake,
    classifier,
    router,
    classifyAndRoute,
    alertOutbox,
    alertDelivery,
    alertSenders,
    alertWorker,
    escalation,
    users,
    oidc: createOidcSignIn(config, userModel(connection), logger),
    audit,
    cases: new CaseService(feedback, caseQueue, alertOutbox, audit, users, contactCipher, clock),
    signals: new Signals(feedback, clock),
  }
}
