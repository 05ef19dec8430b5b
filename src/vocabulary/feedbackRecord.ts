/** The person's overall view of their experience. */
export const overallExperiences = ['good', 'bad', 'mixed'] as const
export type OverallExperience = (typeof overallExperiences)[number]

/** Where triage puts a case: the alert queue (urgent), the inspector queue (high), or the themed queue (the rest). */
export const triageQueues = ['alert', 'inspector', 'themed'] as const
