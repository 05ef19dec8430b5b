import type { Activity, ConversationReference, TurnContext } from 'botbuilder'

/** An adapter's continueConversation: a turn of our own in a conversation the person started. */
export type ContinueConversation = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>

/**
 * Sends activities into a conversation through its adapter's continueConversation, one at a time, calling
 * `onSent` after each (so a retry can start after the last one sent). Returns the last id. A failure reaches the
 * caller: the adapter's turn-error handler (an apology to the person) would otherwise swallow it, and a lost
 * update would be recorded as sent.
 */
export async function sendProactively(
  continueConversation: ContinueConversation,
  reference: Partial<ConversationReference>,
  activities: readonly Partial<Activity>[],
  onSent: (count: number) => Promise<void> = async () => {},
): Promise<string> {
  let lastId = ''
  let failure: { error: unknown } | undefined
  await continueConversation(reference, async context => {
    try {
      for (const [index, activity] of activities.entries()) {
        lastId = (await context.sendActivity(activity))?.id ?? lastId
        await onSent(index + 1)
      }
    } catch (error) {
      failure = { error }
    }
  })
  if (failure) throw failure.error
  return lastId
}
