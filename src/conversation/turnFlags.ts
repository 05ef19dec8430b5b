/**
 * Facts about one turn that only the server may set (never read from the activity, which a client could forge).
 * textsStopped: the message came from a number that has opted out of texts; keep and assess it, send nothing.
 */
export const textsStoppedKey = Symbol('textsStopped')
/** The signposting this turn's message needs, worked out once (by the turn gate) and used again by the bot. */
export const signpostsKey = Symbol('signposts')
