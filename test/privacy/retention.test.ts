import crypto from 'node:crypto'
import { Writable } from 'node:stream'
import pino from 'pino'
import { loadConfig } from '../../src/config'
import { RetentionJob, retentionPolicyFrom } from '../../src/privacy/retention'
import { createContactCipher } from '../../src/contact/contactEncryption'
import { ControlledClock } from '../helpers/clock'
import { testDatabaseForThisFile } from '../helpers/database'

const connection = testDatabaseForThisFile()

const dayMs = 86_400_000
const cipher = createContactCipher(crypto.randomBytes(32))

describe('the retention schedule', () => {
  it('removes exactly what is due under the defaults, logs only counts, and a second run removes nothing', async () => {
    const clock = new ControlledClock('2026-11-25T03:00:00Z')
    const ago = (days: number, extraMs = 0) => new Date(clock.now().getTime() - days * dayMs - extraMs)
    const db = connection.db!
    const marker = `Qx${crypto.randomBytes(4).toString('hex')}`
    const sealed = cipher.encrypt({ email: `${marker}@example.com` })
    const contact = { method: 'email', sealedDetails: sealed, ...cipher.lookupHashes({ email: `${marker}@example.com` }) }
    const closedOn = (days: number) => [
      { status: 'received', at: ago(days + 5) },
      { status: 'closed', at: ago(days) },
    ]

    await db.collection('feedbacks').insertMany([
      { reference: 'DRAFT-OLD01', status: 'draft', channel: 'webchat', story: marker, createdAt: ago(40), updatedAt: ago(30, 1000) },
      { reference: 'DRAFT-NEW01', status: 'draft', channel: 'webchat', story: marker, createdAt: ago(40), updatedAt: ago(29) },
      { reference: 'OLDRE-CEIVE', status: 'received', channel: 'api', story: marker, contact, createdAt: ago(400), updatedAt: ago(400) },
      { reference: 'CLOSE-DOLD1', status: 'closed', channel: 'api', story: marker, contact, statusHistory: closedOn(91), createdAt: ago(100), updatedAt: ago(1) },
      { reference: 'CLOSE-DNEW1', status: 'closed', channel: 'api', story: marker, contact, statusHistory: closedOn(89), createdAt: ago(100), updatedAt: ago(89) },
    ])
    await db.collection('callbackrequests').insertMany([
      { reference: 'CLOSE-DOLD1', channel: 'sms', sealedPhone: sealed, status: 'done', requestedAt: ago(100) },
      { reference: 'CLOSE-DNEW1', channel: 'sms', sealedPhone: sealed, status: 'done', requestedAt: ago(100) },
    ])
    await db.collection('botstate').insertMany([
      { _id: 'old' as never, state: marker, eTag: '1', updatedAt: ago(31) },
      { _id: 'new' as never, state: marker, eTag: '1', updatedAt: ago(29) },
    ])
    await db.collection('processedwebhooks').insertMany([
      { messageId: 'SM-old', provider: 'twilio', receivedAt: ago(8) },
      { messageId: 'SM-new', provider: 'twilio', receivedAt: ago(6) },
    ])
    await db.collection('sessions').insertMany([{ expires: ago(0, 1000) }, { expires: ago(-1) }])
    await db.collection('auditevents').insertMany([
      { at: ago(2191), actor: 'a@example.gov.uk', via: 'console', action: 'case.read', reference: 'OLDRE-CEIVE' },
      { at: ago(2189), actor: 'a@example.gov.uk', via: 'console', action: 'case.read', reference: 'OLDRE-CEIVE' },
    ])

    let logged = ''
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => ((logged += chunk), done()) }))
    const job = new RetentionJob(connection, retentionPolicyFrom(loadConfig({})), clock, logger)
    expect(await job.run()).toEqual({ drafts: 1, botStates: 1, webhookRecords: 1, expiredSessions: 1, closedCaseContactDetails: 1, callbackRequests: 1, auditEvents: 1 })

    const references = (await db.collection('feedbacks').find().toArray()).map(record => record.reference).sort()
    expect(references).toEqual(['CLOSE-DNEW1', 'CLOSE-DOLD1', 'DRAFT-NEW01', 'OLDRE-CEIVE'])
    const closedOld = await db.collection('feedbacks').findOne({ reference: 'CLOSE-DOLD1' })
    expect(closedOld?.contact).toEqual({ method: 'email', detailsRemovedAt: clock.now() })
    expect(closedOld?.story).toBe(marker)
    expect((await db.collection('feedbacks').findOne({ reference: 'CLOSE-DNEW1' }))?.contact).toEqual(contact)
    expect((await db.collection('feedbacks').findOne({ reference: 'OLDRE-CEIVE' }))?.contact).toEqual(contact)
    expect((await db.collection('callbackrequests').find().toArray()).map(request => request.reference)).toEqual(['CLOSE-DNEW1'])
    expect((await db.collection('botstate').find().toArray()).map(state => state._id)).toEqual(['new'])
    expect((await db.collection('processedwebhooks').find().toArray()).map(record => record.messageId)).toEqual(['SM-new'])
    expect(await db.collection('sessions').countDocuments()).toBe(1)
    expect(await db.collection('auditevents').countDocuments()).toBe(1)

    const line = JSON.parse(logged.trim().split('\n').at(-1)!)
    expect(line).toMatchObject({ msg: 'retention schedule applied', removed: { drafts: 1, auditEvents: 1 } })
    expect(logged).not.toContain(marker)
    expect(logged).not.toMatch(/[A-Z0-9]{5}-[A-Z0-9]{5}/)

    expect(Object.values(await job.run()).every(count => count === 0)).toBe(true)

    // A day on, the drafts and bot state that were 29 days old are due too.
    clock.advance(2 * dayMs)
    expect(await job.run()).toMatchObject({ drafts: 1, botStates: 1, closedCaseContactDetails: 1, callbackRequests: 1 })
  })

  it('takes its periods from RETENTION_* settings, and refuses nonsense with a clear message', () => {
    expect(retentionPolicyFrom(loadConfig({ RETENTION_DRAFT_DAYS: '7', RETENTION_AUDIT_DAYS: '365' }))).toEqual({
      draftDays: 7,
      botStateDays: 30,
      webhookDays: 7,
      closedContactDays: 90,
      auditDays: 365,
    })
    expect(() => loadConfig({ RETENTION_CLOSED_CONTACT_DAYS: 'forever' })).toThrow('RETENTION_CLOSED_CONTACT_DAYS must be a whole number above 0 (got "forever")')
  })

  it('runs once a day when started, and stops cleanly', async () => {
    const clock = new ControlledClock()
    const job = new RetentionJob(connection, retentionPolicyFrom(loadConfig({})), clock, pino({ level: 'silent' }), 20)
    const runs: number[] = []
    const original = job.run.bind(job)
    job.run = async () => {
      runs.push(clock.now().getTime())
      return original()
    }
    job.start()
    await new Promise(resolve => setTimeout(resolve, 150))
    expect(runs).toHaveLength(1)
    clock.advance(dayMs)
    await new Promise(resolve => setTimeout(resolve, 150))
    expect(runs).toHaveLength(2)
    await job.stop()
  })
})
