import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { z } from 'zod'
import type { DirectLineChannel, IncomingActivity } from './directLineChannel'
import { UnknownConversationError } from './directLineChannel'
import { TokenError } from './tokens'

/** Long enough for a whole story pasted in one go; longer messages are asked for in parts. */
export const maxMessageLength = 20_000

const tooLongMessage = 'That message is too long to send in one go. Please send it in smaller parts.'
const unreadableMessage = 'We could not read that message. Please try sending it again.'

const incomingActivitySchema = z.looseObject({
  type: z.enum(['message', 'event', 'typing'], { message: 'type must be message, event or typing' }),
  text: z.string().max(maxMessageLength, { message: tooLongMessage }).nullish(),
  locale: z.string().max(35).nullish(),
  name: z.string().max(200).nullish(),
  value: z.unknown().optional(),
  channelData: z
    .looseObject({
      clientActivityID: z.string().max(200).optional(),
      clientTimestamp: z.string().max(64).optional(),
    })
    .nullish(),
})

function problem(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message })
}

/** Direct Line sends watermarks as strings; a missing one means "from the start". */
function parseWatermark(raw: unknown): number | undefined {
  if (raw === undefined || raw === '') return 0
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) return undefined
  return Number(raw)
}

type Handler = (req: Request, res: Response) => Promise<void>

/**
 * The Direct Line 3.0 subset that the chat page and Microsoft's botframework-webchat client use:
 * conversations, activities (polling, no WebSocket) and tokens. CORS is open because tokens travel in the
 * Authorization header, never in cookies, so another site can embed the chat without gaining anything.
 */
export default function directLineRoutes(channel: DirectLineChannel, rateLimitPerMinute: number): Router {
  const router = express.Router()
  const base = '/v3/directline'

  router.use(base, (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, x-ms-bot-agent, x-requested-with')
    res.setHeader('Access-Control-Max-Age', '600')
    res.setHeader('Cache-Control', 'no-store')
    if (req.method === 'OPTIONS') {
      res.status(204).end()
      return
    }
    next()
  })
  router.use(base, express.json({ limit: '256kb' }))

  const newConversationLimit = rateLimit({
    windowMs: 60_000,
    limit: rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Resuming with a token is not a new chat; anything else that creates one counts.
    skip: req => req.path === `${base}/conversations` && Boolean(req.headers.authorization),
    handler: (_req, res) =>
      problem(res, 429, 'too_many_requests', 'A lot of chats were started from here in the last minute. Please wait a minute and try again.'),
  })

  const handle =
    (handler: Handler) =>
    (req: Request, res: Response, next: NextFunction): void => {
      handler(req, res).catch(error => {
        if (error instanceof TokenError) return problem(res, error.status, error.status === 401 ? 'unauthorized' : 'forbidden', error.message)
        if (error instanceof UnknownConversationError) {
          return problem(res, 404, 'not_found', 'We could not find this chat. Please start a new one.')
        }
        next(error)
      })
    }

  const grantFor = (req: Request) => {
    const grant = channel.tokens.verify(req.headers.authorization)
    if (grant.conversationId !== req.params.conversationId) {
      throw new TokenError(403, 'This chat token is for a different chat. Please refresh the page.')
    }
    return grant
  }

  router.post(
    `${base}/conversations`,
    newConversationLimit,
    handle(async (req, res) => {
      if (!req.headers.authorization) {
        res.status(201).json(await channel.createConversation(true))
        return
      }
      // A returning visitor with their newest token, or a client holding a token from /tokens/generate.
      const grant = channel.tokens.verifyForResume(req.headers.authorization)
      const started = await channel.ensureStarted(grant)
      res.status(started ? 201 : 200).json(await channel.renew(grant))
    }),
  )

  router.get(
    `${base}/conversations/:conversationId`,
    handle(async (req, res) => {
      const grant = channel.tokens.verifyForResume(req.headers.authorization)
      if (grant.conversationId !== req.params.conversationId) {
        throw new TokenError(403, 'This chat token is for a different chat. Please refresh the page.')
      }
      await channel.ensureStarted(grant)
      res.json(await channel.renew(grant))
    }),
  )

  router.post(
    `${base}/conversations/:conversationId/activities`,
    handle(async (req, res) => {
      const grant = grantFor(req)
      const parsed = incomingActivitySchema.safeParse(req.body)
      if (!parsed.success) {
        const tooLong = parsed.error.issues.some(issue => issue.code === 'too_big' && issue.path[0] === 'text')
        problem(res, tooLong ? 413 : 400, 'bad_request', tooLong ? tooLongMessage : unreadableMessage)
        return
      }
      const body = parsed.data
      const incoming: IncomingActivity = {
        type: body.type,
        text: body.text ?? undefined,
        locale: body.locale ?? undefined,
        name: body.name ?? undefined,
        value: body.value,
        clientActivityID: body.channelData?.clientActivityID,
        clientTimestamp: body.channelData?.clientTimestamp,
      }
      res.json(await channel.receive(grant, incoming))
    }),
  )

  router.get(
    `${base}/conversations/:conversationId/activities`,
    handle(async (req, res) => {
      const grant = grantFor(req)
      const watermark = parseWatermark(req.query.watermark)
      if (watermark === undefined) {
        problem(res, 400, 'bad_request', 'The watermark must be a whole number. Please refresh the page.')
        return
      }
      res.json(await channel.read(grant, watermark))
    }),
  )

  router.post(
    `${base}/tokens/refresh`,
    handle(async (req, res) => {
      // Only a token that still works is refreshed; one that ran out resumes through POST /conversations.
      res.json(await channel.renew(channel.tokens.verify(req.headers.authorization)))
    }),
  )

  router.post(
    `${base}/tokens/generate`,
    newConversationLimit,
    handle(async (_req, res) => {
      res.json(await channel.createConversation(false))
    }),
  )

  router.use(base, (error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (error?.type === 'entity.too.large') return problem(res, 413, 'too_large', tooLongMessage)
    if (error?.type === 'entity.parse.failed' || error?.status === 400) return problem(res, 400, 'bad_request', unreadableMessage)
    next(error)
  })

  return router
}
