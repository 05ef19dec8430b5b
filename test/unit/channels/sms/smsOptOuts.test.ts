import { smsKeywordIn } from '../../../../src/channels/sms/smsOptOuts'

describe('smsKeywordIn: the carrier words, only as the whole message', () => {
  it.each([
    ['STOP', 'stop'],
    ['Stop.', 'stop'],
    ['STOP!', 'stop'],
    ['  quit  ', 'stop'],
    ['unsubscribe', 'stop'],
    ['end', 'stop'],
    ['START', 'start'],
    ['Yes!', 'start'],
    ['help', 'help'],
    ['INFO', 'help'],
  ])('%j is %s', (body, keyword) => {
    expect(smsKeywordIn(body)).toBe(keyword)
  })

  it.each([['stop please'], ['they would not stop hitting him'], ['stopp'], ['🛑'], [''], ['arrêt']])('%j is an ordinary message', body => {
    expect(smsKeywordIn(body)).toBeUndefined()
  })
})
