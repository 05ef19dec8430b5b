/** How the person would like to hear back, if at all. */
export const contactMethods = ['anonymous', 'sms', 'email', 'phone', 'chat'] as const
export type ContactMethod = (typeof contactMethods)[number]

/** The methods that need a phone number. */
export const phoneContactMethods = ['sms', 'phone'] as const satisfies readonly ContactMethod[]
export function needsPhoneNumber(method: string | null | undefined): boolean {
  return (phoneContactMethods as readonly string[]).includes(method ?? '')
}

/** The form our reply takes. */
export const replyFormats = ['standard', 'easy_read', 'other_language'] as const
export type ReplyFormat = (typeof replyFormats)[number]

/** Console labels (for inspectors). */
export const contactMethodLabels: Record<ContactMethod, string> = {
  anonymous: 'Anonymous',
  sms: 'Text message',
  email: 'Email',
  phone: 'Phone call',
  chat: 'Chat',
}
export const replyFormatLabels: Record<ReplyFormat, string> = {
  standard: 'Standard',
  easy_read: 'Easy read',
  other_language: 'Another language',
}
