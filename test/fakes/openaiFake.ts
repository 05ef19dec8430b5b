import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the fake says to the next chat completion request. */
export type FakeReply =
  | { kind: 'content'; content: string }
  | { kind: 'status'; status: number }
  | { kind: 'slow'; delayMs: number; content: string }

export interface RecordedRequest {
  path: string
  body: { model?: string; messages?: { role: string; content: string }[]; response_format?: unknown }
}

/**
 * A small local stand-in for the OpenAI chat completions API (POST …/chat/completions), scripted per test.
 * When the script runs out it repeats the last reply.
 */
export class OpenAiFake {
  readonly requests: RecordedRequest[] = []
  private replies: FakeReply[] = []
  private readonly server = http.createServer((request, response) => void this.handle(request, response))
  private readonly sockets = new Set<import('node:net').Socket>()

  constructor() {
    this.server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  async start(): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  script(...replies: FakeReply[]): void {
    this.replies = replies
  }

  static classification(value: unknown): FakeReply {
    return { kind: 'content', content: JSON.stringify(value) }
  }

  private nextReply(): FakeReply {
    const reply = this.replies.length > 1 ? this.replies.shift() : this.replies[0]
    return reply ?? { kind: 'status', status: 500 }
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const path = request.url ?? ''
    if (request.method !== 'POST' || !path.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }))
      return
    }
    this.requests.push({ path, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'] })
    const reply = this.nextReply()
    if (reply.kind === 'status') {
      response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }))
      return
    }
    if (reply.kind === 'slow') await new Promise(resolve => setTimeout(resolve, reply.delayMs))
    if (response.destroyed) return
    const body = {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: this.requests.at(-1)?.body.model ?? 'fake',
      choices: [{ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant', content: reply.content, refusal: null } }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }
}
