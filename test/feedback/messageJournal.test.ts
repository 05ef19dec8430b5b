import crypto from 'node:crypto'
import { createContactCipher } from '../../src/contact/contactEncryption'
import { feedbackModel } from '../../src/data/models/feedback'
import { journaledMessageModel } from '../../src/data/models/journaledMessage'
import { FeedbackDrafts } from '../../src/feedback/feedbackDrafts'
import { newFeedbackReference } from '../../src/feedback/feedbackReference'
import { ControlledClock } from '../helpers/clock'
import { testDatabaseForThisFile } from '../helpers/database'

/**
 * FerretDB v1 applies an update by reading the record and writing it back, so another instance's write at the same
 * moment can undo the append of a message. The journal puts such a message back.
 */
describe('every message reaches the record, even when another write undoes its append', () => {
  const connection = testDatabaseForThisFile()
  const clock = new ControlledClock('2026-03-02T09:00:00Z')
  const settleMs = 30_000
  const drafts = () => new FeedbackDrafts(feedbackModel(connection), clock, createContactCipher(crypto.randomBytes(32)), journaledMessageModel(connection), settleMs)
  const message = (text: string) => ({ channel: 'webchat', conversationKey: 'webchat:journal-test', step: 'story', text })
  const wordsOf = async (reference: string) => ((await feedbackModel(connection).findOne({ reference }).lean())?.conversation ?? []).map(entry => entry.text).sort()
  const journaled = (reference: string) => journaledMessageModel(connection).countDocuments({ reference })
  /** What another instance's read-modify-write does when it read the record before the append: writes the old list back. */
  const undoAppend = (reference: string, before: unknown[]) =>
    feedbackModel(connection).collection.updateOne({ _id: reference as never }, { $set: { conversation: before as never, stillBeingTold: true } })

  it('puts back a message whose append was undone, once writes have settled, and says whose record to assess again', async () => {
    const reference = newFeedbackReference()
    const first = await drafts().appendMessage(reference, message('The night staff left my dad on the floor.'))
    await drafts().appendMessage(reference, message('He is still there now and cannot get up 😢'))
    await undoAppend(reference, first!.conversation!)
    expect(await wordsOf(reference)).toEqual(['The night staff left my dad on the floor.'])

    expect(await drafts().checkMessages()).toEqual([])
    clock.advance(settleMs)
    expect(await drafts().checkMessages()).toEqual([reference])
    expect(await wordsOf(reference)).toEqual(['He is still there now and cannot get up 😢', 'The night staff left my dad on the floor.'])
    const record = await feedbackModel(connection).findOne({ reference }).lean()
    expect(record?.stillBeingTold).toBe(true)

    // Checked once more after it was put back; then the journal holds nothing of this conversation.
    clock.advance(settleMs)
    expect(await drafts().checkMessages()).toEqual([])
    expect(await journaled(reference)).toBe(0)
  })

  it('keeps every message when the append races another write of the record, time after time', async () => {
    const references: string[] = []
    for (let round = 0; round < 25; round++) {
      const reference = newFeedbackReference()
      references.push(reference)
      await drafts().appendMessage(reference, message(`first message of conversation ${round}`))
      await Promise.all([
        drafts().appendMessage(reference, message(`second message of conversation ${round}`)),
        feedbackModel(connection).collection.updateOne({ _id: reference as never }, { $set: { stillBeingTold: true } }),
      ])
    }
    clock.advance(settleMs)
    await drafts().checkMessages()
    for (const [round, reference] of references.entries()) {
      expect(await wordsOf(reference)).toEqual([`first message of conversation ${round}`, `second message of conversation ${round}`])
    }
  })

  it('writes the draft from the journal when the process died before the record was written', async () => {
    const reference = newFeedbackReference()
    const at = clock.now()
    await journaledMessageModel(connection).create({
      _id: `${reference}:crashed`,
      reference,
      conversationKey: 'sms:crashed',
      message: { at, channel: 'sms', step: 'opening', text: 'Mum has had no food or water since yesterday', messageId: 'crashed' },
      checkAfter: new Date(at.getTime() + settleMs),
    })
    clock.advance(settleMs)
    expect(await drafts().checkMessages()).toEqual([reference])
    const record = await feedbackModel(connection).findOne({ reference }).lean()
    expect(record).toMatchObject({ status: 'draft', channel: 'sms', conversationKey: 'sms:crashed' })
    expect(await wordsOf(reference)).toEqual(['Mum has had no food or water since yesterday'])
  })

  it('leaves the journal at once for a message the record holds, and never writes words back to an erased record', async () => {
    const [kept, erased] = [newFeedbackReference(), newFeedbackReference()]
    await drafts().appendMessage(kept, message('<b>Thank you</b> to the ward team'))
    await drafts().appendMessage(erased, message('Please delete what I said'))
    await feedbackModel(connection).collection.updateOne({ _id: erased as never }, { $set: { conversation: [], erasedAt: clock.now() } })
    clock.advance(settleMs)
    expect(await drafts().checkMessages()).toEqual([])
    expect(await wordsOf(kept)).toEqual(['<b>Thank you</b> to the ward team'])
    expect(await wordsOf(erased)).toEqual([])
    expect(await journaled(kept)).toBe(0)
    expect(await journaled(erased)).toBe(0)
  })
})
