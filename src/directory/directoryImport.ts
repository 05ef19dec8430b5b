import { parse } from 'csv-parse/sync'
import type { CareService } from '../data/models/careService'

/**
 * Reads the regulator's published care directory CSV (or one like it): finds the header row after any
 * preamble, matches columns by name whatever their order or case, and says which rows it skipped and why.
 */

type Field = Exclude<keyof CareService, 'postcodeKey' | 'fictional' | 'updatedAt'>

/** Names each column goes by; the first match wins, whole-name matches before partial ones. */
const columnNames: Record<Field, string[]> = {
  locationId: ['location id', 'locationid', 'cqc location id', 'cqc location id for office use only'],
  name: ['name', 'location name', 'service name'],
  alsoKnownAs: ['also known as', 'location also known as', 'aka'],
  address: ['address', 'location street address', 'street address', 'postal address'],
  postcode: ['postcode', 'post code', 'location postal code', 'postal code'],
  phone: ['phone', 'phone number', 'telephone', 'telephone number', 'location telephone number'],
  serviceTypes: ['service types', 'service type', 'location type sector'],
  providerName: ['provider name', 'brand name'],
  localAuthority: ['local authority', 'location local authority'],
  region: ['region', 'location region'],
}

const requiredFields: Field[] = ['locationId', 'name']

function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

export function matchColumns(headers: string[]): Partial<Record<Field, number>> {
  const normalised = headers.map(normaliseHeader)
  const found: Partial<Record<Field, number>> = {}
  const taken = new Set<number>()
  const assign = (matches: (header: string, alias: string) => boolean) => {
    for (const [field, aliases] of Object.entries(columnNames) as [Field, string[]][]) {
      if (found[field] !== undefined) continue
      for (const alias of aliases) {
        const index = normalised.findIndex((header, position) => !taken.has(position) && matches(header, alias))
        if (index >= 0) {
          found[field] = index
          taken.add(index)
          break
        }
      }
    }
  }
  assign((header, alias) => header === alias)
  // "CQC Location ID (for office use only)" contains "location id"; but bare "name" must not take "provider name".
  assign((header, alias) => alias !== 'name' && ` ${header} `.includes(` ${alias} `))
  return found
}

export interface SkippedRow {
  /** 1-based line of the row in the file, as a spreadsheet shows it. */
  row: number
  reason: string
}

export interface ParsedDirectory {
  services: CareService[]
  skipped: SkippedRow[]
  headerRow: number
  columns: Partial<Record<Field, number>>
}

export class DirectoryFileError extends Error {}

export function parseDirectoryCsv(content: string): ParsedDirectory {
  const rows: string[][] = parse(content, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true })
  const headerIndex = rows.findIndex(row => {
    const columns = matchColumns(row)
    return requiredFields.every(field => columns[field] !== undefined) && Object.keys(columns).length >= 3
  })
  if (headerIndex < 0) {
    throw new DirectoryFileError('Could not find the header row. It needs at least a "Location ID" column and a "Name" column.')
  }
  const columns = matchColumns(rows[headerIndex])
  const services: CareService[] = []
  const skipped: SkippedRow[] = []
  const seen = new Set<string>()
  rows.slice(headerIndex + 1).forEach((row, offset) => {
    const line = headerIndex + offset + 2
    if (row.every(cell => !cell.trim())) return
    const cell = (field: Field) => {
      const index = columns[field]
      const value = index === undefined ? undefined : row[index]?.trim()
      return value || undefined
    }
    const locationId = cell('locationId')
    const name = cell('name')
    if (!locationId) return skipped.push({ row: line, reason: 'no location id' })
    if (!name) return skipped.push({ row: line, reason: `no name (location id ${locationId})` })
    if (seen.has(locationId)) return skipped.push({ row: line, reason: `location id ${locationId} appears again (the first row was kept)` })
    seen.add(locationId)
    services.push({
      locationId,
      name,
      alsoKnownAs: cell('alsoKnownAs'),
      address: cell('address'),
      postcode: cell('postcode'),
      phone: cell('phone'),
      serviceTypes: cell('serviceTypes')
        ?.split(/[|;]/)
        .map(type => type.trim())
        .filter(Boolean),
      providerName: cell('providerName'),
      localAuthority: cell('localAuthority'),
      region: cell('region'),
    })
  })
  return { services, skipped, headerRow: headerIndex + 1, columns }
}
