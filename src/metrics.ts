import http from 'node:http'
import type { AddressInfo } from 'node:net'
import crypto from 'node:crypto'
import type { ActivityHandlerBase, TurnContext } from 'botbuilder'
import type { RequestHandler } from 'express'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { mongo } from 'mongoose'
import type { QueueDepth } from './data/work/workQueue'

export interface MetricsSources {
  /** Work waiting in the hot queue, by kind (routing, alerts, escalations, deliveries). */
  queueDepths(): Promise<QueueDepth[]>
  /** Resolves when the database answers a ping. */
  ping(): Promise<void>
}

/** What operators watch: turns, intake, classification, the outbox, deliveries, escalations and the database. */
export class ServiceMetrics {
  readonly registry = new Registry()
  readonly turnSeconds = new Histogram({
    name: 'feedback_turn_duration_seconds',
    help: 'Time to handle one conversation turn (rate: the _count series), by channel and outcome.',
    labelNames: ['channel', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  })
  readonly intake = new Counter({
    name: 'feedback_intake_total',
    help: 'Feedback received through the API and form: created, replayed (same Idempotency-Key) or not_saved.',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  })
  readonly classificationSeconds = new Histogram({
    name: 'feedback_classification_duration_seconds',
    help: 'Time to classify one piece of feedback.',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15],
    registers: [this.registry],
  })
  readonly alertDeliveries = new Counter({
    name: 'feedback_alert_deliveries_total',
    help: 'Urgent alert delivery attempts by target, tier and result (delivered, digest, failed, refused).',
    labelNames: ['target', 'tier', 'result'],
    registers: [this.registry],
  })
  readonly personDeliveries = new Counter({
    name: 'feedback_person_deliveries_total',
    help: 'Attempts to deliver an update to a person, by route and resulting status.',
    labelNames: ['route', 'result'],
    registers: [this.registry],
  })
  readonly escalations = new Counter({
    name: 'feedback_escalations_total',
    help: 'Unacknowledged urgent cases escalated, by the tier they went to.',
    labelNames: ['tier'],
    registers: [this.registry],
  })
  readonly jobSeconds = new Histogram({
    name: 'feedback_background_job_duration_seconds',
    help: 'Time of one pass of a background job, by job and whether it succeeded.',
    labelNames: ['job', 'ok'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [this.registry],
  })

  readonly databaseCommandSeconds = new Histogram({
    name: 'feedback_database_command_duration_seconds',
    help: 'Time of one database command (count: how many), by command and collection.',
    labelNames: ['command', 'collection'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  })

  constructor(sources: MetricsSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'feedback_' })
    new Gauge({
      name: 'feedback_outbox_depth',
      help: 'Work waiting in the hot queue, by kind (route, alert, escalation, delivery).',
      labelNames: ['kind'],
      registers: [this.registry],
      async collect() {
        this.reset()
        for (const queue of await sources.queueDepths().catch(() => [])) this.set({ kind: queue.kind }, queue.depth)
      },
    })
    new Gauge({
      name: 'feedback_outbox_oldest_age_seconds',
      help: 'Age of the oldest waiting item in the hot queue, by kind.',
      labelNames: ['kind'],
      registers: [this.registry],
      async collect() {
        this.reset()
        for (const queue of await sources.queueDepths().catch(() => [])) this.set({ kind: queue.kind }, queue.oldestAgeSeconds)
      },
    })
    new Gauge({
      name: 'feedback_database_ping_seconds',
      help: 'Time for the database to answer a ping; -1 when it did not answer.',
      registers: [this.registry],
      async collect() {
        const started = process.hrtime.bigint()
        try {
          await sources.ping()
          this.set(Number(process.hrtime.bigint() - started) / 1e9)
        } catch {
          this.set(-1)
        }
      },
    })
  }

  /** Times every database command the driver sends (the connection is opened with monitorCommands). */
  watchDatabase(client: Pick<mongo.MongoClient, 'on'>): void {
    const started = new Map<number, { at: bigint; command: string; collection: string }>()
    client.on('commandStarted', event => {
      const target = (event.command as Record<string, unknown>)[event.commandName]
      started.set(event.requestId, { at: process.hrtime.bigint(), command: event.commandName, collection: typeof target === 'string' ? target : '' })
    })
    const finish = (event: { requestId: number }) => {
      const begun = started.get(event.requestId)
      if (!begun) return
      started.delete(event.requestId)
      this.databaseCommandSeconds.observe({ command: begun.command, collection: begun.collection }, Number(process.hrtime.bigint() - begun.at) / 1e9)
    }
    client.on('commandSucceeded', finish)
    client.on('commandFailed', finish)
  }

  /** Times every turn of the bot, whichever channel runs it. */
  instrumentBot(bot: Pick<ActivityHandlerBase, 'run'>): Pick<ActivityHandlerBase, 'run'> {
    const run = bot.run.bind(bot)
    const timed = async (context: TurnContext) => {
      const end = this.turnSeconds.startTimer({ channel: context.activity.channelId ?? 'unknown' })
      try {
        await run(context)
        end({ outcome: 'ok' })
      } catch (error) {
        end({ outcome: 'error' })
        throw error
      }
    }
    return { run: timed }
  }

  /** GET /metrics behind a bearer token (compared in constant time). */
  handler(token: string): RequestHandler {
    const expected = crypto.createHash('sha256').update(token).digest()
    return async (req, res) => {
      const given = crypto.createHash('sha256').update((req.get('authorization') ?? '').replace(/^Bearer\s+/i, '')).digest()
      if (!crypto.timingSafeEqual(given, expected)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorised', message: 'Send the metrics token as a Bearer token.' })
        return
      }
      res.set('Content-Type', this.registry.contentType).send(await this.registry.metrics())
    }
  }

  /** /metrics on a port of its own (reachable only inside the deployment), with no token. */
  async listen(port: number): Promise<http.Server> {
    const server = http.createServer(async (req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(await this.registry.metrics())
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, resolve)
    })
    return server
  }

  static portOf(server: http.Server): number {
    return (server.address() as AddressInfo).port
  }
}
