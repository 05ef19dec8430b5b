import crypto from 'node:crypto'
import express, { type Request, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { z } from 'zod'
import {
  type Activity,
  type ActivityHandlerBase,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
} from 'botbuilder'
import { type BotMessage, renderAsAdaptiveCard } from '../../conversation/botMessage'
import type { Config } from '../../config'
import { loggableError, type Logger } from '../../logger'
import { apologiseOnTurnError } from '../../conversation/turnFailure'
import { botFrameworkRoute, markConversationRoute } from '../../conversation/conversationIdentity'
import { sendProactively } from '../proactive'
import { type ConversationReferenceStore, rememberConversations } from '../conversationReferences'

export const botFrameworkPath = '/api/messages'


/**
 * The Azure Bot Service adapter (Teams, Messenger, Telegram, Azure's Direct Line). With no MicrosoftAppId it
 * accepts unauthenticated requests and replies without a token, which is what the Bot Framework Emulator needs.
 * Every turn is marked with its route first (so every later middleware and the bot see it as part of the
 * conversation's identity), then its conversation is remembered.
 */
export class BotFrameworkAdapter extends CloudAdapter {
  constructor(config: Config, logger: Logger, conversations: ConversationReferenceStore) {
    super(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: config.MicrosoftAppId ?? '',
        MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
        MicrosoftAppType: config.MicrosoftAppType,
        MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      }),
    )
    this.use(markConversationRoute(botFrameworkRoute), rememberConversations(conversations, logger))
    this.onTurnError = apologiseOnTurnError(logger, 'botframework')
  }
}

/** Sends activities into an existing conversation (a proactive message). Returns the id of the last one sent. */
export function continueWithActivities(
  adapter: CloudAdapter,
  config: Config,
  reference: Partial<ConversationReference>,
  activities: readonly Partial<Activity>[],
): Promise<string> {
  return sendProactively((target, logic) => adapter.continueConversationAsync(config.MicrosoftAppId ?? '', target, logic), reference, activities)
}

/** A Teams (or other Bot Framework) message to a known conversation, as an Adaptive Card: for on-call alerts. */
export function createProactiveMessageSender(adapter: CloudAdapter, config: Config) {
  return async function sendProactiveMessage(conversationReference: Partial<ConversationReference>, message: BotMessage): Promise<string> {
    return continueWithActivities(adapter, config, conversationReference, renderAsAdaptiveCard(message))
  }
}

/** Activity types the bot answers or may safely ignore. Invokes expect answers this bot does not give. */
const acceptedTypes = [
  'message',
  'conversationUpdate',
  'event',
  'typing',
  'endOfConversation',
  'installationUpdate',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'contactRelationUpdate',
] as const

const account = z.looseObject({ id: z.string().min(1).max(512), name: z.string().max(512).nullish(), role: z.string().max(64).nullish() })

/** What /api/messages needs to be able to take an activity safely; other Bot Framework fields pass through. */
const incomingActivity = z.looseObject({
  type: z.enum(acceptedTypes),
  id: z.string().max(512).nullish(),
  channelId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  serviceUrl: z.string().max(2048),
  conversation: z.looseObject({ id: z.string().min(1).max(512), isGroup: z.boolean().nullish() }),
  from: account,
  recipient: account.nullish(),
  text: z.string().max(20_000).nullish(),
  locale: z.string().max(35).nullish(),
  timestamp: z.string().max(64).nullish(),
  membersAdded: z.array(account).max(100).nullish(),
  membersRemoved: z.array(account).max(100).nullish(),
  attachments: z.array(z.looseObject({ contentType: z.string().max(255) })).max(20).nullish(),
  entities: z.array(z.looseObject({ type: z.string().max(255) })).max(50).nullish(),
  replyToId: z.string().max(512).nullish(),
  name: z.string().max(200).nullish(),
})

/** A plain-language refusal, never the library's own words. */
function refuse(res: Response, status: number, error: string, message: string): void {
  if (!res.headersSent) res.status(status).json({ error, message })
}

const unreadable = 'This service could not read that activity. Check it is a Bot Framework activity with a type, channelId, serviceUrl, conversation and from, then send it again.'

