import crypto from 'node:crypto'
import { ConversationState, MemoryStorage, type Middleware } from 'botbuilder'
import type { Dialog } from 'botbuilder-dialogs'
import { DialogTestClient } from 'botbuilder-testing'
import pino from 'pino'
import type { InboundMessage } from '../../../src/feedback/feedbackDrafts'
import { createContactCipher } from '../../../src/contact/contactEncryption'
import { type PublicFeedbackStatus, publicStatusWording } from '../../../src/feedback/feedbackStatus'
import { normaliseFeedbackReference } from '../../../src/feedback/feedbackReference'
import type { DirectoryMatch } from '../../../src/directory/directory'
import type { JourneyState } from '../../../src/conversation/journeyState'
import { JourneyDependencies } from '../../../dialogs/journeyDependencies'

/** A Wednesday in June: every date the dialogs read is relative to it. */
export const now = new Date('2025-06-18T10:00:00Z')
export const contactCentre = { CONTACT_CENTRE_PHONE: '0300 000 0000', CONTACT_CENTRE_EMAIL: 'enquiries@example.org', CONTACT_CENTRE_BSL_URL: 'https://bsl.example.org' }

/**
 * The dialogs' collaborators as plain in-memory objects (no database): what was saved, appended, recorded and
 * submitted is kept in arrays a test can read, and the real contact cipher seals contact details.
 */
export class InMemoryJourney {
  readonly conversationState = new ConversationState(new MemoryStorage())
  readonly journeyProperty = this.conversationState.createProperty<JourneyState>('journey')
  readonly contactCipher = createContactCipher(crypto.randomBytes(32))
  /** Every draft as saved, oldest first. */
  readonly savedDrafts: JourneyState[] = []
  readonly inbound: (InboundMessage & { reference: string })[] = []
  readonly callbacks: { reference?: string; channel: string; phone: string; at: Date }[] = []
  readonly equalityRecords: Record<string, string>[] = []
  readonly submitted: string[] = []
  readonly statuses = new Map<string, PublicFeedbackStatus>()
  readonly directory: DirectoryMatch[] = []
  readonly deps: JourneyDependencies

  constructor() {
    this.deps = new JourneyDependencies(
      {
        // No mark: with no background work here, nothing may stand in for a fresh read.
        classifyAndRoute: { settledFor: async () => undefined, markBeforeWrite: () => undefined },
        clock: { now: () => new Date(now) },
        config: contactCentre,
        contactCipher: this.contactCipher,
        feedbackStatus: { publicStatusOf: async reference => this.statuses.get(normaliseFeedbackReference(reference) ?? '') },
        feedbackSubmission: {
          submit: async reference => {
            this.submitted.push(reference)
          },
        },
        logger: pino({ level: 'silent' }),
      },
      this.journeyProperty,
      {
        search: async typed => this.directory.filter(service => service.name.toLowerCase().includes(typed.toLowerCase())).slice(0, 3),
      },
      {
        save: async journey => {
          this.savedDrafts.push(structuredClone(journey))
          return undefined
        },
        appendMessage: async (reference, message) => {
          this.inbound.push({ ...message, reference })
          return undefined
        },
      },
      {
        record: async request => {
          this.callbacks.push(request)
        },
      },
      {
        record: async answers => {
          this.equalityRecords.push({ ...answers } as Record<string, string>)
          return true
        },
      },
    )
  }

  addStatus(reference: string, status: PublicFeedbackStatus['status'], updates: PublicFeedbackStatus['updates'] = []): void {
    this.statuses.set(reference, { reference, status, statusText: publicStatusWording[status], updates })
  }

  /** The journey as last saved after an answer. */
  get lastDraft(): JourneyState {
    const draft = this.savedDrafts.at(-1)
    if (!draft) throw new Error('nothing has been saved yet')
    return draft
  }

  /**
   * A test client on the text-message channel, so replies are the plain numbered text a person reads.
   * `startingWith` is a conversation already part-way through when this dialog starts.
   */
  client(dialog: Dialog, options?: unknown, startingWith?: JourneyState): Conversation {
    let first = startingWith
    const afterEachTurn: Middleware = {
      onTurn: async (context, next) => {
        if (first) await this.journeyProperty.set(context, first)
        first = undefined
        await next()
        const journey = await this.journeyProperty.get(context)
        this.journey = journey && structuredClone(journey)
      },
    }
    return new Conversation(new DialogTestClient('sms', dialog, options, [afterEachTurn], this.conversationState))
  }

  /** The journey at the end of the last turn, saved or not. */
  journey: JourneyState | undefined
}

export class Conversation {
  constructor(readonly client: DialogTestClient) {}

  /** Sends one message and returns everything the bot said back in that turn. */
  async say(text: string): Promise<string[]> {
    const replies: string[] = []
    let reply = (await this.client.sendActivity(text)) as { text?: string } | undefined
    while (reply) {
      replies.push(reply.text ?? '')
      reply = this.client.getNextReply() as { text?: string } | undefined
    }
    return replies
  }

  /** The group dialog's result once it has ended (back, change, submit), or undefined while it runs. */
  get ended(): { status: string; result?: unknown } {
    return this.client.dialogTurnResult
  }
}
