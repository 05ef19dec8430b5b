import OpenAI from 'openai'
import { z } from 'zod'
import type { Logger } from '../logger'
import type { EmbeddedClassifier } from './embeddedClassifier'
import { loadPrompt } from './prompts'
import { redactPersonalData } from './redact'
import { speaksOfDangerNow } from './signposting'
import { riskCategories, riskLevelOrder, riskLevels, type RiskCategory, themeNames } from './taxonomy'
import type { Classification, FeedbackClassifier, FeedbackContext, RiskAssessment } from './types'

export interface OpenAiSettings {
  apiKey: string
  baseURL?: string
  model: string
  timeoutMs: number
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number
  /** How long an open circuit skips OpenAI before trying again. */
  coolDownMs?: number
  now?: () => number
}

const modelOutputSchema = z.object({
  themes: z.array(z.string()).min(1).max(10),
  sentiment: z.number().int().min(1).max(5),
  risk: z.object({
    level: z.enum(riskLevels),
    categories: z.array(z.enum(riskCategories as [RiskCategory, ...RiskCategory[]])),
    reason: z.string().trim().min(1).max(600),
  }),
})

type ModelOutput = z.infer<typeof modelOutputSchema>

const responseJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['themes', 'sentiment', 'risk'],
  properties: {
    themes: { type: 'array', items: { type: 'string', enum: themeNames } },
    sentiment: { type: 'integer', enum: [1, 2, 3, 4, 5] },
    risk: {
      type: 'object',
      additionalProperties: false,
      required: ['level', 'categories', 'reason'],
      properties: {
        level: { type: 'string', enum: riskLevels },
        categories: { type: 'array', items: { type: 'string', enum: riskCategories } },
        reason: { type: 'string' },
      },
    },
  },
}

class InvalidModelOutput extends Error {}

/** After repeated failures, skip the remote model for a while instead of making every submission wait for it. */
export class CircuitBreaker {
  private consecutiveFailures = 0
  private openedAt: number | undefined

  constructor(
    private readonly failureThreshold: number,
    private readonly coolDownMs: number,
    private readonly now: () => number,
  ) {}

  get isOpen(): boolean {
    if (this.openedAt === undefined) return false
    if (this.now() - this.openedAt >= this.coolDownMs) return false
    return true
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0
    this.openedAt = undefined
  }

  recordFailure(): void {
    this.consecutiveFailures++
    if (this.consecutiveFailures >= this.failureThreshold) this.openedAt = this.now()
  }
}

/**
 * An OpenAI (or compatible) chat model classifies redacted text; the embedded safety rules always run too
 * and the higher risk level wins. Invalid output is retried once, then the embedded result is used.
 */
export class OpenAiClassifier implements FeedbackClassifier {
  private readonly client: OpenAI
  private readonly systemPrompt: string
  readonly breaker: CircuitBreaker

