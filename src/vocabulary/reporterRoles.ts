/** Who is telling us: the person who used the service, someone close to them, staff (whistleblowing), … */
export const reporterRoles = ['person', 'family_friend_carer', 'staff', 'professional', 'other'] as const
export type ReporterRole = (typeof reporterRoles)[number]

/** Console labels (for inspectors); the person's own wording is in the dialogs and the form. */
export const reporterRoleLabels: Record<ReporterRole, string> = {
  person: 'The person who used the service',
  family_friend_carer: 'Family, friend or carer',
  staff: 'Member of staff (whistleblowing)',
  professional: 'A professional',
  other: 'Other',
}
