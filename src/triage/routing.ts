import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ConfigError } from '../config'

const person = z.object({ name: z.string().min(1), email: z.email().optional(), phone: z.string().min(5).optional() })
export type StaffContact = z.infer<typeof person>

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

const team = z.object({
  name: z.string().min(1),
  manager: person.optional(),
  dutyDirector: person.optional(),
  onCall: z.array(person.extend({ days: z.array(z.enum(weekdays)).optional() })).min(1),
  /** A Teams conversation reference (as saved by the bot) for the team's alert channel. */
  teamsConversation: z.record(z.string(), z.unknown()).optional(),
})

const rule = z.object({
  region: z.string().optional(),
  localAuthority: z.string().optional(),
  serviceType: z.string().optional(),
  team: z.string().min(1),
})

const routingRulesSchema = z
  .object({
    description: z.string().optional(),
    defaultTeam: z.string().min(1),
    dutyDirector: person.optional(),
    rules: z.array(rule),
    teams: z.record(z.string(), team),
  })
  .superRefine((value, context) => {
    for (const name of [value.defaultTeam, ...value.rules.map(r => r.team)]) {
      if (!value.teams[name]) context.addIssue({ code: 'custom', message: `names team "${name}", which is not in "teams"` })
    }
  })

export type RoutingRules = z.infer<typeof routingRulesSchema>
export type Team = RoutingRules['teams'][string] & { id: string }

export const exampleRoutingRulesFile = path.join(__dirname, '..', '..', 'config', 'routing.example.json')

export function loadRoutingRules(file: string | undefined): RoutingRules {
  const chosen = file ?? exampleRoutingRulesFile
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(chosen, 'utf8'))
  } catch (error) {
    throw new ConfigError(`Configuration error: ROUTING_RULES_FILE could not be read as JSON (${(error as Error).message}).`)
  }
  const result = routingRulesSchema.safeParse(parsed)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new ConfigError(`Configuration error: ROUTING_RULES_FILE ${issue?.path.join('.') || 'file'} ${issue?.message ?? 'is not valid'}.`)
  }
  return result.data
}

export interface RoutableService {
  region?: string | null
  localAuthority?: string | null
  serviceTypes?: string[] | null
}

const same = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase()

function serviceTypeWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(word => (word.endsWith('ies') && word.length > 4 ? `${word.slice(0, -3)}y` : word.endsWith('s') && !word.endsWith('ss') && word.length > 3 ? word.slice(0, -1) : word))
}

/**
 * A directory service type matches a rule's type when it holds the rule's words in order, singular or plural:
 * "Care home service with nursing" is a "Care home", "Homecare agencies" a "Homecare agency". A rule's words
 * must all be there, so "Care home" never matches "Homecare agencies".
 */
export function serviceTypeMatches(directoryType: string, ruleType: string): boolean {
  const have = serviceTypeWords(directoryType)
  const want = serviceTypeWords(ruleType)
  if (want.length === 0) return false
  for (let start = 0; start + want.length <= have.length; start += 1) {
    if (want.every((word, index) => have[start + index] === word)) return true
  }
  return false
}

/** Region or local authority plus service type → team. The first matching rule wins. */
export class Router {
  constructor(readonly rules: RoutingRules) {}

  teamFor(service: RoutableService | undefined | null): Team {
    const matching = this.rules.rules.find(
      candidate =>
        (!candidate.region || same(service?.region, candidate.region)) &&
        (!candidate.localAuthority || same(service?.localAuthority, candidate.localAuthority)) &&
        (!candidate.serviceType || (service?.serviceTypes ?? []).some(type => serviceTypeMatches(type, candidate.serviceType as string))),
    )
    return this.team(matching?.team ?? this.rules.defaultTeam)
  }

  team(id: string): Team {
    const found = this.rules.teams[id] ?? this.rules.teams[this.rules.defaultTeam]
    return { ...found, id: this.rules.teams[id] ? id : this.rules.defaultTeam }
  }

  onCallInspector(team: Team, at: Date): StaffContact {
    const today = weekdays[at.getUTCDay()]
    const entry = team.onCall.find(candidate => !candidate.days || candidate.days.includes(today)) ?? team.onCall[0]
    return { name: entry.name, email: entry.email, phone: entry.phone }
  }

  manager(team: Team): StaffContact | undefined {
    return team.manager
  }

  dutyDirector(team: Team): StaffContact | undefined {
    return team.dutyDirector ?? this.rules.dutyDirector
  }
}

/** One working day later at the same time; Saturdays and Sundays are skipped (bank holidays are not known here). */
export function addWorkingDays(from: Date, days: number): Date {
  const result = new Date(from)
  let added = 0
  while (added < days) {
    result.setUTCDate(result.getUTCDate() + 1)
    const day = result.getUTCDay()
    if (day !== 0 && day !== 6) added += 1
  }
  return result
}
