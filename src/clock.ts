/** Injectable time, so escalation and targets can be tested with a controlled clock. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }
