/** Starting points for a response to the person: plain English, short sentences. The inspector edits before sending. */
export interface ResponseTemplate {
  id: string
  name: string
  text: string
  easyReadText: string
}

export const responseTemplates: ResponseTemplate[] = [
  {
    id: 'looking-into-it',
    name: 'We are looking into it',
    text: 'Thank you for telling us about your care at SERVICE. An inspector has read what you told us. We are looking into it. We will use what you said when we check this service.',
    easyReadText: 'Thank you for telling us. An inspector has read it. We are looking into it.',
  },
  {
    id: 'action-taken',
    name: 'We have taken action',
    text: 'Thank you for telling us about your care at SERVICE. We have acted on what you told us. [Say what we did, in one or two short sentences.] Your feedback helped us do this.',
    easyReadText: 'Thank you for telling us. We did something about it. [Say what we did.]',
  },
  {
    id: 'used-in-inspection',
    name: 'We will use it in our next check',
    text: 'Thank you for telling us about your care at SERVICE. We cannot look into each experience on its own. We will use what you told us when we next check this service.',
    easyReadText: 'Thank you for telling us. We will think about it when we next check this place.',
  },
  {
    id: 'complaint-elsewhere',
    name: 'How to make a complaint',
    text: 'Thank you for telling us about your care at SERVICE. We cannot deal with complaints about one person’s care. You can complain to the service first. If you are not happy with their answer, you can contact the ombudsman.',
    easyReadText: 'Thank you for telling us. We cannot sort out a complaint for you. You can complain to the place first.',
  },
]

export function fillTemplate(text: string, serviceName: string | undefined): string {
  // A function, so a "$&" or "$'" in a service's name is written as it is, not read as a replacement pattern.
  return text.replace(/SERVICE/g, () => serviceName || 'the service')
}

/**
 * Words in square brackets are the templates' instructions to the inspector ("[Say what we did.]"). They must
 * never reach the person, so a response that still holds any is refused.
 */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set(text.match(/\[[^\][\n]{1,200}\]/g) ?? [])]
}
