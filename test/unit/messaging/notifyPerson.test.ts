import { splitConversationKey } from '../../../src/messaging/notifyPerson'

describe('splitConversationKey', () => {
  it.each([
    ['webchat:abc', { channelId: 'webchat', conversationId: 'abc' }],
    // Teams conversation ids hold colons of their own.
    ['msteams:a:19:meeting_xyz@thread.v2', { channelId: 'msteams', conversationId: 'a:19:meeting_xyz@thread.v2' }],
    ['botframework.msteams:a:1', { channelId: 'botframework.msteams', conversationId: 'a:1' }],
    ['webchat:', undefined],
    [':abc', undefined],
    ['no separator', undefined],
    ['', undefined],
  ])('%j is %j', (key, expected) => {
    expect(splitConversationKey(key)).toEqual(expected)
  })
})
