import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from '../i18n/languages'
import crypto from 'node:crypto'
import { z } from 'zod'
import type { CareService } from '../data/models/careService'
import type { IntakeKeyModel } from '../data/models/intakeKey'
import { isDuplicateKey, retryTransient } from '../data/retry'
import type { Feedback, FeedbackModel } from '../data/models/feedback'
import { contactMethods, needsPhoneNumber, replyFormats } from '../vocabulary/contactPreferences'
import { reporterRoles } from '../vocabulary/reporterRoles'
import { feedbackQuestions } from '../vocabulary/feedbackQuestions'
import { overallExperiences } from '../vocabulary/feedbackRecord'
import type { ContactCipher } from '../contact/contactEncryption'
import { normalisePhoneNumber } from '../contact/phoneNumbers'
import type { DirectoryService } from '../directory/directory'
import { newFeedbackReference } from './feedbackReference'
import type { FeedbackSubmission } from './feedbackSubmission'
import { serviceKeyOf } from './serviceKey'

export const maxStoryLength = 10_000

const text = (label: string, max: number) =>
  z
    .string({ message: `${label} must be text` })
    .trim()
    .max(max, { message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` })

const optionalText = (label: string, max: number) =>
  text(label, max)
    .transform(value => (value === '' ? undefined : value))
    .optional()

/** Wording is for a partner's developer and, through the form, for the person: say what to do, kindly. */
export const feedbackInputSchema = z
  .object({
    service: z
      .object(
        {
          name: optionalText('The service name', 200),
          locationId: optionalText('The location ID', 40).pipe(
            z.string().regex(/^[A-Za-z0-9-]+$/, { message: 'The location ID must only have letters, numbers and hyphens' }).optional(),
          ),
          localAuthority: optionalText('The local authority', 100),
          region: optionalText('The region', 100),
          serviceType: optionalText('The service type', 100),
        },
        { message: 'Tell us which service this is about, with "name" or "locationId"' },
      )
      .refine(service => Boolean(service.name || service.locationId), {
        message: 'Tell us which service this is about, with "name" or "locationId"',
      }),
    text: text('Your feedback', maxStoryLength).min(1, { message: 'Tell us what happened' }),
    role: z.enum(reporterRoles, { message: `The role must be one of: ${reporterRoles.join(', ')}` }).optional(),
    when: optionalText('When it happened', 200),
    desiredOutcome: optionalText('What you would like to happen', 2000),
    question: z.enum(feedbackQuestions, { message: `The question must be one of: ${feedbackQuestions.join(', ')}` }).optional(),
    overall: z.enum(overallExperiences, { message: `The overall experience must be one of: ${overallExperiences.join(', ')}` }).optional(),
    contact: z
      .object({
        method: z.enum(contactMethods, { message: `The contact method must be one of: ${contactMethods.join(', ')}` }),
        email: optionalText('The email address', 254).pipe(
          z.email({ message: 'Enter an email address in the correct format, like name@example.com' }).optional(),
        ),
        phone: optionalText('The phone number', 30).pipe(
          z
            .string()
            .regex(/^\+?[0-9 ()-]{7,}$/, { message: 'Enter a phone number, like 07700 900 982 or +44 7700 900 982' })
            .optional(),
        ),
        name: optionalText('Your name', 200),
        format: z.enum(replyFormats, { message: `The reply format must be one of: ${replyFormats.join(', ')}` }).optional(),
        language: optionalText('The language', 50),
      })
      .superRefine((contact, context) => {
        if (contact.method === 'email' && !contact.email) {
          context.addIssue({ code: 'custom', path: ['email'], message: 'Enter the email address we should reply to' })
        }
        if (needsPhoneNumber(contact.method) && !contact.phone) {
          context.addIssue({ code: 'custom', path: ['phone'], message: 'Enter the phone number we should reply to' })
        }
      })
      .optional(),
    consentToShare: z.boolean({ message: 'consentToShare must be true or false' }).optional(),
    /** The language the person wrote in or used our pages in (a code we offer); English when not given. */
    language: z.enum(SUPPORTED_LANGUAGES.map(language => language.code), { message: `The language must be one of: ${SUPPORTED_LANGUAGES.map(language => language.code).join(', ')}` }).optional(),
  })
  .strict()

export type FeedbackInput = z.infer<typeof feedbackInputSchema>

/** Field path → message, e.g. {"contact.email": "Enter …"}. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    let path = issue.path.join('.') || 'body'
    let message = issue.message
    if (issue.code === 'unrecognized_keys') {
      message = `We do not know the field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(key => `"${key}"`).join(', ')}`
      path = path === 'body' ? issue.keys[0] : path
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      if (path === 'text') message = 'Tell us what happened'
      else if (path === 'service') message = 'Tell us which service this is about, with "name" or "locationId"'
      else if (path === 'contact.method') message = 'Tell us how to contact you, or choose "anonymous"'
    }
    fields[path] ??= message
  }
  return fields
}

const comparable = (name: string | undefined) =>
  (name ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(the|fictional)\b/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')

/**
 * The directory entry a partner's service means, only when we are sure: the same location id, or a name that is
 * the directory's name (or other name) give or take case and punctuation, or the one entry holding every word
 * typed. Anything less is kept as given: a wrong match would send a concern to the wrong region's inspectors.
 */
export async function confidentDirectoryMatch(directory: DirectoryService, service: FeedbackInput['service']): Promise<CareService | undefined> {
  if (service.locationId) {
    const id = service.locationId
    const [found] = await directory.byLocationIds([id, id.toUpperCase()])
    if (found) return found
  }
  const typed = comparable(service.name)
  if (!typed) return undefined
  const found = await directory.search(service.name!, 3)
  const candidates = found.length ? await directory.byLocationIds(found.map(match => match.locationId)) : []
  const exact = candidates.find(candidate => comparable(candidate.name) === typed || comparable(candidate.alsoKnownAs) === typed)
  if (exact) return exact
  const words = typed.split(' ').filter(word => word.length >= 3)
  if (candidates.length === 1 && words.length >= 2) {
    const known = new Set(`${comparable(candidates[0].name)} ${comparable(candidates[0].alsoKnownAs)}`.split(' '))
    if (words.every(word => known.has(word))) return candidates[0]
  }
  return undefined
}

/** What intake asks of triage (ClassifyAndRoute): the words classified before they are saved, and urgent work first. */
export interface IntakeAssessment {
  classifyNew(record: Pick<Feedback, 'story' | 'desiredOutcome' | 'question' | 'overall'>): Promise<Feedback['classification'] | undefined>
  urgently<T>(work: () => Promise<T>): Promise<T>
  /** Bulk work waits here while urgent work writes. */
  lane: { clear(): Promise<void> }
}

/** The same Idempotency-Key was sent with different feedback. */
export class IdempotencyConflict extends Error {}

/** How long an Idempotency-Key is remembered: partners retry within minutes, never after a day. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60 * 1000

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex')

export class Intake {
  constructor(
    private readonly feedback: FeedbackModel,
    private readonly submission: FeedbackSubmission,
    private readonly contactCipher: ContactCipher,
    private readonly directory: DirectoryService,
    private readonly intakeKeys: IntakeKeyModel,
    /** Classifies before saving, so an urgent submission is saved and alerted in the urgent lane. */
    private readonly assessment: IntakeAssessment,
    /** Called with each submission's outcome, for /metrics. */
    private readonly onReceived: (channel: string, outcome: 'created' | 'replayed') => void = () => {},
  ) {}

  /** The reference this request's Idempotency-Key already has, or a new one claimed for it. */
  private async referenceFor(input: FeedbackInput, idempotencyKey: string | undefined): Promise<string> {
    const reference = newFeedbackReference()
    if (!idempotencyKey) return reference
    const keys = this.intakeKeys
    const _id = sha256(`intake:${idempotencyKey}`)
    const bodyHash = sha256(JSON.stringify(input))
    try {
      await retryTransient(() => keys.create({ _id, reference, bodyHash, createdAt: new Date() }))
      return reference
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    const claimed = await retryTransient(() => keys.findById(_id).lean())
    if (!claimed) throw new Error('The idempotency key vanished while it was being read')
    if (claimed.bodyHash !== bodyHash) throw new IdempotencyConflict('This Idempotency-Key was already used with different feedback')
    return claimed.reference
  }

  async pruneIdempotencyKeys(now = new Date()): Promise<number> {
    const result = await this.intakeKeys.deleteMany({ createdAt: { $lt: new Date(now.getTime() - idempotencyKeyLifetimeMs) } })
    return result.deletedCount
  }

  /** Fills in where the service is from the directory when we are sure which one it is, so routing by region works. */
  private async serviceFor(given: FeedbackInput['service']): Promise<NonNullable<Feedback['service']>> {
    const match = await confidentDirectoryMatch(this.directory, given).catch(() => undefined)
    if (match) {
      return {
        name: match.name,
        locationId: match.locationId,
        key: serviceKeyOf(match),
        providerName: match.providerName,
        localAuthority: match.localAuthority ?? given.localAuthority,
        region: match.region ?? given.region,
        serviceTypes: match.serviceTypes?.length ? match.serviceTypes : given.serviceType ? [given.serviceType] : undefined,
        matchedFromDirectory: true,
      }
    }
    return {
      name: given.name,
      locationId: given.locationId,
      key: serviceKeyOf(given),
      localAuthority: given.localAuthority,
      region: given.region,
      serviceTypes: given.serviceType ? [given.serviceType] : undefined,
      matchedFromDirectory: false,
    }
  }

  /**
   * Saves the feedback (contact details sealed) as received in one insert, then it is classified and routed in the
   * background. With an Idempotency-Key, the same request sent again returns the first one's reference.
   */
  async receive(input: FeedbackInput, channel: 'api' | 'form', idempotencyKey?: string): Promise<{ reference: string; status: string; replayed: boolean }> {
    const classification = await this.assessment.classifyNew({ story: input.text, desiredOutcome: input.desiredOutcome, question: input.question, overall: input.overall })
    const urgent = classification?.risk?.level === 'urgent'
    const save = () => this.save(input, channel, idempotencyKey, classification)
    const { record, created } = await (urgent ? this.assessment.urgently(save) : this.assessment.lane.clear().then(save))
    this.onReceived(channel, created ? 'created' : 'replayed')
    return { reference: record.reference, status: record.status, replayed: !created }
  }

  private async save(input: FeedbackInput, channel: 'api' | 'form', idempotencyKey: string | undefined, classification: Feedback['classification'] | undefined) {
    const { contact } = input
    const details = contact ? Object.fromEntries(Object.entries({ email: contact.email, phone: contact.phone && normalisePhoneNumber(contact.phone), name: contact.name }).filter(([, value]) => value)) : {}
    const reference = await this.referenceFor(input, idempotencyKey)
    const service = await this.serviceFor(input.service)
    return this.submission.receive({
      reference,
      channel,
      role: input.role,
      service,
      when: input.when ? { text: input.when } : undefined,
      story: input.text,
      desiredOutcome: input.desiredOutcome,
      question: input.question,
      overall: input.overall,
      contact: {
        method: contact?.method ?? 'anonymous',
        format: contact?.format,
        language: contact?.language,
        sealedDetails: Object.keys(details).length > 0 ? this.contactCipher.encrypt(details) : undefined,
        ...this.contactCipher.lookupHashes(details),
      },
      consentToShare: input.consentToShare,
      language: input.language ?? DEFAULT_LANGUAGE,
      easyRead: contact?.format === 'easy_read' ? true : undefined,
      classification,
    } as Parameters<FeedbackSubmission['receive']>[0])
  }
}