/** Where the bot would post its replies: an https or http URL, and when anonymous only a host on the allow-list. */
export function serviceUrlProblem(serviceUrl: string, anonymous: boolean, allowList: readonly string[]): string | undefined {
  let url: URL
  try {
    url = new URL(serviceUrl)
  } catch {
    return 'The serviceUrl is not a web address.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The serviceUrl must start with http:// or https://.'
  if (anonymous && !allowList.includes(url.hostname.toLowerCase())) {
    return 'Without a MicrosoftAppId this service answers only serviceUrls on BOT_SERVICE_URL_ALLOW_LIST (by default this computer).'
  }
  return undefined
}

/**
 * Collects what CloudAdapter would answer, so its own error texts (and 5xx for input it could not take) never
 * reach the caller: 401 stays 401, anything else that is not a success becomes a plain 400.
 */
function captureResponse() {
  let status = 200
  let body: unknown
  const shim = {
    status(code: number) {
      status = code
      return shim
    },
    header() {
      return shim
    },
    send(value: unknown) {
      body = value
      return shim
    },
    end() {
      return shim
    },
  }
  return { shim, result: () => ({ status, body }) }
}

export interface BotFrameworkRouteOptions {
  config: Pick<Config, 'MicrosoftAppId' | 'BOT_SERVICE_URL_ALLOW_LIST' | 'RATE_LIMIT_PER_MINUTE'>
  logger: Logger
}

/**
 * POST /api/messages: the Bot Framework's messaging endpoint. Signed requests only when MicrosoftAppId is set
 * (production requires it); without it, only serviceUrls on the allow-list, for the Emulator. Malformed
 * activities get a plain 400. Rate-limited per conversation, and per address for requests that are refused.
 */
export function botFrameworkRoutes(adapter: CloudAdapter, bot: () => Pick<ActivityHandlerBase, 'run'>, options: BotFrameworkRouteOptions): Router {
  const { config, logger } = options
  const anonymous = !config.MicrosoftAppId
  const router = express.Router()
  const tooMany = (_req: Request, res: Response) => refuse(res, 429, 'too_many_requests', 'Too many messages in the last minute. Please wait a minute and try again.')
  // Azure's channels reach us from a few shared addresses: signed, accepted requests are limited per conversation only.
  const perAddress = rateLimit({
    windowMs: 60_000,
    limit: config.RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: !anonymous,
    handler: tooMany,
  })
  const perConversation = rateLimit({
    windowMs: 60_000,
    limit: config.RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: req => {
      const activity = req.body as { channelId?: string; conversation?: { id?: string } }
      return crypto.createHash('sha256').update(`${activity.channelId}\n${activity.conversation?.id}`).digest('base64url')
    },
    handler: tooMany,
  })

  router.post(
    botFrameworkPath,
    perAddress,
    express.json({ limit: '1mb' }),
    (req, res, next) => {
      const parsed = incomingActivity.safeParse(req.body)
      if (!parsed.success) return refuse(res, 400, 'bad_request', unreadable)
      const problem = serviceUrlProblem(parsed.data.serviceUrl, anonymous, config.BOT_SERVICE_URL_ALLOW_LIST)
      if (problem) return refuse(res, 400, 'bad_request', problem)
      next()
    },
    perConversation,
    async (req, res) => {
      const { shim, result } = captureResponse()
      try {
        await adapter.process(req, shim as unknown as Response, context => bot().run(context))
      } catch (error) {
        logger.warn(loggableError(error), 'Bot Framework activity could not be taken')
        return refuse(res, 400, 'bad_request', unreadable)
      }
      const { status, body } = result()
      if (status === 401 || status === 403) return refuse(res, 401, 'unauthorised', 'This endpoint takes only activities signed by the Bot Framework.')
      if (status >= 400) {
        logger.warn({ status }, 'Bot Framework activity refused by the adapter')
        return refuse(res, 400, 'bad_request', unreadable)
      }
      if (body === undefined) res.status(status).end()
      else res.status(status).json(body)
    },
  )
  router.use(botFrameworkPath, (error: { type?: string }, _req: Request, res: Response, _next: express.NextFunction) => {
    if (error?.type === 'entity.too.large') return refuse(res, 413, 'too_large', 'That activity is too large to take.')
    refuse(res, 400, 'bad_request', unreadable)
  })
  return router
}
