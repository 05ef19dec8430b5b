import express, { type Router } from 'express'
import type { ActivityHandlerBase } from 'botbuilder'
import twilio from 'twilio'
import type { Clock } from '../../clock'
import type { Config } from '../../config'
import { type ProcessedWebhookModel, processedWebhookModel } from '../../data/models/processedWebhook'
import { conversationLanguageKey, textsStoppedKey } from '../../conversation/turnFlags'
import { DEFAULT_LANGUAGE } from '../../i18n/languages'
import { translatorFor } from '../../i18n/messages'
import type { ContactCipher } from '../../contact/contactEncryption'
import { loggableError, type Logger } from '../../logger'
import { KeyedQueue } from '../../conversation/keyedQueue'
import { parseTwilioAddress } from '../../contact/phoneNumbers'
import { smsKeywordIn, type SmsOptOutStore } from './smsOptOuts'
import type { TwilioAdapter, TwilioInbound } from './twilioAdapter'

export const twilioWebhookPath = '/api/sms/twilio'

export interface TwilioWebhookDependencies {
  config: Config
  logger: Logger
  clock: Clock
  connection: import('mongoose').Connection
  contactCipher: ContactCipher
  adapter: TwilioAdapter
  optOuts: SmsOptOutStore
  /** The feedback bot; looked up per request so the bot can arrive after the routes are built. */
  bot: () => Pick<ActivityHandlerBase, 'run'>
}

/** What a text from us says outside the conversation (HELP, START, a picture, a failure), in the conversation's language. */
function smsWording(language: string | undefined) {
  const t = translatorFor(language ?? DEFAULT_LANGUAGE, 'bot')
  return { resumed: t('sms.resumed'), media: t('sms.media'), failure: t('sms.failure') }
}

export function smsHelpText(config: Config, language?: string): string {
  const lines = translatorFor(language ?? DEFAULT_LANGUAGE, 'bot')('sms.help', { returnObjects: true, phone: config.CONTACT_CENTRE_PHONE }) as unknown as string[]
  return lines.join('\n')
}

function twiml(messages: string[]): string {
  const response = new twilio.twiml.MessagingResponse()
  for (const message of messages) response.message(message)
  return response.toString()
}

function field(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value : ''
}

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * POST /api/sms/twilio: SMS and WhatsApp through Twilio. Only requests signed with TWILIO_AUTH_TOKEN for this
 * exact address are read. Each MessageSid is taken once: a retry from Twilio gets the reply already given.
 */
