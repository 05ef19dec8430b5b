import path from 'node:path'
import { z } from 'zod'

/**
 * The one place that reads the environment. Every variable is declared once here, with its default,
 * an example and a description; README.md and .env.example list the same set (a test keeps them in step).
 */

const optionalText = z
  .string()
  .trim()
  .transform(value => (value === '' ? undefined : value))
  .optional()

const optionalUrl = z
  .string()
  .trim()
  .transform(value => (value === '' ? undefined : value))
  .pipe(z.url({ message: 'must be a full URL starting with http:// or https://' }).optional())
  .optional()

const port = z.coerce
  .number({ message: 'must be a whole number between 1 and 65535' })
  .int({ message: 'must be a whole number between 1 and 65535' })
  .min(1, { message: 'must be a whole number between 1 and 65535' })
  .max(65535, { message: 'must be a whole number between 1 and 65535' })

/** Keys and secrets: one encoding everywhere (variable and generated file alike), 32 random bytes in base64. */
export const keyEncodingHint = '32 random bytes in base64 (44 characters; make one with: openssl rand -base64 32)'
export function decodeKey(value: string): Buffer | undefined {
  const trimmed = value.trim()
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return undefined
  const key = Buffer.from(trimmed, 'base64')
  return key.length === 32 ? key : undefined
}

const key = z
  .string()
  .trim()
  .transform(value => (value === '' ? undefined : value))
  .pipe(z.string().refine(value => decodeKey(value) !== undefined, { message: `must be ${keyEncodingHint}` }).optional())
  .optional()

const nonNegativeInteger = z.coerce
  .number({ message: 'must be a whole number, 0 or more' })
  .int({ message: 'must be a whole number, 0 or more' })
  .min(0, { message: 'must be a whole number, 0 or more' })

const positiveInteger = z.coerce
  .number({ message: 'must be a whole number above 0' })
  .int({ message: 'must be a whole number above 0' })
  .positive({ message: 'must be a whole number above 0' })

const wholeNumber = z.coerce
  .number({ message: 'must be a whole number, 0 or more' })
  .int({ message: 'must be a whole number, 0 or more' })
  .min(0, { message: 'must be a whole number, 0 or more' })
const positiveNumber = z.coerce
  .number({ message: 'must be a number above 0' })
  .positive({ message: 'must be a number above 0' })
  .finite({ message: 'must be a number above 0' })

interface VariableSpec {
  schema: z.ZodType
  default?: string
  example: string
  description: string
  /** A key, password or token: its value is never repeated in an error. */
  secret?: true
}

