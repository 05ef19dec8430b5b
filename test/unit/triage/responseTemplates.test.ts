import { fillTemplate, responseTemplates, unfilledPlaceholders } from '../../../src/triage/responseTemplates'

describe('fillTemplate', () => {
  it.each([
    ['Willow Lodge', 'Thank you for telling us about Willow Lodge.'],
    [undefined, 'Thank you for telling us about the service.'],
    ['', 'Thank you for telling us about the service.'],
    // Names are written exactly as they are, whatever characters they hold.
    ["Smith & Sons $& Co $' Ltd", "Thank you for telling us about Smith & Sons $& Co $' Ltd."],
    ['<b>Care</b> 🏥', 'Thank you for telling us about <b>Care</b> 🏥.'],
  ])('with %j', (serviceName, expected) => {
    expect(fillTemplate('Thank you for telling us about SERVICE.', serviceName)).toBe(expected)
  })

  it('leaves no placeholder for the service in any template', () => {
    for (const template of responseTemplates) {
      for (const text of [template.text, template.easyReadText]) expect(fillTemplate(text, 'Willow Lodge')).not.toMatch(/SERVICE/)
    }
  })
})

describe('unfilledPlaceholders: instructions to the inspector that must never reach the person', () => {
  it.each([
    ['We have [Say what we did.] and will visit.', ['[Say what we did.]']],
    ['[a] and [a] and [b]', ['[a]', '[b]']],
    ['Nothing to fill here.', []],
    ['', []],
    ['A bracket [that never closes', []],
    ['[]', []],
  ])('%j holds %j', (text, expected) => {
    expect(unfilledPlaceholders(text)).toEqual(expected)
  })
})