export function twilioWebhookRoutes(deps: TwilioWebhookDependencies): Router {
  const { config, logger, clock } = deps
  const processed: ProcessedWebhookModel = processedWebhookModel(deps.connection)
  const router = express.Router()
  /** Two texts sent close together must not race: one conversation's texts are answered in arrival order. */
  const turns = new KeyedQueue()

  /** Runs the bot on one text; with texts stopped it still keeps and risk-assesses the words, and nothing is sent. */
  async function runBot(inbound: TwilioInbound, textsStopped: boolean) {
    let language: string | undefined
    const texts = await deps.adapter.processInbound(inbound, async context => {
      if (textsStopped) context.turnState.set(textsStoppedKey, true)
      await deps.bot().run(context)
      language = context.turnState.get(conversationLanguageKey) as string | undefined
    })
    return { texts, language }
  }

  async function replyTo(inbound: TwilioInbound): Promise<string[]> {
    const keyword = smsKeywordIn(inbound.body)
    if (keyword === 'stop') {
      await deps.optOuts.record(inbound.number, true, inbound.body.trim().toLowerCase())
      logger.info({ channelId: inbound.channelId }, 'texts stopped at the person’s request')
      await runBot(inbound, true)
      return []
    }
    if (await deps.optOuts.isOptedOut(inbound.number)) {
      if (keyword !== 'start') {
        // No text goes back to a number that said STOP, but what they send is still read: danger is never ignored.
        await runBot(inbound, true)
        return []
      }
      await deps.optOuts.record(inbound.number, false, inbound.body.trim().toLowerCase())
      logger.info({ channelId: inbound.channelId }, 'texts started again at the person’s request')
      return [smsWording(undefined).resumed]
    }

    const { texts: messages, language } = await runBot(inbound, false)
    if (inbound.mediaCount > 0) messages.unshift(smsWording(language).media)
    if (keyword === 'help') messages.unshift(smsHelpText(config, language))
    return messages
  }

  function openStoredReply(stored: string): string {
    try {
      return deps.contactCipher.decrypt<{ twiml: string }>(stored).twiml
    } catch {
      return twiml([])
    }
  }

  /** A retry of a message still being answered waits a little for that answer rather than running twice. */
  async function storedReply(messageSid: string): Promise<string | undefined> {
    for (let tries = 0; tries < 40; tries++) {
      const record = await processed.findOne({ messageId: messageSid }).lean()
      if (!record) return undefined
      if (record.responseBody) return openStoredReply(record.responseBody)
      await delay(250)
    }
    return twiml([])
  }

  router.post(twilioWebhookPath, express.urlencoded({ extended: false, limit: '200kb' }), async (req, res, next) => {
    try {
      const authToken = config.TWILIO_AUTH_TOKEN
      if (!authToken) {
        logger.error('Twilio webhook refused: TWILIO_AUTH_TOKEN is not set, so its signature cannot be checked')
        res.status(403).type('text/plain').send('This service is not set up to receive text messages.')
        return
      }
      const params = (req.body ?? {}) as Record<string, unknown>
      const signature = req.get('X-Twilio-Signature')
      const signedUrl = config.PUBLIC_BASE_URL.replace(/\/$/, '') + req.originalUrl
      if (!signature || !twilio.validateRequest(authToken, signature, signedUrl, params)) {
        logger.warn({ signed: Boolean(signature) }, 'Twilio webhook refused: the signature is missing or wrong')
        res.status(403).type('text/plain').send('The request signature is missing or wrong.')
        return
      }

      const messageSid = field(params, 'MessageSid') || field(params, 'SmsMessageSid')
      const from = field(params, 'From')
      if (!messageSid || !from) {
        res.status(400).type('text/xml').send(twiml([]))
        return
      }
      const { channelId, number } = parseTwilioAddress(from)
      const inbound: TwilioInbound = {
        messageSid,
        channelId,
        number,
        body: field(params, 'Body'),
        mediaCount: Number.parseInt(field(params, 'NumMedia'), 10) || 0,
      }

      try {
        await processed.create({ messageId: messageSid, provider: 'twilio', receivedAt: clock.now() })
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error
        logger.info({ channelId }, 'Twilio retry of a message already taken: answering with the first reply')
        const reply = await storedReply(messageSid)
        if (reply !== undefined) {
          res.type('text/xml').send(reply)
          return
        }
        // The first attempt gave up and released its claim: take it now.
        await processed.create({ messageId: messageSid, provider: 'twilio', receivedAt: clock.now() })
      }

      let body: string
      try {
        body = twiml(await turns.run(`${channelId}:${deps.adapter.activityFor(inbound).conversation?.id}`, () => replyTo(inbound)))
      } catch (error) {
        // Release the claim so Twilio's retry, or the person sending again, is taken afresh.
        await processed.deleteOne({ messageId: messageSid, responseBody: null }).catch(() => undefined)
        logger.error({ ...loggableError(error), channelId }, 'Twilio message could not be answered')
        res.type('text/xml').send(twiml([smsWording(undefined).failure]))
        return
      }
      // Sealed: the reply can quote the person's words and numbers, and it is kept for days.
      await processed.updateOne({ messageId: messageSid }, { $set: { responseBody: deps.contactCipher.encrypt({ twiml: body }), completedAt: clock.now() } })
      res.type('text/xml').send(body)
    } catch (error) {
      next(error)
    }
  })

  return router
}
