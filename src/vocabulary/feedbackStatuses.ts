/** Where a piece of feedback is: a draft while the person is still telling us, then the inspectors' workflow. */
export const feedbackStatuses = ['draft', 'received', 'under_review', 'action_taken', 'closed'] as const
export type FeedbackStatus = (typeof feedbackStatuses)[number]

/** The statuses after submission: the ones inspectors set, and the only ones a reference holder may see. */
export type WorkflowStatus = Exclude<FeedbackStatus, 'draft'>
export const workflowStatuses = feedbackStatuses.filter((status): status is WorkflowStatus => status !== 'draft')

/** Still being worked on: the console queue's default view. */
export const openStatuses = ['received', 'under_review', 'action_taken'] as const satisfies readonly WorkflowStatus[]

/** Finished with, as far as deadlines and reminders go. */
export function isSettled(status: string | null | undefined): boolean {
  return status === 'action_taken' || status === 'closed'
}

/** Console labels (for inspectors). */
export const statusLabels: Record<WorkflowStatus, string> = {
  received: 'Received',
  under_review: 'Under review',
  action_taken: 'Action taken',
  closed: 'Closed',
}
