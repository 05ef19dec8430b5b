import crypto from 'node:crypto'
import type { Activity } from 'botbuilder'
import { startFakeServer } from './fakeServer'

export interface ConnectorReceived {
  conversationId: string
  replyToId?: string
  activity: Partial<Activity>
  authorization?: string
}

/**
 * The Bot Connector service a channel (or the Bot Framework Emulator) runs, as far as a bot uses it:
 * POST /v3/conversations/{conversationId}/activities/{activityId} (reply to an activity) and
 * POST /v3/conversations/{conversationId}/activities (send to a conversation). Both answer 200 {id}.
 */
export async function startBotConnectorFake() {
  const received: ConnectorReceived[] = []
  const server = await startFakeServer(request => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(request.path)
    if (!match || request.method !== 'POST') return { status: 404, json: { error: { code: 'NotFound', message: 'Not found' } } }
    const activity = JSON.parse(request.body || '{}') as Partial<Activity>
    received.push({
      conversationId: decodeURIComponent(match[1]!),
      replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
      activity,
      authorization: request.headers.authorization,
    })
    return { status: 200, json: { id: crypto.randomUUID() } }
  })
  return { ...server, received }
}

export type BotConnectorFake = Awaited<ReturnType<typeof startBotConnectorFake>>
