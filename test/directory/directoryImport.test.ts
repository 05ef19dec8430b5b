import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Connection } from 'mongoose'
import pino from 'pino'
import { connectToDatabase } from '../../src/data/database'
import { careServiceModel } from '../../src/data/models/careService'
import { feedbackModel } from '../../src/data/models/feedback'
import { DirectoryService } from '../../src/directory/directory'
import { parseDirectoryCsv } from '../../src/directory/directoryImport'
import { testDatabaseName, testDatabaseUri } from '../helpers/database'
import { allText, Conversation, testServices } from '../dialogs/conversation'

const run = promisify(execFile)
const fixture = path.join(__dirname, 'fixtures', 'care-directory.csv')
const root = path.join(__dirname, '..', '..')

let connection: Connection
let uri: string
beforeAll(async () => {
  uri = testDatabaseUri(testDatabaseName())
  connection = await connectToDatabase(uri, pino({ level: 'silent' }))
})
afterAll(async () => {
  await connection.close()
})

describe('npm run directory:import', () => {
  test('loads a CSV with a preamble and odd column order, reports skipped rows, then the bot finds a service by a misspelt name', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'directory:import', '--', fixture], {
      cwd: root,
      env: { ...process.env, MONGODB_URI: uri, LOG_LEVEL: 'silent' },
    })
    expect(stdout).toContain('Header found on row 4')
    expect(stdout).toContain('Imported 2 services: 2 new, 0 updated.')
    expect(stdout).toMatch(/row 7: no name \(location id 1-000000003\)/)
    expect(stdout).toMatch(/row 8: no location id/)
    expect(stdout).toMatch(/row 9: location id 1-000000001 appears again/)

    const stored = await careServiceModel(connection).findOne({ locationId: '1-000000001' }).lean()
    expect(stored).toMatchObject({
      name: 'Bramblewood Fictional Residential Home',
      alsoKnownAs: 'Bramblewood House',
      postcode: 'ZZ99 9AB',
      providerName: 'Bramblewood Care Ltd (fictional)',
      localAuthority: 'Fakeshire',
      region: 'Nowhere Region',
      serviceTypes: ['Residential homes', 'Nursing homes'],
    })

    const conversation = new Conversation(testServices(connection))
    await conversation.say('hi')
    await conversation.say('The food was cold.')
    await conversation.say('I used it')
    const didYouMean = await conversation.say('bramblewod residental home')
    expect(allText(didYouMean)).toContain('Did you mean')
    expect(didYouMean.flatMap(reply => reply.choices)[0]).toBe('Bramblewood Fictional Residential Home, ZZ99 9AB')
    await conversation.say('1')
    const record = await feedbackModel(connection).findOne({ conversationKey: `webchat:${conversation.conversationId}` }).lean()
    expect(record?.service).toMatchObject({ locationId: '1-000000001', name: 'Bramblewood Fictional Residential Home', matchedFromDirectory: true })
  })

  test('importing the same file again updates rather than duplicates', async () => {
    const directory = new DirectoryService(connection)
    const parsed = parseDirectoryCsv(fs.readFileSync(fixture, 'utf8'))
    const again = await directory.upsert(parsed.services)
    expect(again).toEqual({ created: 0, updated: 2 })
    expect(await careServiceModel(connection).countDocuments({ locationId: '1-000000001' })).toBe(1)
  })

  test('a file without a recognisable header row is refused with a clear message', () => {
    expect(() => parseDirectoryCsv('just,some,words\n1,2,3\n')).toThrow('Could not find the header row')
  })
})

describe('directory search', () => {
  test('finds the fictional seed by misspelt name, by town and by postcode, and finds nothing for nonsense', async () => {
    const seeded = await connectToDatabase(testDatabaseUri(testDatabaseName()), pino({ level: 'silent' }))
    const directory = new DirectoryService(seeded)
    await directory.ensureSeeded()
    expect((await directory.search('meadowbnk care home'))[0]?.name).toBe('Meadowbank Example Care Home')
    expect((await directory.search('Sampleford')).map(match => match.name)).toContain('Riverside Sample Surgery')
    expect((await directory.search('zz99 2bb'))[0]?.name).toBe('Riverside Sample Surgery')
    expect((await directory.search('riverside GP'))[0]?.name).toBe('Riverside Sample Surgery')
    expect((await directory.search('willow lodge exampleton'))[0]?.name).toBe('Willow Lodge Example Nursing Home')
    expect(await directory.search('qwxz')).toEqual([])
    expect(await directory.search('😀😀')).toEqual([])
    await seeded.close()
  })
})

describe('noticing an import made elsewhere', () => {
  test('a search finds a service another instance imported, and checking for changes never reads the directory itself', async () => {
    const shared = await connectToDatabase(testDatabaseUri(testDatabaseName()), pino({ level: 'silent' }))
    const searching = new DirectoryService(shared)
    const importing = new DirectoryService(shared)
    await searching.prepare()
    expect(await searching.search('Thistledown Imported Care Home')).toEqual([])

    await importing.upsert([{ locationId: '1-999999999', name: 'Thistledown Imported Care Home', postcode: 'ZZ1 1ZZ' }])
    const read: string[] = []
    const watch = (event: { commandName: string; command: Record<string, unknown> }) => read.push(`${event.commandName} ${String(event.command[event.commandName])}`)
    shared.getClient().on('commandStarted', watch)
    const later = jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 60_000)
    try {
      expect((await searching.search('thistledown imported'))[0]?.name).toBe('Thistledown Imported Care Home')
      read.length = 0
      later.mockReturnValue(Date.now() + 120_000)
      await searching.search('thistledown')
      expect(read).toEqual(['find directoryversion'])
    } finally {
      later.mockRestore()
      shared.getClient().off('commandStarted', watch)
      await shared.close()
    }
  })
})
