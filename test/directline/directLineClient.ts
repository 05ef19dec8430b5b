/** A small Direct Line 3.0 client for tests: the same HTTP calls the chat page makes. */

export interface ChatActivity {
  id: string
  type: string
  text?: string
  from: { id: string; role?: string }
  conversation: { id: string }
  channelId: string
  suggestedActions?: { actions: { type: string; title: string; value: string }[] }
  channelData?: Record<string, unknown>
  timestamp?: string
}

export interface Ticket {
  conversationId: string
  token: string
  expires_in: number
}

export class DirectLineTestClient {
  watermark = '0'
  conversationId = ''
  token = ''

  constructor(readonly baseUrl: string) {}

  get domain(): string {
    return `${this.baseUrl}/v3/directline`
  }

  static async resume(baseUrl: string, token: string): Promise<DirectLineTestClient> {
    const client = new DirectLineTestClient(baseUrl)
    // As the chat page does for a returning visitor: POST /conversations with their newest token, run out or not.
    const response = await fetch(`${client.domain}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    if (response.status !== 200 && response.status !== 201) throw new Error(`resume answered ${response.status}: ${await response.text()}`)
    const ticket = (await response.json()) as Ticket
    client.conversationId = ticket.conversationId
    client.token = ticket.token
    return client
  }

  /** `locale` is what our chat page sends: the language of the page, so the welcome comes in it. */
  async start(locale?: string): Promise<ChatActivity[]> {
    const response = await fetch(`${this.domain}/conversations`, {
      method: 'POST',
      ...(locale ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale }) } : {}),
    })
    if (response.status !== 201) throw new Error(`start answered ${response.status}: ${await response.text()}`)
    const ticket = (await response.json()) as Ticket
    this.conversationId = ticket.conversationId
    this.token = ticket.token
    return this.botActivitiesSinceLastRead()
  }

  post(body: unknown, token = this.token, conversationId = this.conversationId): Promise<Response> {
    return fetch(`${this.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  }

  /** Sends a message as a person would and returns what the bot said in reply. */
  async say(text: string): Promise<ChatActivity[]> {
    const response = await this.post({ type: 'message', text, from: { id: 'ignored-by-server' }, locale: 'en-GB' })
    if (response.status !== 200) throw new Error(`post answered ${response.status}: ${await response.text()}`)
    return this.botActivitiesSinceLastRead()
  }

  async read(watermark = this.watermark): Promise<{ activities: ChatActivity[]; watermark: string }> {
    const response = await fetch(`${this.domain}/conversations/${this.conversationId}/activities?watermark=${watermark}`, {
      headers: { authorization: `Bearer ${this.token}` },
    })
    if (response.status !== 200) throw new Error(`read answered ${response.status}: ${await response.text()}`)
    return (await response.json()) as { activities: ChatActivity[]; watermark: string }
  }

  async botActivitiesSinceLastRead(): Promise<ChatActivity[]> {
    const page = await this.read()
    this.watermark = page.watermark
    return page.activities.filter(activity => activity.from.role === 'bot')
  }
}

export function textOf(activities: ChatActivity[]): string {
  return activities.map(activity => activity.text ?? '').join('\n')
}