  constructor(
    private readonly settings: OpenAiSettings,
    private readonly embedded: EmbeddedClassifier,
    private readonly logger: Logger,
  ) {
    this.client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL, timeout: settings.timeoutMs, maxRetries: 0 })
    this.systemPrompt = loadPrompt('classify-feedback.md', {
      themes: themeNames.map(name => `    - ${name}`).join('\n'),
      riskCategories: riskCategories.join(', '),
    })
    this.breaker = new CircuitBreaker(settings.failureThreshold ?? 3, settings.coolDownMs ?? 60_000, settings.now ?? Date.now)
  }

  async classifyFeedback(text: string, context: FeedbackContext = {}): Promise<Classification> {
    const embedded = this.embedded.classifySync(text, context)
    if (this.breaker.isOpen) {
      this.logger.debug({ event: 'classification.openai.skipped', reason: 'circuit-open' }, 'OpenAI skipped while its circuit is open')
      return embedded
    }
    const redacted = redactPersonalData(text)
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const output = await this.askModel(redacted)
        this.breaker.recordSuccess()
        return this.merge(output, embedded, { text, redacted }, this.embedded.readsAsCalm(text))
      } catch (error) {
        if (error instanceof InvalidModelOutput) {
          this.logger.warn({ event: 'classification.openai.invalid-output', attempt }, 'OpenAI returned output that failed validation')
          if (attempt === 1) continue
        } else {
          this.logger.warn({ event: 'classification.openai.failed', errorType: describeError(error) }, 'OpenAI classification failed')
        }
        this.breaker.recordFailure()
        break
      }
    }
    return embedded
  }

  private async askModel(redactedText: string): Promise<ModelOutput> {
    const completion = await this.client.chat.completions.create({
      model: this.settings.model,
      temperature: 0,
      messages: [
        { role: 'system', content: this.systemPrompt },
        { role: 'user', content: redactedText },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'feedback_classification', strict: true, schema: responseJsonSchema } },
    })
    const content = completion.choices[0]?.message?.content
    if (typeof content !== 'string') throw new InvalidModelOutput('no content')
    let parsed: unknown
    try {
      parsed = JSON.parse(content)
    } catch {
      throw new InvalidModelOutput('not JSON')
    }
    const result = modelOutputSchema.safeParse(parsed)
    if (!result.success) throw new InvalidModelOutput('schema')
    const knownThemes = result.data.themes.filter(theme => themeNames.includes(theme))
    if (knownThemes.length === 0) throw new InvalidModelOutput('no known themes')
    return { ...result.data, themes: [...new Set(knownThemes)] }
  }

  /**
   * The LLM may raise any level. It may lower the embedded classifier's urgent to high, and no further, only when
   * it quotes the person's words in its reason, the embedded concern model also reads the text as calm, and the
   * embedded finding is not a risk to life, sexual abuse or danger happening now. Both readings are kept.
   */
  private merge(output: ModelOutput, embedded: Classification, texts: { text: string; redacted: string }, concernCalm: boolean): Classification {
    const llm: RiskAssessment = {
      level: output.risk.level as RiskAssessment['level'],
      categories: output.risk.categories,
      reason: output.risk.reason,
    }
    const ours = embedded.risk
    let risk: RiskAssessment
    if (riskLevelOrder[llm.level] > riskLevelOrder[ours.level]) {
      risk = { level: llm.level, categories: [...new Set([...llm.categories, ...ours.categories])], reason: `${llm.reason} (LLM; the embedded classifier read ${ours.level}.)` }
    } else if (ours.level === 'urgent' && llm.level !== 'urgent' && mayLowerUrgent(ours, llm, texts, concernCalm)) {
      risk = {
        level: 'high',
        categories: ours.categories,
        reason: `High rather than urgent: the LLM reads it as ${llm.level} (${llm.reason}), and the embedded concern model reads it as calm. Embedded: ${ours.reason}`,
      }
    } else {
      risk = { ...ours, categories: [...new Set([...ours.categories, ...llm.categories])] }
    }
    return {
      themes: output.themes,
      sentiment: output.sentiment as Classification['sentiment'],
      risk,
      classifier: { name: 'openai+embedded', version: `${this.settings.model}+${embedded.classifier.version}` },
      opinions: { embedded: ours, llm },
    }
  }
}

/** Categories the LLM may never talk down from urgent. */
const neverLoweredCategories = new Set<RiskCategory>(['risk-to-life', 'sexual'])

/** A quotation of at least four words that is really in the person's words (compared without case or punctuation). */
function quotesTheText(reason: string, text: string): boolean {
  const flat = (value: string): string => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  const haystack = ` ${flat(text)} `
  for (const [, quoted] of reason.matchAll(/["\u201c\u2018']([^"\u201d\u2019']{8,})["\u201d\u2019']/g)) {
    const needle = flat(quoted as string)
    if (needle.split(' ').length >= 4 && haystack.includes(` ${needle} `)) return true
  }
  return false
}


function mayLowerUrgent(ours: RiskAssessment, llm: RiskAssessment, { text, redacted }: { text: string; redacted: string }, concernCalm: boolean): boolean {
  if (llm.level !== 'high') return false
  if (!concernCalm) return false
  if (ours.categories.some(category => neverLoweredCategories.has(category))) return false
  if (llm.categories.some(category => neverLoweredCategories.has(category))) return false
  if (speaksOfDangerNow(text)) return false
  // The LLM saw the redacted text, so its quotation may carry redaction markers.
  return quotesTheText(llm.reason, text) || quotesTheText(llm.reason, redacted)
}

function describeError(error: unknown): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout'
  if (error instanceof OpenAI.APIConnectionError) return 'connection'
  if (error instanceof OpenAI.APIError) return `http-${error.status ?? 'unknown'}`
  return error instanceof Error ? error.name : 'unknown'
}
