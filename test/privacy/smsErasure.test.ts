import crypto from 'node:crypto'
import { feedbackModel } from '../../src/data/models/feedback'
import { PersonalDataErasure } from '../../src/privacy/erasure'
import { SubjectAccessExport, subjectAccessJson } from '../../src/privacy/subjectAccess'
import { textTheService } from '../fakes/twilioFake'
import { findStrings } from '../helpers/personalDataScan'
import { testServiceWithTwilioForThisFile } from '../helpers/service'

const publicBaseUrl = 'https://feedback.example.gov.uk'
const { service, twilioFake } = testServiceWithTwilioForThisFile({ PUBLIC_BASE_URL: publicBaseUrl })

async function text(from: string, body: string): Promise<void> {
  expect((await textTheService(twilioFake, service.url, publicBaseUrl, from, body)).status).toBe(200)
}

it('a text message conversation is found by the phone number alone, exported, and erased without decrypting anything else', async () => {
  const marker = `Qx${crypto.randomBytes(5).toString('hex')}`
  const number = `+4477009${String(crypto.randomInt(0, 100000)).padStart(5, '0')}`
  for (const body of ['hello', 'no thank you', 'it was my mum', 'Willow Lodge', '1', 'last week', `She was left cold all night ${marker}`]) await text(number, body)
  const { connection, contactCipher, audit, clock, logger } = service.services
  const draft = await feedbackModel(connection).findOne({ channel: 'sms', story: new RegExp(marker) }).lean()
  expect(draft?.reference).toBeDefined()

  // Typed as the person would say it: a UK mobile with spaces.
  const asTyped = `0${number.slice(3, 7)} ${number.slice(7)}`
  const exported = await new SubjectAccessExport(connection, contactCipher, audit, clock).collect({ phone: asTyped }, { email: 'dpo@example.gov.uk', via: 'system' })
  expect(exported.references).toEqual([draft!.reference])
  expect(subjectAccessJson(exported)).toContain(marker)
  expect(exported.conversations).toEqual([expect.objectContaining({ channel: 'sms', address: { phone: number } })])

  const before = await findStrings(connection, contactCipher, [marker, number.slice(1)])
  expect(before).toEqual(expect.arrayContaining(['feedbacks.story', 'botstate.state', 'conversationreferences.sealedAddress']))
  const result = await new PersonalDataErasure(connection, contactCipher, audit, clock, logger).erase({ phone: asTyped }, { email: 'dpo@example.gov.uk', via: 'system' }, 'text request')
  expect(result).toMatchObject({ references: [draft!.reference], draftsDeleted: 1, conversationsForgotten: 1 })
  expect(await findStrings(connection, contactCipher, [marker, number.slice(1)])).toEqual([])

  // The person texts again: a fresh start. Had the bot's state survived, its journey would write the old draft back.
  await text(number, 'hello again')
  await text(number, 'no thank you')
  expect(await feedbackModel(connection).exists({ reference: draft!.reference })).toBeNull()
})
