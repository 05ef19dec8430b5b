import { normaliseForMatching } from '../src/conversation/choiceRecognition'
import { normaliseEmailAddress } from '../src/contact/contactEncryption'

/**
 * Reading free answers: phone numbers, email addresses, and the few commands
 * (help, back, stop, …) that can interrupt any step.
 */

export { normaliseUkPhone } from '../src/contact/phoneNumbers'

/** An email address typed by the person, written the one way (normaliseEmailAddress), or undefined if it is not one. */
export function normaliseEmail(typed: string): string | undefined {
  const email = normaliseEmailAddress(typed.replace(/^\s*mailto:/i, ''))
  return /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]{2,}$/.test(email) && email.length <= 254 ? email : undefined
}

export type Interruption = 'help' | 'back' | 'startAgain' | 'stop' | 'person' | 'privacy' | 'status' | 'easyRead' | 'standard' | 'complain'

const please = String.raw`(?:\s+(?:please|pls|now|thanks|thank you))?`
const whole = (body: string) => new RegExp(`^(?:(?:can|could) you\\s+|(?:i want|i would like|id like|i need) to\\s+|please\\s+)?(?:${body})${please}$`)

const interruptionPatterns: [Interruption, RegExp][] = [
  ['help', whole('help|help me|i need help|need help|what can i say|what can i do|how does this work|what do i do|options|menu|i am stuck|im stuck|confused|i dont understand')],
  ['back', whole('back|go back|previous|previous question|last question|undo|back one|go back one')],
  ['startAgain', whole('start again|start over|restart|begin again|start from the beginning|start from scratch|reset|start afresh')],
  ['stop', whole('stop|cancel|quit|exit|pause|finish later|carry on later|later|not now|bye|goodbye|stop this|end chat|end this')],
  ['easyRead', whole('easy read|easyread|easy english|use easy read|simple words|simpler|make it simpler|make it simple|easy words')],
  ['standard', whole('standard|standard english|normal english|normal words|not easy read|turn off easy read|stop easy read')],
  ['person', /\b(speak|talk|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|some\s*one|some\s*body|real|human|person|advisor|adviser|agent|operator|staff|member of staff|you)|^(?:human|a human|real person|a real person|a person|agent|operator|advisor|adviser)\b|\bcontact centre\b|\bphone number for you\b/],
  ['privacy', /\b(?:what happens|what will happen|what do you do|what will you do|who (?:sees|can see|will see|reads))\b.*\b(?:information|data|details|info|words|feedback)\b|\bprivacy\b|\bdata protection\b|\bgdpr\b|\bis (?:this|it) (?:confidential|private|anonymous|secret)\b/],
  ['complain', /\b(?:who (?:do|can|should) i (?:complain|make a complaint|complain to)|who (?:do|can) i complain|how (?:do|can) i (?:complain|make a complaint)|(?:i want|i would like|id like) to (?:complain|make a complaint)|make a complaint|complaints? (?:process|procedure)|ombudsman|where (?:do|can) i complain)\b|^(?:complain|complaint|complaints)$/],
  ['status', /\b(?:what (?:has )?happened|whats happened|any news|news|update|status|progress|check|track)\b.*\b(?:my|the|our)\s+(?:feedback|report|concern|complaint|case|reference)\b|^(?:status|check status|check my reference|my reference)$/],
]

/**
 * A command only when the message is short and mostly the command, so a story that merely contains
 * "help" or "stop" ("the staff did not stop him, please help") is never taken over. Commands in the
 * conversation's language (from its message file) count when typed as they are.
 */
export function recogniseInterruption(typed: string, commands?: Partial<Record<Interruption, string[]>>): Interruption | undefined {
  const text = normaliseForMatching(typed)
  if (!text) return undefined
  for (const [kind, phrases] of Object.entries(commands ?? {}) as [Interruption, string[]][]) {
    if (phrases.some(phrase => normaliseForMatching(phrase) === text)) return kind
  }
  const words = text.split(' ').length
  for (const [kind, pattern] of interruptionPatterns) {
    const limit = kind === 'status' || kind === 'person' || kind === 'privacy' || kind === 'complain' ? 12 : 8
    if (words <= limit && pattern.test(text)) return kind
  }
  return undefined
}
