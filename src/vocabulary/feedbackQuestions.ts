/**
 * The question a piece of feedback answers, as NHS Friends and Family Test forms ask it (the question types of NHS
 * England's pxtextmining models). "Nothing." answers "what could we do better?" as praise and "what was good?" as a
 * complaint. `why` stands for any open question, and for feedback given without one (the chat and the form).
 */
export const feedbackQuestions = ['why', 'what-was-good', 'could-improve'] as const
export type FeedbackQuestion = (typeof feedbackQuestions)[number]
