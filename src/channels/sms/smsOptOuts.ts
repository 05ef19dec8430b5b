import type { Connection } from 'mongoose'
import type { Clock } from '../../clock'
import { type SmsOptOutModel, smsOptOutModel } from '../../data/models/smsOptOut'
import type { AddressHasher } from '../../contact/phoneNumbers'

/** Twilio's own carrier keywords, matched only when they are the whole message. */
const stopKeywords = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit'])
const startKeywords = new Set(['start', 'yes', 'unstop'])
const helpKeywords = new Set(['help', 'info'])

export type SmsKeyword = 'stop' | 'start' | 'help'

export function smsKeywordIn(body: string): SmsKeyword | undefined {
  const word = body
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
  if (stopKeywords.has(word)) return 'stop'
  if (startKeywords.has(word)) return 'start'
  if (helpKeywords.has(word)) return 'help'
  return undefined
}

/** Who has asked for no more texts. Keyed by the number's keyed hash, never the number. */
export class SmsOptOutStore {
  private readonly optOuts: SmsOptOutModel

  constructor(
    connection: Connection,
    private readonly hasher: AddressHasher,
    private readonly clock: Clock,
  ) {
    this.optOuts = smsOptOutModel(connection)
  }

  async isOptedOut(number: string): Promise<boolean> {
    const record = await this.optOuts.findOne({ numberHash: this.hasher.hashNumber(number) }).lean()
    return record?.optedOut === true
  }

  async record(number: string, optedOut: boolean, keyword: string): Promise<void> {
    await this.optOuts.updateOne(
      { numberHash: this.hasher.hashNumber(number) },
      { $set: { optedOut, keyword, changedAt: this.clock.now() } },
      { upsert: true },
    )
  }
}
