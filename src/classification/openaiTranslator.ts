import OpenAI from 'openai'
import { z } from 'zod'
import type { Logger } from '../logger'
import { loadPrompt } from './prompts'

export interface TranslatorSettings {
  apiKey: string
  baseURL?: string
  model: string
  timeoutMs: number
}

const outputSchema = z.object({ translation: z.string().trim().min(1).max(40_000) })

/**
 * Machine translation through the configured LLM: feedback into English for the inspector, and an inspector's English
 * reply into the person's language as a draft. Callers redact first. A failure returns undefined: the original words
 * are always kept, and the language floor has already made sure a person reads them.
 */
export class OpenAiTranslator {
  private readonly client: OpenAI

  constructor(
    private readonly settings: TranslatorSettings,
    private readonly logger: Logger,
  ) {
    this.client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL, timeout: settings.timeoutMs, maxRetries: 0 })
  }

  get model(): string {
    return this.settings.model
  }

  toEnglish(redactedText: string, languageName: string): Promise<string | undefined> {
    return this.ask('translate-for-inspector.md', languageName, redactedText, 'translation.to-english')
  }

  fromEnglish(text: string, languageName: string): Promise<string | undefined> {
    return this.ask('translate-reply.md', languageName, text, 'translation.reply')
  }

  private async ask(prompt: string, languageName: string, text: string, event: string): Promise<string | undefined> {
    try {
      const completion = await this.client.chat.completions.create({
        model: this.settings.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: loadPrompt(prompt, { language: languageName }) },
          { role: 'user', content: text },
        ],
      })
      const parsed = outputSchema.safeParse(JSON.parse(completion.choices[0]?.message?.content ?? '{}'))
      if (parsed.success) return parsed.data.translation
      this.logger.warn({ event: `${event}.invalid-output` }, 'the translation came back in a form we cannot use')
    } catch (error) {
      this.logger.warn({ event: `${event}.failed`, errorName: (error as Error)?.name }, 'machine translation failed; the original words are kept')
    }
    return undefined
  }
}
