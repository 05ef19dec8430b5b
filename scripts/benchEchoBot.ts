/**
 * The yardstick for `npm run bench:turns`: a bare botbuilder echo bot on the same channel contract
 * (POST /api/messages, anonymous like the Emulator, replies through the connector named in serviceUrl).
 * Usage (by the benchmark): node --import tsx scripts/benchEchoBot.ts <port>
 */
import express from 'express'
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder'

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' }))
class EchoBot extends ActivityHandler {
  constructor() {
    super()
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`)
      await next()
    })
  }
}
const bot = new EchoBot()
const app = express()
app.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
  await adapter.process(req, res, context => bot.run(context))
})
app.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' })
})
const server = app.listen(Number(process.argv[2] ?? 3979), '127.0.0.1')
process.once('SIGTERM', () => server.close(() => process.exit(0)))