export const configVariables = {
  NODE_ENV: {
    schema: z.enum(['development', 'test', 'production'], { message: 'must be development, test or production' }),
    default: 'development',
    example: 'production',
    description: 'Which kind of environment this is. Production refuses to start on generated secrets.',
  },
  PORT: { schema: port, default: '3978', example: '3978', description: 'HTTP port (3978 is the Bot Framework convention).' },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }),
    default: 'info',
    example: 'info',
    description: 'Least severe level written to the JSON log.',
  },
  PUBLIC_BASE_URL: {
    schema: z.url({ message: 'must be a full URL starting with http:// or https://' }),
    default: 'http://localhost:3978',
    example: 'https://feedback.example.gov.uk',
    description: 'The address the public and providers reach this service at. Used for links and webhook signatures.',
  },
  MONGODB_URI: {
    schema: optionalText,
    example: 'mongodb+srv://user:pass@cluster.example.net/feedback',
    description: 'MongoDB connection string. When empty, an embedded FerretDB on SQLite is started under DATA_DIR.',
  },
  DATA_DIR: {
    schema: z.string().trim().min(1, { message: 'must be a folder path' }),
    default: './data',
    example: './data',
    description: 'Folder for the embedded database files and locally generated keys. Git-ignored.',
  },
  EMBEDDED_DB_PORT: {
    schema: port,
    default: '27117',
    example: '27117',
    description: 'Loopback port for the embedded FerretDB (only used when MONGODB_URI is empty).',
  },
  ENCRYPTION_KEY: {
    schema: key,
    secret: true,
    example: 'q1Zt0R3oYgkz0m6b1d2n3x4c5v6b7n8m9a0s1d2f3g4=',
    description:
      'AES-256-GCM key for contact details at rest: 32 random bytes in base64. When empty, DATA_DIR/encryption.key (same encoding, 0600) is used or created.',
  },
  SESSION_SECRET: {
    schema: key,
    secret: true,
    example: 'N2Q5YjE0ZmM3YzBlNGE2ZGI4ZDMwZjE5YTJjNWU3MTI=',
    description:
      'Signs console sessions and Direct Line tokens: 32 random bytes in base64, like ENCRYPTION_KEY. When empty, DATA_DIR/session.secret (same encoding, so its contents can be moved here as they are) is used or created.',
  },
  CONTACT_CENTRE_PHONE: {
    schema: z.string().trim().min(1, { message: 'must be a phone number' }),
    default: '03000 616161',
    example: '03000 616161',
    description: 'Phone number given to people who ask to speak to a person.',
  },
  CONTACT_CENTRE_EMAIL: {
    schema: z.email({ message: 'must be an email address' }),
    default: 'enquiries@example.gov.uk',
    example: 'enquiries@regulator.example.gov.uk',
    description: 'Email address given to people who ask to speak to a person.',
  },
  CONTACT_CENTRE_BSL_URL: {
    schema: z.url({ message: 'must be a web address' }),
    default: 'https://www.example.gov.uk/contact-us/bsl',
    example: 'https://www.regulator.example.gov.uk/contact-us/bsl',
    description: 'Link to the British Sign Language video relay service for the contact centre, given at the start and to people who ask to speak to a person. Relay UK callers are told to dial 18001 before CONTACT_CENTRE_PHONE.',
  },
  MicrosoftAppId: {
    schema: optionalText,
    example: '00000000-0000-0000-0000-000000000000',
    description:
      'Azure Bot app id. Required in production. Empty (development only) runs /api/messages anonymously for the Bot Framework Emulator, answering only serviceUrls on BOT_SERVICE_URL_ALLOW_LIST.',
  },
  BOT_SERVICE_URL_ALLOW_LIST: {
    schema: z
      .string()
      .transform(value => value.split(',').map(host => host.trim().toLowerCase()).filter(Boolean)),
    default: 'localhost,127.0.0.1,[::1]',
    example: 'localhost,127.0.0.1,[::1]',
    description: 'Hosts an anonymous /api/messages (no MicrosoftAppId) may name as serviceUrl and so be called back on. Comma-separated.',
  },
  MicrosoftAppPassword: { schema: optionalText, secret: true, example: 'app-secret', description: 'Azure Bot app password.' },
  MicrosoftAppType: {
    schema: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
      message: 'must be MultiTenant, SingleTenant or UserAssignedMSI',
    }),
    default: 'MultiTenant',
    example: 'SingleTenant',
    description: 'Azure Bot app type.',
  },
  MicrosoftAppTenantId: { schema: optionalText, example: '00000000-0000-0000-0000-000000000000', description: 'Azure tenant id for SingleTenant bots.' },
  TWILIO_ACCOUNT_SID: { schema: optionalText, example: 'AC00000000000000000000000000000000', description: 'Twilio account SID for SMS and WhatsApp.' },
  TWILIO_AUTH_TOKEN: { schema: optionalText, secret: true, example: 'twilio-auth-token', description: 'Twilio auth token: checks webhook signatures and sends messages.' },
  TWILIO_FROM_NUMBER: { schema: optionalText, example: '+447700900000', description: 'Twilio number that proactive SMS are sent from.' },
  TWILIO_BASE_URL: { schema: optionalUrl, example: 'https://api.twilio.com', description: 'Twilio REST API base URL (for a local fake in tests).' },
  NOTIFY_API_KEY: { schema: optionalText, secret: true, example: 'team-key-00000000-0000-0000-0000-000000000000-00000000-0000-0000-0000-000000000000', description: 'GOV.UK Notify API key.' },
  NOTIFY_BASE_URL: { schema: optionalUrl, example: 'https://api.notifications.service.gov.uk', description: 'GOV.UK Notify API base URL.' },
  NOTIFY_SMS_TEMPLATE_ID: { schema: optionalText, example: '00000000-0000-0000-0000-000000000000', description: 'Notify SMS template with a ((message)) placeholder.' },
  NOTIFY_EMAIL_TEMPLATE_ID: { schema: optionalText, example: '00000000-0000-0000-0000-000000000000', description: 'Notify email template with ((subject)) and ((message)) placeholders.' },
  OPENAI_API_KEY: { schema: optionalText, secret: true, example: 'sk-...', description: 'When set, feedback is also classified by an OpenAI model. Empty uses only the embedded classifier.' },
  OPENAI_BASE_URL: { schema: optionalUrl, example: 'https://example.openai.azure.com/openai/v1', description: 'OpenAI-compatible API base URL (Azure OpenAI or a compatible server).' },
  OPENAI_MODEL: { schema: z.string().trim().min(1, { message: 'must name a model' }), default: 'gpt-4o-mini', example: 'gpt-4o-mini', description: 'Model name for classification and drafting.' },
  OPENAI_TIMEOUT_MS: { schema: positiveInteger, default: '15000', example: '15000', description: 'Time limit for one OpenAI call, in milliseconds.' },
  ALERT_WEBHOOK_URL: { schema: optionalUrl, example: 'https://alerts.example.gov.uk/hooks/feedback', description: 'Receiver for signed urgent-concern alerts.' },
  ALERT_WEBHOOK_SECRET: { schema: optionalText, secret: true, example: 'a-long-random-string', description: 'HMAC-SHA256 secret for the X-Signature-256 header on alerts.' },
  ALERT_ESCALATION_MINUTES: { schema: positiveNumber, default: '30', example: '30', description: 'Minutes an urgent alert may go unacknowledged before it escalates (fractions allowed, for tests and drills).' },
  DRAFT_QUIET_MINUTES: { schema: positiveInteger, default: '30', example: '30', description: 'Minutes an unfinished chat may go quiet before a worrying one (medium risk or above) is routed to inspectors as unfinished feedback.' },
  CONSOLE_QUEUE_REFRESH_SECONDS: {
    schema: wholeNumber,
    default: '5',
    example: '5',
    description: 'The console keeps the case queue in memory and reads it again in the background once it is older than this. Your own actions show at once. 0 reads the database on every request.',
  },
  ROUTING_RULES_FILE: { schema: optionalText, example: './config/routing.json', description: 'JSON file of routing rules and on-call rotas. Empty uses the built-in example rules.' },
  TRUST_PROXY: {
    schema: nonNegativeInteger,
    default: '0',
    example: '1',
    description:
      'How many reverse proxies in front of the service to trust for X-Forwarded-For (the client address behind rate limits). 0 when the service is reached directly.',
  },
  PASSWORD_HASH_COST: {
    schema: z.coerce
      .number({ message: 'must be a whole number from 4 to 15' })
      .int({ message: 'must be a whole number from 4 to 15' })
      .min(4, { message: 'must be a whole number from 4 to 15' })
      .max(15, { message: 'must be a whole number from 4 to 15' }),
    default: '12',
    example: '12',
    description: 'bcrypt work factor for console passwords (each step doubles the work). Production refuses less than 12; the tests use 4 so that signing in is quick.',
  },
  RATE_LIMIT_PER_MINUTE: { schema: positiveInteger, default: '60', example: '60', description: 'Requests per minute per client on the public intake API and form.' },
  METRICS_PORT: {
    schema: z.preprocess(value => (typeof value === 'string' && value.trim() === '' ? undefined : value), port.optional()),
    example: '9464',
    description: 'When set, Prometheus metrics are served at /metrics on this port (keep it inside the deployment), with no token.',
  },
  METRICS_TOKEN: {
    schema: optionalText,
    example: 'a-long-random-string',
    description: 'When set, /metrics on the main port answers requests carrying it as a Bearer token. With neither this nor METRICS_PORT, metrics are not served.',
  },
  OIDC_ISSUER_URL: { schema: optionalUrl, example: 'https://login.microsoftonline.com/TENANT/v2.0', description: 'OpenID Connect issuer for inspector sign-in. Empty uses local passwords.' },
  OIDC_CLIENT_ID: { schema: optionalText, example: 'client-id', description: 'OpenID Connect client id.' },
  OIDC_CLIENT_SECRET: { schema: optionalText, secret: true, example: 'client-secret', description: 'OpenID Connect client secret.' },
  RETENTION_DRAFT_DAYS: { schema: positiveInteger, default: '30', example: '30', description: 'Days an unfinished, never-sent feedback draft is kept after its last answer (the web chat resume window is 30 days).' },
  RETENTION_BOT_STATE_DAYS: { schema: positiveInteger, default: '30', example: '30', description: "Days the chat's saved progress is kept after the conversation's last message." },
  RETENTION_WEBHOOK_DAYS: { schema: positiveInteger, default: '7', example: '7', description: 'Days records of webhooks already handled (retry protection) are kept. Providers retry within hours.' },
  RETENTION_CLOSED_CONTACT_DAYS: { schema: positiveInteger, default: '90', example: '90', description: "Days a closed case keeps the person's contact details; the feedback itself is kept." },
  RETENTION_AUDIT_DAYS: { schema: positiveInteger, default: '2190', example: '2190', description: 'Days audit events (who read or changed a case) are kept: six years by default.' },
} satisfies Record<string, VariableSpec>

