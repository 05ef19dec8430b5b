/**
 * The one key that says two records are about the same care service (repeat concerns and signals group by it):
 * the directory's location id when known, otherwise the name as given, in lower case with spaces tidied.
 */
export function serviceKeyOf(service: { locationId?: string | null; name?: string | null }): string {
  return normaliseServiceKey(service.locationId || service.name || '')
}

/** A service key as stored, from one typed or passed in a query. */
export function normaliseServiceKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').toLowerCase()
}
