import { type Connection, type Model, Schema } from 'mongoose'

/** Someone asked to speak to a person and wants a phone call back. The number is sealed at rest. */
interface CallbackRequest {
  /** The feedback draft the person was working on, so the contact centre has the context. */
  reference?: string
  channel: string
  sealedPhone: string
  /** Keyed hash of the number (ContactCipher.lookupHashes), so an erasure request by phone finds it. */
  phoneHash?: string
  status: 'open' | 'done'
  requestedAt: Date
}

const callbackRequestSchema = new Schema<CallbackRequest>(
  {
    reference: { type: String, index: true },
    channel: { type: String, required: true },
    sealedPhone: { type: String, required: true },
    phoneHash: { type: String, index: true },
    status: { type: String, enum: ['open', 'done'], required: true, default: 'open', index: true },
    requestedAt: { type: Date, required: true },
  },
  { versionKey: false },
)

export function callbackRequestModel(connection: Connection): Model<CallbackRequest> {
  return (
    (connection.models.CallbackRequest as Model<CallbackRequest> | undefined) ??
    connection.model<CallbackRequest>('CallbackRequest', callbackRequestSchema, 'callbackrequests')
  )
}

/** The part of the contact cipher (contact/contactEncryption.ts) a callback request needs; data depends on nothing in the app. */
interface PhoneSealer {
  encrypt(plain: object): string
  lookupHashes(details: { phone?: string }): { phoneHash?: string }
}

export class CallbackRequests {
  private readonly model: Model<CallbackRequest>

  constructor(
    connection: Connection,
    private readonly cipher: PhoneSealer,
  ) {
    this.model = callbackRequestModel(connection)
  }

  async record(request: { reference?: string; channel: string; phone: string; at: Date }): Promise<void> {
    await this.model.create({
      reference: request.reference,
      channel: request.channel,
      sealedPhone: this.cipher.encrypt({ phone: request.phone }),
      phoneHash: this.cipher.lookupHashes({ phone: request.phone }).phoneHash,
      status: 'open',
      requestedAt: request.at,
    })
  }
}
