import { type Connection, type Model, Schema } from 'mongoose'

/** One entry of the provider directory (the regulator's published care directory, or the fictional seed). */
export interface CareService {
  locationId: string
  name: string
  alsoKnownAs?: string
  address?: string
  postcode?: string
  /** Upper case, no spaces: how postcodes are compared. */
  postcodeKey?: string
  phone?: string
  serviceTypes?: string[]
  providerName?: string
  localAuthority?: string
  region?: string
  /** True for the seed of made-up services shipped for the embedded default. */
  fictional?: boolean
  updatedAt?: Date
}

const careServiceSchema = new Schema<CareService>(
  {
    locationId: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    alsoKnownAs: String,
    address: String,
    postcode: String,
    postcodeKey: { type: String, index: true },
    phone: String,
    serviceTypes: { type: [String], default: undefined },
    providerName: String,
    localAuthority: String,
    region: String,
    fictional: Boolean,
    updatedAt: Date,
  },
  { versionKey: false },
)

export function careServiceModel(connection: Connection): Model<CareService> {
  return (connection.models.CareService as Model<CareService> | undefined) ?? connection.model<CareService>('CareService', careServiceSchema, 'careservices')
}

export function postcodeKeyOf(postcode: string | undefined): string | undefined {
  const key = postcode?.toUpperCase().replace(/[^A-Z0-9]/g, '')
  return key || undefined
}

/** When the directory last changed: one document, read by `_id`, so checking for an import never reads the directory. */
interface DirectoryVersion {
  _id: string
  changedAt: Date
}

const directoryVersionSchema = new Schema<DirectoryVersion>({ _id: { type: String, required: true }, changedAt: { type: Date, required: true } }, { versionKey: false })

export const directoryVersionId = 'directory'

export function directoryVersionModel(connection: Connection): Model<DirectoryVersion> {
  return (connection.models.DirectoryVersion as Model<DirectoryVersion> | undefined) ?? connection.model<DirectoryVersion>('DirectoryVersion', directoryVersionSchema, 'directoryversion')
}
