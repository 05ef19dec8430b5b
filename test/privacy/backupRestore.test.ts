import fs from 'node:fs'
import path from 'node:path'
import type { Connection } from 'mongoose'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { alertModel } from '../../src/data/models/alert'
import { feedbackModel } from '../../src/data/models/feedback'
import { createContactCipher } from '../../src/contact/contactEncryption'
import { alertWebhookSettings, FakeAlertReceiver } from '../fakes/alertReceiver'
import { testDatabaseUri } from '../helpers/database'
import { startedForThisFile } from '../helpers/forThisFile'
import { testServiceForThisFile } from '../helpers/service'
import { runTool, sourceTool } from '../helpers/tools'
import { scratchFolder } from '../helpers/scratchFolder'

const urgentStory = 'A carer hit my mum and she has bruises. She is scared to tell anyone and it happens every night.'
const calmStory = 'The staff were lovely and the food was good. Thank you.'

const sourceUri = testDatabaseUri()
const connections: Connection[] = []
const scratch = scratchFolder('backup')
const receiver = startedForThisFile(() => new FakeAlertReceiver('alert-secret').start())
const service = testServiceForThisFile(() => ({ MONGODB_URI: sourceUri, ...alertWebhookSettings(receiver), RATE_LIMIT_PER_MINUTE: '100000' }))

afterAll(async () => {
  for (const connection of connections) {
    await connection.dropDatabase()
    await connection.close()
  }
})

async function open(uri: string): Promise<Connection> {
  const connection = await connectToDatabase(uri, pino({ level: 'silent' }))
  connections.push(connection)
  return connection
}

interface Acknowledged {
  reference: string
  email: string
  urgent: boolean
  at: number
}

