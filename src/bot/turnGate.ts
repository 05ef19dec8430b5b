import type { ActivityHandlerBase, TurnContext } from 'botbuilder'
import { detectSignposting } from '../classification'
import type { UrgentLane } from '../data/work/urgentLane'
import { signpostsKey } from '../conversation/turnFlags'

/**
 * Lets at most `limit` conversation turns use the database at once; the rest wait their turn in memory. Under a
 * crowd of chats the database then serves a short queue quickly, and urgent work (intake, alerts) is not stuck
 * behind hundreds of turns: while urgent work is writing, no new turn starts (the urgent lane). A message about
 * danger skips both waits, so its signposting is never delayed.
 */
export function gateTurns(bot: Pick<ActivityHandlerBase, 'run'>, limit: number, lane: UrgentLane): Pick<ActivityHandlerBase, 'run'> {
  let running = 0
  const waiting: (() => void)[] = []
  const run = bot.run.bind(bot)
  const gated = async (context: TurnContext) => {
    const signposts = context.activity.type === 'message' ? detectSignposting(context.activity.text ?? '') : []
    context.turnState.set(signpostsKey, signposts)
    const urgent = signposts.length > 0
    if (!urgent && running >= limit) await new Promise<void>(resolve => waiting.push(resolve))
    running++
    try {
      if (!urgent) await lane.clear()
      await run(context)
    } finally {
      running--
      waiting.shift()?.()
    }
  }
  return { run: gated }
}
