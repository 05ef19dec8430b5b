import OpenAI from 'openai'
import { redactPersonalData } from '../classification'
import type { Config } from '../config'
import type { Logger } from '../logger'

export interface DraftedResponse {
  text: string
  easyReadText: string
}

const instructions = [
  'You help an inspector at a health and social care regulator reply to a member of the public about their feedback.',
  'Rewrite the inspector draft as two versions: "text" in plain English (short sentences, no jargon, warm, under 120 words),',
  'and "easyReadText" in Easy Read style (very short sentences, one idea each, common words, under 60 words).',
  'Keep every fact and promise from the draft; add none. Do not name staff or other people. Answer with JSON only: {"text": "...", "easyReadText": "..."}.',
].join(' ')

/**
 * Optional LLM drafting: only when OPENAI_API_KEY is set. Names, numbers and addresses are redacted from
 * everything sent; the inspector always edits the result before anything reaches the person.
 */
export class ResponseDrafting {
  private readonly client: OpenAI | undefined

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
  ) {
    this.client = config.OPENAI_API_KEY
      ? new OpenAI({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, timeout: config.OPENAI_TIMEOUT_MS, maxRetries: 1 })
      : undefined
  }

  get available(): boolean {
    return Boolean(this.client)
  }

  async draft(inspectorDraft: string, story: string | undefined): Promise<DraftedResponse | undefined> {
    if (!this.client) return undefined
    try {
      const completion = await this.client.chat.completions.create({
        model: this.config.OPENAI_MODEL,
        temperature: 0.2,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: instructions },
          { role: 'user', content: `What the person told us (redacted):\n${redactPersonalData(story ?? '').slice(0, 4000)}\n\nInspector draft:\n${redactPersonalData(inspectorDraft)}` },
        ],
      })
      const parsed = JSON.parse(completion.choices[0]?.message?.content ?? '{}') as Partial<DraftedResponse>
      if (typeof parsed.text !== 'string' || typeof parsed.easyReadText !== 'string') return undefined
      return { text: parsed.text.trim(), easyReadText: parsed.easyReadText.trim() }
    } catch (error) {
      this.logger.warn({ errorName: (error as Error).name }, 'response drafting failed; the inspector keeps their own draft')
      return undefined
    }
  }
}
