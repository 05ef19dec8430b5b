import fs from 'node:fs'
import path from 'node:path'
import { feedbackModel } from '../../src/data/models/feedback'
import { testServiceForThisFile } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'
import { scratchFolder } from '../helpers/scratchFolder'

/** Feedback sent by a partner names a service; the directory tells us where it is, so the right team gets it. */
const person = { name: 'Duty inspector', email: 'duty@example.gov.uk' }
const rules = {
  defaultTeam: 'national-triage',
  rules: [{ localAuthority: 'Testshire', team: 'testshire-team' }],
  teams: { 'national-triage': { name: 'National triage', onCall: [person] }, 'testshire-team': { name: 'Testshire team', onCall: [person] } },
}

const rulesFile = path.join(scratchFolder('routing'), 'routing.json')
fs.writeFileSync(rulesFile, JSON.stringify(rules))
const service = testServiceForThisFile({ ROUTING_RULES_FILE: rulesFile })

async function send(serviceGiven: Record<string, string>) {
  const response = await fetch(`${service.url}/api/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ service: serviceGiven, text: 'The staff were kind but my dad waited a long time for his tablets.' }),
  })
  expect(response.status).toBe(201)
  const { reference } = (await response.json()) as { reference: string }
  const stored = () => feedbackModel(service.services.connection).findOne({ reference }).lean()
  expect(await waitUntil(async () => Boolean((await stored())?.triage?.team))).toBe(true)
  return (await stored())!
}

describe('intake fills in the service from the provider directory', () => {
  it('takes region and local authority from the directory for a known location id, and routes by them', async () => {
    const record = await send({ locationId: 'FICTION-0003' })
    expect(record.service).toMatchObject({
      locationId: 'FICTION-0003',
      name: 'Hilltop Demo Home Care',
      key: 'fiction-0003',
      localAuthority: 'Testshire',
      region: 'Example Region',
      providerName: 'Hilltop Demo Ltd (fictional)',
      serviceTypes: ['Homecare agencies'],
      matchedFromDirectory: true,
    })
    expect(record.triage?.team).toBe('testshire-team')
  })

  it('matches a location id typed in lower case', async () => {
    const record = await send({ locationId: 'fiction-0003' })
    expect(record.service).toMatchObject({ locationId: 'FICTION-0003', matchedFromDirectory: true })
  })

  it.each([
    ['its exact name, in any case', 'HILLTOP DEMO HOME CARE', 'FICTION-0003'],
    ['its other name', 'Riverside GP', 'FICTION-0002'],
    ['every word of its name in one entry only', 'Lavender House supported living', 'FICTION-0008'],
  ])('matches a service named by %s', async (_how, name, locationId) => {
    const record = await send({ name })
    expect(record.service).toMatchObject({ locationId, matchedFromDirectory: true })
  })

  it('keeps an unknown service name exactly as typed, and still accepts and routes the feedback', async () => {
    const record = await send({ name: 'Sunnyside Clinic, Nowhereton 🌻' })
    expect(record.service).toMatchObject({ name: 'Sunnyside Clinic, Nowhereton 🌻', key: 'sunnyside clinic, nowhereton 🌻', matchedFromDirectory: false })
    expect(record.service?.locationId).toBeUndefined()
    expect(record.triage?.team).toBe('national-triage')
  })

  it('keeps an unknown location id, with the partner’s own place details, rather than refusing it', async () => {
    const record = await send({ locationId: '1-999999999', name: 'A home we do not list', localAuthority: 'Testshire' })
    expect(record.service).toMatchObject({ locationId: '1-999999999', name: 'A home we do not list', localAuthority: 'Testshire', matchedFromDirectory: false })
    expect(record.triage?.team).toBe('testshire-team')
  })

  it('does not guess when a name could be more than one service', async () => {
    const record = await send({ name: 'Example Care' })
    expect(record.service).toMatchObject({ name: 'Example Care', matchedFromDirectory: false })
  })
})
