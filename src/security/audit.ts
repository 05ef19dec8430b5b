import type { Clock } from '../clock'
import type { AuditEventModel } from '../data/models/auditEvent'
import type { Logger } from '../logger'

export interface Actor {
  email: string
  role?: string
  via: 'api' | 'console' | 'system'
}

export interface AuditSearch {
  actor?: string
  action?: string
  reference?: string
  from?: Date
  to?: Date
}

/** Every read and change of a case: who, what, when. Awaited, so an action that cannot be recorded does not happen silently. */
export class AuditLog {
  constructor(
    private readonly events: AuditEventModel,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async record(actor: Actor, action: string, reference?: string, detail?: string): Promise<void> {
    await this.events.create({ at: this.clock.now(), actor: actor.email, actorRole: actor.role, via: actor.via, action, reference, detail })
    this.logger.info({ audit: { actor: actor.email, action, reference } }, 'audit')
  }

  async forCase(reference: string) {
    return this.events.find({ reference }).sort({ at: 1 }).limit(500).lean()
  }

  /** For admins: the newest events first, narrowed by who, what, which case and when. */
  async search(filters: AuditSearch, limit = 200) {
    const query: Record<string, unknown> = {}
    if (filters.actor) query.actor = filters.actor.trim().toLowerCase()
    if (filters.action) query.action = filters.action.trim()
    if (filters.reference) query.reference = filters.reference
    if (filters.from || filters.to) query.at = { ...(filters.from ? { $gte: filters.from } : {}), ...(filters.to ? { $lte: filters.to } : {}) }
    return this.events.find(query).sort({ at: -1 }).limit(limit).lean()
  }
}
