import type { Clock } from '../../src/clock'

/** Time moves only when the test says so, so backoff, targets and escalation are tested without waiting. */
export class ControlledClock implements Clock {
  private current: Date

  constructor(start = '2026-11-25T10:00:00Z') {
    this.current = new Date(start)
  }

  now(): Date {
    return new Date(this.current)
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms)
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000)
  }

  set(iso: string): void {
    this.current = new Date(iso)
  }
}
