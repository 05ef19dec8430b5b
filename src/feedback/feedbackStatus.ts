import type { FeedbackModel, FeedbackStatus } from '../data/models/feedback'
import { normaliseFeedbackReference } from './feedbackReference'

export interface PublicFeedbackStatus {
  reference: string
  status: Exclude<FeedbackStatus, 'draft'>
  /** Plain words for the status, safe to show to anyone holding the reference. */
  statusText: string
  updates: { date: string; text: string }[]
}

export const publicStatusWording: Record<PublicFeedbackStatus['status'], string> = {
  received: 'We have received your feedback.',
  under_review: 'An inspector is looking at your feedback.',
  action_taken: 'We have used your feedback and taken action.',
  closed: 'We have finished with your feedback.',
}

/**
 * What anyone holding a reference may see: the status and the public updates, nothing else. No internal notes,
 * no triage, no classification, no contact details, not even the story. Drafts are treated as not found, so a
 * reference cannot be used to probe a conversation that is still going on.
 */
export async function publicStatusOf(feedback: FeedbackModel, typedReference: string): Promise<PublicFeedbackStatus | undefined> {
  const reference = normaliseFeedbackReference(typedReference)
  if (!reference) return undefined
  const record = await feedback.findOne({ reference }, { status: 1, updates: 1, reference: 1 }).lean()
  if (!record || record.status === 'draft') return undefined
  const status = record.status as PublicFeedbackStatus['status']
  return {
    reference,
    status,
    statusText: publicStatusWording[status],
    updates: (record.updates ?? []).map(update => ({ date: new Date(update.at).toISOString().slice(0, 10), text: update.text })),
  }
}

/** The same, bound to a model: services.feedbackStatus.publicStatusOf(reference). */
export class FeedbackStatusService {
  constructor(private readonly feedback: FeedbackModel) {}

  publicStatusOf(reference: string): Promise<PublicFeedbackStatus | undefined> {
    return publicStatusOf(this.feedback, reference)
  }
}
