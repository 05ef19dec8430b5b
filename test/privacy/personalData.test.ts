import crypto from 'node:crypto'
import { auditEventModel } from '../../src/data/models/auditEvent'
import { CallbackRequests } from '../../src/data/models/callbackRequest'
import { feedbackModel } from '../../src/data/models/feedback'
import { erasureNotice, PersonalDataErasure } from '../../src/privacy/erasure'
import { PersonQueryError } from '../../src/privacy/personalRecords'
import { renderSubjectAccessPage, SubjectAccessExport, subjectAccessJson } from '../../src/privacy/subjectAccess'
import type { Actor } from '../../src/security/audit'
import { DirectLineTestClient } from '../directline/directLineClient'
import { findStrings } from '../helpers/personalDataScan'
import { testServiceForThisFile } from '../helpers/service'
import { waitUntil } from '../helpers/serviceProcess'

const service = testServiceForThisFile()

const inspector: Actor = { email: 'inspector@example.gov.uk', role: 'inspector', via: 'console' }
const dataProtectionOfficer: Actor = { email: 'dpo@example.gov.uk', role: 'admin', via: 'console' }
const unique = () => `Qx${crypto.randomBytes(5).toString('hex')}`
const randomMobile = () => `07${String(crypto.randomInt(0, 1e9)).padStart(9, '0')}`

