/**
 * Facts about one turn that only the server may set (never read from the activity, which a client could forge).
 * textsStopped: the message came from a number that has opted out of texts; keep and assess it, send nothing.
 */
export const textsStoppedKey = Symbol('textsStopped')
/** The signposting this turn's message needs, worked out once (by the turn gate) and used again by the bot. */
export const signpostsKey = Symbol('signposts')

/**
 * answerText: words the person sent earlier, held while we asked which language they want, that answer the
 * current question now (so their first account is read as such, in the language they chose).
 */
export const answerTextKey = Symbol('answerText')

/** conversationLanguage: the language the bot spoke in this turn, for channel wording outside the dialog (SMS HELP). */
export const conversationLanguageKey = Symbol('conversationLanguage')
