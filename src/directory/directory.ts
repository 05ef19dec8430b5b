import Fuse from 'fuse.js'
import type { Connection, Model } from 'mongoose'
import { type CareService, careServiceModel, directoryVersionId, directoryVersionModel, postcodeKeyOf } from '../data/models/careService'
import { fictionalServices } from './directorySeed'

export interface DirectoryMatch {
  locationId: string
  name: string
  address?: string
  postcode?: string
  providerName?: string
  localAuthority?: string
  region?: string
  serviceTypes?: string[]
}

interface SearchEntry {
  service: CareService
  text: string
}

const changeCheckEveryMs = 10_000

/** Words that say nothing about which service it is. */
const ignoredWords = new Set(['the', 'a', 'an', 'of', 'in', 'at', 'on', 'and', 'it', 'is', 'was', 'called', 'my', 'our'])

const postcodePattern = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})?\b/i

/**
 * Finds care services by name, other name, town or postcode, forgiving misspellings. FerretDB has no text
 * search, so the directory is held in memory for fuse.js and reloaded when it changes: every import records when
 * it ran in one small document, which is read by `_id` at most every few seconds.
 */
export class DirectoryService {
  private readonly model: Model<CareService>
  private readonly versions: ReturnType<typeof directoryVersionModel>
  private cache?: { signature: string; services: CareService[]; fuse: Fuse<SearchEntry> }
  private seeding?: Promise<void>
  private checkedAt = 0

  constructor(connection: Connection) {
    this.model = careServiceModel(connection)
    this.versions = directoryVersionModel(connection)
  }

  /** Seeds and loads the directory, so the first search after a start does not wait for it. */
  async prepare(): Promise<void> {
    await this.loaded()
  }

  /** Loads the fictional seed when the directory is empty (the embedded default). Safe to call many times. */
  ensureSeeded(): Promise<void> {
    this.seeding ??= (async () => {
      if ((await this.model.estimatedDocumentCount()) > 0) return
      await this.upsert(fictionalServices)
    })().catch(error => {
      this.seeding = undefined
      throw error
    })
    return this.seeding
  }

  async upsert(services: CareService[]): Promise<{ created: number; updated: number }> {
    let created = 0
    let updated = 0
    const now = new Date()
    for (const service of services) {
      const result = await this.model.updateOne(
        { locationId: service.locationId },
        { $set: { ...service, postcodeKey: postcodeKeyOf(service.postcode), updatedAt: now } },
        { upsert: true },
      )
      if (result.upsertedCount) created++
      else updated++
    }
    await this.versions.updateOne({ _id: directoryVersionId }, { $set: { changedAt: now } }, { upsert: true })
    this.checkedAt = 0
    return { created, updated }
  }

  private async loaded(): Promise<{ signature: string; services: CareService[]; fuse: Fuse<SearchEntry> }> {
    await this.ensureSeeded()
    // An import in another process shows within a few seconds.
    if (this.cache && Date.now() - this.checkedAt < changeCheckEveryMs) return this.cache
    this.checkedAt = Date.now()
    const version = await this.versions.findById(directoryVersionId).lean()
    const signature = version?.changedAt.toISOString() ?? 'never imported'
    if (this.cache?.signature === signature) return this.cache
    const services: CareService[] = await this.model.find({}, { _id: 0 }).lean<CareService[]>()
    const entries = services.map(service => ({
      service,
      text: [service.name, service.alsoKnownAs, service.address, service.localAuthority, service.providerName].filter(Boolean).join(' '),
    }))
    // Extended search: every word typed must match somewhere, each one forgiving a misspelling.
    const fuse = new Fuse(entries, { includeScore: true, ignoreLocation: true, threshold: 0.34, useExtendedSearch: true, keys: ['service.name', 'text'] })
    const cache = { signature, services, fuse }
    this.cache = cache
    return cache
  }

  /** Entries by location id, from the copy held in memory (on the embedded database `$in` reads the whole collection). */
  async byLocationIds(locationIds: string[]): Promise<CareService[]> {
    const wanted = new Set(locationIds)
    const { services } = await this.loaded()
    return services.filter(service => wanted.has(service.locationId))
  }

  async search(typed: string, limit = 3): Promise<DirectoryMatch[]> {
    const text = typed.trim().slice(0, 200)
    if (!text) return []
    const { services, fuse } = await this.loaded()
    const postcode = text.match(postcodePattern)
    if (postcode && /\d/.test(postcode[0])) {
      const key = postcodeKeyOf(postcode[0])!
      const byPostcode = services.filter(service => service.postcodeKey?.startsWith(key))
      if (byPostcode.length) return byPostcode.slice(0, limit).map(toMatch)
    }
    const words = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ' ')
      .split(/\s+/)
      .filter(word => word.length >= 2 && !ignoredWords.has(word))
    if (!words.length) return []
    return fuse
      .search(words.join(' '), { limit })
      .filter(result => (result.score ?? 1) <= 0.4)
      .map(result => toMatch(result.item.service))
  }
}

function toMatch(service: CareService): DirectoryMatch {
  return {
    locationId: service.locationId,
    name: service.name,
    address: service.address,
    postcode: service.postcode,
    providerName: service.providerName,
    localAuthority: service.localAuthority,
    region: service.region,
    serviceTypes: service.serviceTypes,
  }
}
