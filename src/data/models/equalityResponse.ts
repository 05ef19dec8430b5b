import { type Connection, type Model, Schema } from 'mongoose'

/**
 * Equality monitoring answers, kept apart from identity: no reference, no conversation, no contact, no
 * exact time. Only the answers, the month and the channel, so they can be counted but never joined back
 * to a person or their feedback.
 */
export const equalityQuestions = ['ageBand', 'disability', 'ethnicity', 'sex', 'religion'] as const
export type EqualityQuestion = (typeof equalityQuestions)[number]

interface EqualityResponse {
  month: string
  channel: string
  ageBand?: string
  disability?: string
  ethnicity?: string
  sex?: string
  religion?: string
}

const equalityResponseSchema = new Schema<EqualityResponse>(
  {
    month: { type: String, required: true, index: true },
    channel: { type: String, required: true },
    ageBand: String,
    disability: String,
    ethnicity: String,
    sex: String,
    religion: String,
  },
  { versionKey: false },
)

export function equalityResponseModel(connection: Connection): Model<EqualityResponse> {
  return (
    (connection.models.EqualityResponse as Model<EqualityResponse> | undefined) ??
    connection.model<EqualityResponse>('EqualityResponse', equalityResponseSchema, 'equalityresponses')
  )
}

export class EqualityResponses {
  private readonly model: Model<EqualityResponse>

  constructor(connection: Connection) {
    this.model = equalityResponseModel(connection)
  }

  /** Records the answers given (if any); "prefer not to say" is an answer too. Returns whether anything was stored. */
  async record(answers: Partial<Record<EqualityQuestion, string>>, at: Date, channel: string): Promise<boolean> {
    const given = Object.fromEntries(equalityQuestions.filter(question => answers[question]).map(question => [question, answers[question]]))
    if (Object.keys(given).length === 0) return false
    await this.model.create({ ...given, month: at.toISOString().slice(0, 7), channel })
    return true
  }
}
