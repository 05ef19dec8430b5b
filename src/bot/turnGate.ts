import type { ActivityHandlerBase, TurnContext } from 'botbuilder'
import { detectSignposting } from '../classification'

/**
 * Lets at most `limit` conversation turns use the database at once; the rest wait their turn in memory. Under a
 * crowd of chats the database then serves a short queue quickly, and urgent work (intake, alerts) is not stuck
 * behind hundreds of turns. A message about danger skips the wait, so its signposting is never delayed.
 */
export function gateTurns(bot: Pick<ActivityHandlerBase, 'run'>, limit: number): Pick<ActivityHandlerBase, 'run'> {
  let running = 0
  const waiting: (() => void)[] = []
  const run = bot.run.bind(bot)
  const gated = async (context: TurnContext) => {
    const urgent = context.activity.type === 'message' && detectSignposting(context.activity.text ?? '').length > 0
    if (!urgent && running >= limit) await new Promise<void>(resolve => waiting.push(resolve))
    running++
    try {
      await run(context)
    } finally {
      running--
      waiting.shift()?.()
    }
  }
  return { run: gated }
}
