import type { Activity, ConversationReference } from 'botbuilder'
import type { CloudAdapter } from 'botbuilder'
import type { Connection } from 'mongoose'
import type { BotMessage } from '../conversation/botMessage'
import type { Clock } from '../clock'
import type { Config } from '../config'
import { processedWebhookModel } from '../data/models/processedWebhook'
import { TranscriptStore } from '../channels/webchat/transcriptStore'
import type { Logger } from '../logger'
import type { ContactCipher } from '../contact/contactEncryption'
import { createNotifyEmailSender, createNotifySmsSender, createTwilioSmsSender, DeliveryError } from './deliveryProviders'
import { DeliveryWorker } from './deliveryWorker'
import type { BackgroundJobs } from '../data/work/backgroundJobs'
import type { WorkQueue } from '../data/work/workQueue'
import { DeliveryService, type NotifyPerson } from './notifyPerson'
import type { Delivery } from '../data/models/delivery'
import { continueWithActivities, createCloudAdapter, createProactiveMessageSender } from '../channels/botframework/botFramework'
import { ConversationReferenceStore, rememberConversations } from '../channels/conversationReferences'
import { type AddressHasher, createAddressHasher } from '../contact/phoneNumbers'
import { SmsOptOutStore } from '../channels/sms/smsOptOuts'
import { botAccount, TwilioAdapter } from '../channels/sms/twilioAdapter'

export { botFrameworkRoutes } from '../channels/botframework/botFramework'
export { twilioWebhookRoutes } from '../channels/sms/twilioWebhook'


export interface ChannelServices {
  addressHasher: AddressHasher
  smsOptOuts: SmsOptOutStore
  conversationReferences: ConversationReferenceStore
  twilioAdapter: TwilioAdapter
  cloudAdapter: CloudAdapter
  deliveries: DeliveryService
  /** Tells the person behind a feedback reference something, on their chosen channel and format. */
  notifyPerson: NotifyPerson
  /** Deliveries that could not be made, for inspectors to follow up by other means. */
  listFailedDeliveries: (options?: { limit?: number; feedbackReference?: string }) => Promise<Delivery[]>
  /** A message to a Teams (or other Bot Framework) conversation, as an Adaptive Card. */
  sendProactiveMessage: (conversationReference: Partial<ConversationReference>, message: BotMessage) => Promise<string>
  deliveryWorker: DeliveryWorker
}

export function createChannelServices(
  config: Config,
  logger: Logger,
  connection: Connection,
  clock: Clock,
  contactCipher: ContactCipher,
  addressHashSecret: Buffer,
  work?: { queue: WorkQueue; jobs: BackgroundJobs },
): ChannelServices {
  const addressHasher = createAddressHasher(addressHashSecret)
  const smsOptOuts = new SmsOptOutStore(connection, addressHasher, clock)
  const conversationReferences = new ConversationReferenceStore(connection, clock)
  const twilioAdapter = new TwilioAdapter(addressHasher, clock)
  twilioAdapter.onTurnError = async (context, error) => {
    logger.error({ errorName: error?.name, channelId: context.activity.channelId }, 'text message turn failed')
    await context.sendActivity('Sorry, something went wrong on our side. Please send your last message again.')
  }
  const cloudAdapter = createCloudAdapter(config, logger)
  cloudAdapter.use(rememberConversations(conversationReferences, logger))
  const transcripts = new TranscriptStore(connection, contactCipher, clock)

  const deliveries = new DeliveryService({
    connection,
    queue: work?.queue,
    clock,
    logger,
    contactCipher,
    optOuts: smsOptOuts,
    conversations: conversationReferences,
    // Twilio when it is set up, as the same number people text; otherwise GOV.UK Notify's SMS.
    sms: createTwilioSmsSender(config) ?? createNotifySmsSender(config),
    email: createNotifyEmailSender(config),
    chat: {
      async directLine(conversationId, activities) {
        // Transcripts are forgotten once they can no longer be resumed: nobody would ever read the update there.
        if (!(await transcripts.findConversation(conversationId))) {
          throw new DeliveryError('The web chat conversation has ended; the update can be read with the reference', false)
        }
        let lastId = ''
        for (const activity of activities) {
          const stored = await transcripts.append(conversationId, {
            ...activity,
            channelId: 'webchat',
            conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
            from: botAccount,
          } as Partial<Activity>)
          lastId = stored.id ?? ''
        }
        return lastId
      },
      botFramework: (reference, activities) => continueWithActivities(cloudAdapter, config, reference, activities),
    },
  })
  const processedWebhooks = processedWebhookModel(connection)
  const deliveryWorker = new DeliveryWorker(deliveries, logger, 5000)
  // Twilio retries within minutes, never after days; RETENTION_WEBHOOK_DAYS sets how long the records are kept.
  const webhookLifetimeMs = config.RETENTION_WEBHOOK_DAYS * 24 * 60 * 60 * 1000
  work?.jobs.every('processed-webhooks-prune', 60 * 60_000, () => processedWebhooks.deleteMany({ receivedAt: { $lt: new Date(clock.now().getTime() - webhookLifetimeMs) } }), {
    singleton: true,
  })

  return {
    addressHasher,
    smsOptOuts,
    conversationReferences,
    twilioAdapter,
    cloudAdapter,
    deliveries,
    notifyPerson: deliveries.notifyPerson,
    listFailedDeliveries: options => deliveries.listFailedDeliveries(options),
    sendProactiveMessage: createProactiveMessageSender(cloudAdapter, config),
    deliveryWorker,
  }
}