async function submit(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${service.url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  expect(response.status).toBe(201)
  return ((await response.json()) as { reference: string }).reference
}

/** One person's whole footprint: feedback by the API with contact details, an inspector's note and reply, a callback request, and a web chat. */
async function personWithEverything() {
  const marker = unique()
  const words = {
    story: `My aunt fell at night and nobody came for an hour ${marker}story. <b>Ménage</b> 😞 — 夜勤`,
    when: `last Tuesday ${marker}when`,
    outcome: `More night staff ${marker}outcome`,
    name: `Alex ${marker}name`,
    email: `${marker}@example.com`,
    phone: randomMobile(),
    note: `Rang the home about ${marker}note`,
    reply: `Thank you, we are looking into it ${marker}reply`,
    // Calm, so the chat stays a draft (an urgent one is routed to inspectors while still being told).
    chat: `The tea was a bit cold but the staff were nice ${marker}chat`,
  }
  const reference = await submit({
    service: { name: 'Willow Lodge Example Nursing Home' },
    text: words.story,
    when: words.when,
    desiredOutcome: words.outcome,
    contact: { method: 'email', email: words.email, phone: words.phone, name: words.name },
  })
  const { cases } = service.services
  // Routing finishes in the background; the inspector works on a routed case.
  await waitUntil(async () => Boolean((await feedbackModel(service.services.connection).findOne({ reference }).lean())?.triage?.routedAt))
  await cases.addNote(inspector, reference, words.note)
  await cases.respond(inspector, reference, { text: words.reply })
  await new CallbackRequests(service.services.connection, service.services.contactCipher).record({ reference, channel: 'api', phone: words.phone, at: new Date() })

  const chat = new DirectLineTestClient(service.url)
  await chat.start()
  for (const typed of ['no thank you', 'it was my dad', 'Willow Lodge nursing hom', '1', 'yesterday', words.chat]) await chat.say(typed)
  const draft = await feedbackModel(service.services.connection).findOne({ conversationKey: `webchat:${chat.conversationId}` }).lean()
  expect(draft?.reference).toBeDefined()
  return { marker, words, reference, chatReference: draft!.reference, chat }
}

describe('erasure at the person\'s request', () => {
  it('by reference leaves no trace of their words or contact details anywhere, and keeps the record that the feedback existed', async () => {
    const person = await personWithEverything()
    const bystander = await personWithEverything()
    const { connection, contactCipher } = service.services
    const needles = [person.marker, person.words.phone.slice(1)]

    const before = await findStrings(connection, contactCipher, needles)
    // The scan can fail: before erasure it finds the words, the contact details, the transcript, the bot's state and the message journal.
    expect(before).toEqual(
      expect.arrayContaining(['feedbacks.story', 'feedbacks.contact.sealedDetails', 'feedbacks.notes.text', 'deliveries.text', 'callbackrequests.sealedPhone', 'botstate.state', 'directlineactivities.sealedActivity', 'messagejournal.message.text']),
    )
    const classified = await feedbackModel(connection).findOne({ reference: person.reference }).lean()

    const erasure = new PersonalDataErasure(connection, contactCipher, service.services.audit, service.services.clock, service.services.logger)
    const byApi = await erasure.erase({ reference: person.reference }, dataProtectionOfficer, 'request by letter')
    const byChat = await erasure.erase({ reference: person.chatReference.toLowerCase().replace('-', ' ') }, dataProtectionOfficer, 'request by letter')
    expect(byApi).toMatchObject({ references: [person.reference], feedbackErased: 1, deliveriesDeleted: 1, callbackRequestsDeleted: 1 })
    expect(byChat).toMatchObject({ references: [person.chatReference], draftsDeleted: 1, conversationsForgotten: 1 })
    expect(byChat.botStatesDeleted).toBeGreaterThanOrEqual(1)
    expect(byChat.transcriptMessagesDeleted).toBeGreaterThan(5)

    expect(await findStrings(connection, contactCipher, needles)).toEqual([])

    const kept = await feedbackModel(connection).findOne({ reference: person.reference }).lean()
    const notice = erasureNotice(service.services.clock.now())
    expect(notice).toMatch(/^erased on \d{1,2} [A-Z][a-z]+ \d{4} at the person's request$/)
    expect(kept).toMatchObject({
      reference: person.reference,
      status: classified!.status,
      service: { name: 'Willow Lodge Example Nursing Home' },
      story: notice,
      when: { text: notice },
      desiredOutcome: notice,
      contact: { method: 'email' },
      classification: { risk: { level: classified!.classification!.risk!.level }, themes: classified!.classification!.themes },
      notes: [{ by: inspector.email, text: notice }],
      updates: [{ by: inspector.email, text: notice }],
    })
    expect(kept!.contact).not.toHaveProperty('sealedDetails')
    expect(kept!.erasedAt).toBeInstanceOf(Date)
    expect(await feedbackModel(connection).exists({ reference: person.chatReference })).toBeNull()

    // The web chat cannot be resumed to read the transcript back.
    const read = await fetch(`${service.url}/v3/directline/conversations/${person.chat.conversationId}/activities`, { headers: { authorization: `Bearer ${person.chat.token}` } })
    expect(read.status).not.toBe(200)

    const audit = await auditEventModel(connection).find({ action: 'privacy.erase' }).lean()
    expect(audit.map(event => [event.reference, event.actor, event.detail])).toEqual(
      expect.arrayContaining([
        [person.reference, dataProtectionOfficer.email, 'by reference: request by letter'],
        [person.chatReference, dataProtectionOfficer.email, 'by reference: request by letter'],
      ]),
    )

    // Someone else's feedback is untouched.
    expect(await findStrings(connection, contactCipher, [bystander.marker])).toEqual(expect.arrayContaining(['feedbacks.story', 'feedbacks.contact.sealedDetails', 'botstate.state']))

    // Erasing again, days later, changes nothing and keeps the first date.
    const later = { now: () => new Date(Date.now() + 3 * 86_400_000) }
    await new PersonalDataErasure(connection, contactCipher, service.services.audit, later, service.services.logger).erase({ reference: person.reference }, dataProtectionOfficer, 'again')
    expect((await feedbackModel(connection).findOne({ reference: person.reference }).lean())?.story).toBe(notice)
  })

  it('by email or phone finds every record that used it, through the keyed hashes, and nobody else\'s', async () => {
    const marker = unique()
    const email = `${marker}@Example.com`
    const phone = randomMobile()
    const first = await submit({ service: { name: 'Oak House' }, text: `first ${marker}one`, contact: { method: 'email', email } })
    const second = await submit({ service: { name: 'Oak House' }, text: `second ${marker}two`, contact: { method: 'email', email: `  ${email.toUpperCase()} ` } })
    const byPhone = await submit({ service: { name: 'Oak House' }, text: `third ${marker}three`, contact: { method: 'sms', phone } })
    await submit({ service: { name: 'Oak House' }, text: `other ${marker}other`, contact: { method: 'email', email: `other.${email}` } })
    // A callback asked for before any feedback was started: found by the number alone.
    await new CallbackRequests(service.services.connection, service.services.contactCipher).record({ channel: 'sms', phone: phone.replace(/^0/, '+44'), at: new Date() })

    const { connection, contactCipher, audit, clock, logger } = service.services
    const erasure = new PersonalDataErasure(connection, contactCipher, audit, clock, logger)
    expect((await erasure.erase({ email: email.toLowerCase() }, dataProtectionOfficer, 'email request')).references.sort()).toEqual([first, second].sort())
    const phoneResult = await erasure.erase({ phone: `${phone.slice(0, 5)} ${phone.slice(5)}` }, dataProtectionOfficer, 'phone request')
    expect(phoneResult.references).toEqual([byPhone])
    expect(phoneResult.callbackRequestsDeleted).toBe(1)

    expect(await findStrings(connection, contactCipher, [`${marker}one`, `${marker}two`, `${marker}three`, phone.slice(1)])).toEqual([])
    // Someone else's words stay where they were: the story, and the risk reason that quotes the sentence that set its level.
    const otherPaths = await findStrings(connection, contactCipher, [`${marker}other`])
    expect(otherPaths.filter(path => path !== 'feedbacks.classification.risk.reason')).toEqual(['feedbacks.story'])

    await expect(erasure.erase({ reference: 'not-a-ref' }, dataProtectionOfficer, 'x')).rejects.toThrow(PersonQueryError)
    const nobody = await erasure.erase({ email: 'nobody@example.com' }, dataProtectionOfficer, 'x')
    expect(nobody.references).toEqual([])
  })
})

describe('subject access export', () => {
  it('holds every word and contact detail we have about the person, as JSON and as a readable page', async () => {
    const person = await personWithEverything()
    const { connection, contactCipher, audit, clock } = service.services
    const exporter = new SubjectAccessExport(connection, contactCipher, audit, clock)

    const byReference = await exporter.collect({ reference: person.reference }, dataProtectionOfficer)
    const json = subjectAccessJson(byReference)
    const page = renderSubjectAccessPage(byReference)
    for (const [field, value] of Object.entries(person.words)) {
      if (field === 'chat') continue
      expect({ field, inJson: json.includes(JSON.stringify(value).slice(1, -1)) }).toEqual({ field, inJson: true })
    }
    for (const value of [person.words.when, person.words.outcome, person.words.name, person.words.email, person.words.phone, person.words.note, person.words.reply]) {
      expect(page).toContain(value)
    }
    // The person's words are shown, never run: their HTML is escaped.
    expect(page).toContain('&lt;b&gt;Ménage&lt;/b&gt; 😞 — 夜勤')
    expect(page).not.toContain('<b>Ménage')
    expect(page).not.toMatch(/<script/i)

    const chatExport = await exporter.collect({ reference: person.chatReference }, dataProtectionOfficer)
    expect(subjectAccessJson(chatExport)).toContain(person.words.chat)
    expect(renderSubjectAccessPage(chatExport)).toContain(person.words.chat)

    const byEmail = await exporter.collect({ email: person.words.email.toUpperCase() }, dataProtectionOfficer)
    expect(byEmail.references).toEqual([person.reference])
    const byPhone = await exporter.collect({ phone: person.words.phone }, dataProtectionOfficer)
    expect(byPhone.references).toEqual([person.reference])
    expect(byPhone.callbackRequests).toHaveLength(1)

    const recorded = await auditEventModel(connection).find({ action: 'privacy.export', reference: person.reference }).lean()
    expect(recorded.length).toBe(3)
  })
})
