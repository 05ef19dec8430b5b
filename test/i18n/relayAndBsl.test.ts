import { DirectLineTestClient, textOf } from '../directline/directLineClient'
import { testServiceForThisFile } from '../helpers/service'

/** Deaf and hard of hearing people are told how to reach the contact centre: Relay UK (18001) and BSL video relay. */
const bslUrl = 'https://www.regulator.example.gov.uk/contact-us/bsl'
const service = testServiceForThisFile({ CONTACT_CENTRE_PHONE: '03000 616161', CONTACT_CENTRE_BSL_URL: bslUrl })

describe('Relay UK and BSL', () => {
  test.each([
    ['/', 'the start page'],
    ['/give-feedback-by-form', 'the form'],
    ['/?lang=cy', 'the start page in Welsh'],
  ])('%s (%s) gives 18001 before the number and links to the BSL video relay service', async path => {
    const html = await (await fetch(`${service.url}${path}`)).text()
    expect(html).toContain('18001')
    expect(html).toContain('03000 616161')
    expect(html).toContain(`href="${bslUrl}"`)
  })

  test('"speak to a person" in the chat gives Relay UK and the BSL link, in the conversation language too', async () => {
    const chat = new DirectLineTestClient(service.url)
    await chat.start()
    const english = textOf(await chat.say('speak to a person'))
    expect(english).toContain('dial 18001 then 03000 616161')
    expect(english).toContain(bslUrl)

    const polish = new DirectLineTestClient(service.url)
    await polish.start('pl')
    const reply = textOf(await polish.say('rozmowa z człowiekiem'))
    expect(reply).toContain('wybierz 18001, a potem 03000 616161')
    expect(reply).toContain(bslUrl)
  })
})