describe('backup and restore', () => {
  it('a backup taken while submissions are being written restores every acknowledged one, its alerts and readable contact details', async () => {
    const acknowledged: Acknowledged[] = []
    let writing = true
    const writer = async (lane: number) => {
      for (let index = 0; writing; index++) {
        const urgent = index % 2 === 0
        const email = `lane${lane}.n${index}@example.com`
        const response = await fetch(`${service.url}/api/feedback`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ service: { name: 'Sunny Days Care Home' }, text: urgent ? urgentStory : calmStory, contact: { method: 'email', email, name: `Person ${lane}-${index}` } }),
        })
        expect(response.status).toBe(201)
        acknowledged.push({ reference: ((await response.json()) as { reference: string }).reference, email, urgent, at: Date.now() })
      }
    }
    const writers = [writer(1), writer(2), writer(3)]
    while (acknowledged.length < 12) await new Promise(resolve => setTimeout(resolve, 50))

    const backupDir = path.join(scratch, 'during-writes')
    // Counted by position, not by clock: two acknowledgements can share the millisecond the backup starts in.
    const acknowledgedBeforeBackup = acknowledged.length
    const backup = await runTool(sourceTool('backup', '--out', backupDir), { MONGODB_URI: sourceUri, DATA_DIR: service.services.config.dataDir })
    const finishedAt = Date.now()
    writing = false
    await Promise.all(writers)
    expect(backup).toMatchObject({ code: 0 })
    expect(JSON.parse(backup.stdout)).toMatchObject({ out: backupDir, keysIncluded: true })
    const writtenDuringBackup = acknowledged.slice(acknowledgedBeforeBackup).filter(entry => entry.at < finishedAt).length
    expect(writtenDuringBackup).toBeGreaterThan(0)
    expect((fs.statSync(path.join(backupDir, 'keys', 'encryption.key')).mode & 0o777).toString(8)).toBe('600')

    // Restore into a new, empty database and a new data folder with no key of its own.
    const restoredUri = testDatabaseUri()
    const restoredDataDir = path.join(scratch, 'restored-data')
    const restore = await runTool(sourceTool('restore', '--from', backupDir), { MONGODB_URI: restoredUri, DATA_DIR: restoredDataDir })
    expect(restore.stderr).toBe('')
    expect(restore.code).toBe(0)

    const restored = await open(restoredUri)
    const cipher = createContactCipher(Buffer.from(fs.readFileSync(path.join(restoredDataDir, 'encryption.key'), 'utf8'), 'base64'))
    const records = new Map((await feedbackModel(restored).find().lean()).map(record => [record.reference, record]))
    const alerted = new Set((await alertModel(restored).find().lean()).map(alert => alert.reference))
    const before = acknowledged.slice(0, acknowledgedBeforeBackup)
    expect(before.length).toBeGreaterThanOrEqual(12)
    for (const entry of before) {
      const record = records.get(entry.reference)
      expect({ reference: entry.reference, status: record?.status }).toEqual({ reference: entry.reference, status: 'received' })
      expect(cipher.decrypt(record!.contact!.sealedDetails!)).toEqual({ email: entry.email, name: expect.stringMatching(/^Person /) })
      if (entry.urgent) expect({ reference: entry.reference, alerted: alerted.has(entry.reference) }).toEqual({ reference: entry.reference, alerted: true })
    }
    // Whatever else made it in is whole: every routed urgent record has its alerts.
    for (const record of records.values()) {
      if (record.classification?.risk?.level === 'urgent' && record.triage?.routedAt) expect(alerted.has(record.reference)).toBe(true)
    }

    // A second restore into the same database is refused, and changes nothing.
    const again = await runTool(sourceTool('restore', '--from', backupDir), { MONGODB_URI: restoredUri, DATA_DIR: restoredDataDir })
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already holds \d+ records .* Nothing was changed\. .*--replace/)
    expect(await feedbackModel(restored).countDocuments()).toBe(records.size)
    const replaced = await runTool(sourceTool('restore', '--from', backupDir, '--replace'), { MONGODB_URI: restoredUri, DATA_DIR: restoredDataDir })
    expect(replaced.code).toBe(0)
    expect(await feedbackModel(restored).countDocuments()).toBe(records.size)
  })

  it('refuses a wrong key, a damaged file and an unfinished backup, with a clear message and nothing changed', async () => {
    const backupDir = path.join(scratch, 'checked')
    expect((await runTool(sourceTool('backup', '--out', backupDir, '--without-keys'), { MONGODB_URI: sourceUri, DATA_DIR: service.services.config.dataDir })).code).toBe(0)
    expect(fs.existsSync(path.join(backupDir, 'keys'))).toBe(false)
    const targetUri = testDatabaseUri()
    const target = await open(targetUri)

    const noKey = await runTool(sourceTool('restore', '--from', backupDir), { MONGODB_URI: targetUri, DATA_DIR: path.join(scratch, 'no-key') })
    expect(noKey).toMatchObject({ code: 1, stderr: expect.stringContaining('made without its keys and ENCRYPTION_KEY is not set') })
    const wrongKey = await runTool(sourceTool('restore', '--from', backupDir), { MONGODB_URI: targetUri, DATA_DIR: path.join(scratch, 'no-key'), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') })
    expect(wrongKey).toMatchObject({ code: 1, stderr: expect.stringContaining('ENCRYPTION_KEY is not the key this backup was made with') })
    const rightKey = fs.readFileSync(path.join(service.services.config.dataDir, 'encryption.key'), 'utf8')

    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as { collections: { file: string }[] }
    fs.appendFileSync(path.join(backupDir, manifest.collections[0].file), '{"_id":"added later"}\n')
    const damaged = await runTool(sourceTool('restore', '--from', backupDir), { MONGODB_URI: targetUri, DATA_DIR: path.join(scratch, 'no-key'), ENCRYPTION_KEY: rightKey })
    expect(damaged).toMatchObject({ code: 1, stderr: expect.stringContaining('has changed or is damaged') })
    fs.rmSync(path.join(backupDir, 'manifest.json'))
    const unfinished = await runTool(sourceTool('restore', '--from', backupDir), { MONGODB_URI: targetUri, DATA_DIR: path.join(scratch, 'no-key'), ENCRYPTION_KEY: rightKey })
    expect(unfinished).toMatchObject({ code: 1, stderr: expect.stringContaining('did not finish') })
    expect(await target.db!.listCollections().toArray()).toEqual([])

    const notEmpty = await runTool(sourceTool('backup', '--out', backupDir), { MONGODB_URI: sourceUri, DATA_DIR: service.services.config.dataDir })
    expect(notEmpty).toMatchObject({ code: 1, stderr: expect.stringContaining('is not empty') })

    // A data folder that already has another key keeps it: the restore is refused before anything is written.
    const withKeys = path.join(scratch, 'with-keys')
    expect((await runTool(sourceTool('backup', '--out', withKeys), { MONGODB_URI: sourceUri, DATA_DIR: service.services.config.dataDir })).code).toBe(0)
    const otherDataDir = path.join(scratch, 'other-key')
    fs.mkdirSync(otherDataDir)
    fs.writeFileSync(path.join(otherDataDir, 'encryption.key'), Buffer.alloc(32, 9).toString('base64'))
    const otherKey = await runTool(sourceTool('restore', '--from', withKeys), { MONGODB_URI: targetUri, DATA_DIR: otherDataDir })
    expect(otherKey).toMatchObject({ code: 1, stderr: expect.stringContaining('holds a different key from the backup') })
    expect(fs.readFileSync(path.join(otherDataDir, 'encryption.key'), 'utf8')).toBe(Buffer.alloc(32, 9).toString('base64'))
    expect(await target.db!.listCollections().toArray()).toEqual([])
  })
})
