import { addWorkingDays, loadRoutingRules, Router, serviceTypeMatches } from '../../../src/triage/routing'

describe('routing by the directory’s service types', () => {
  const router = new Router(loadRoutingRules(undefined))

  it('treats the directory’s longer names as the kind of service they are', () => {
    expect(serviceTypeMatches('Care home service with nursing', 'Care home')).toBe(true)
    expect(serviceTypeMatches('Care home service without nursing', 'Care home')).toBe(true)
    expect(serviceTypeMatches('Homecare agencies', 'Homecare agency')).toBe(true)
    expect(serviceTypeMatches('CARE HOMES', 'care home')).toBe(true)
  })

  it('does not match on part of a word or on the words out of order', () => {
    expect(serviceTypeMatches('Homecare agencies', 'Care home')).toBe(false)
    expect(serviceTypeMatches('Home care for children', 'Care home')).toBe(false)
    expect(serviceTypeMatches('Doctors/GPs', 'Care home')).toBe(false)
    expect(serviceTypeMatches('Care home', '')).toBe(false)
  })

  it('sends a London nursing home to the London adult social care team, and one elsewhere to the national one', () => {
    expect(router.teamFor({ region: 'London', serviceTypes: ['Care home service with nursing'] }).id).toBe('london-adult-social-care')
    expect(router.teamFor({ region: 'North West', serviceTypes: ['Care home service without nursing'] }).id).toBe('national-adult-social-care')
    expect(router.teamFor({ region: 'North West', serviceTypes: ['Doctors/GPs'] }).id).toBe('national-triage')
    expect(router.teamFor(undefined).id).toBe('national-triage')
  })
})

describe('addWorkingDays: when a response is due', () => {
  it.each([
    // [from, working days, due]
    ['2025-06-16T09:30:00Z', 1, '2025-06-17T09:30:00Z'], // Monday → Tuesday
    ['2025-06-20T09:30:00Z', 1, '2025-06-23T09:30:00Z'], // Friday → Monday
    ['2025-06-21T09:30:00Z', 1, '2025-06-23T09:30:00Z'], // Saturday → Monday
    ['2025-06-16T09:30:00Z', 5, '2025-06-23T09:30:00Z'], // a working week
    ['2025-06-16T09:30:00Z', 0, '2025-06-16T09:30:00Z'],
    ['2025-12-31T23:00:00Z', 2, '2026-01-02T23:00:00Z'], // across the new year
  ])('%s plus %i is %s', (from, days, due) => {
    expect(addWorkingDays(new Date(from), days).toISOString()).toBe(new Date(due).toISOString())
  })

  it('never changes the date it was given', () => {
    const from = new Date('2025-06-16T09:30:00Z')
    addWorkingDays(from, 3)
    expect(from.toISOString()).toBe('2025-06-16T09:30:00.000Z')
  })
})