export type ConfigVariableName = keyof typeof configVariables
type ParsedValue<Name extends ConfigVariableName> = z.output<(typeof configVariables)[Name]['schema']>

export type Config = Readonly<{ [Name in ConfigVariableName]: ParsedValue<Name> }> & {
  readonly dataDir: string
}

export class ConfigError extends Error {}

const minimumProductionHashCost = 12

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(configVariables) as [ConfigVariableName, VariableSpec][]) {
    const raw = env[name] ?? spec.default
    const result = spec.schema.safeParse(raw ?? '')
    if (!result.success) {
      const problem = result.error.issues[0]?.message ?? 'is not valid'
      const shown = raw === undefined ? 'it is not set' : spec.secret ? `got a value ${raw.length} characters long, not shown` : `got "${raw}"`
      throw new ConfigError(`Configuration error: ${name} ${problem} (${shown}). For example: ${name}=${spec.example}`)
    }
    values[name] = result.data
  }
  if (values.NODE_ENV === 'production' && !values.MicrosoftAppId) {
    throw new ConfigError(
      'Configuration error: MicrosoftAppId must be set in production, so that /api/messages accepts only requests signed by the Bot Framework (it is not set).',
    )
  }
  if (values.NODE_ENV === 'production' && (values.PASSWORD_HASH_COST as number) < minimumProductionHashCost) {
    throw new ConfigError(`Configuration error: PASSWORD_HASH_COST must be at least ${minimumProductionHashCost} in production (got ${String(values.PASSWORD_HASH_COST)}).`)
  }
  values.dataDir = path.resolve(values.DATA_DIR as string)
  return Object.freeze(values) as Config
}
