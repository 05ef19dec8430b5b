import { languageToOffer } from '../../../dialogs/languageChoice'
import { newJourney } from '../../../src/conversation/journeyState'

const polishStory = 'Moja mama ma siniaki na rękach i boję się, że ktoś ją bije w domu opieki.'

describe('the offer of another language', () => {
  it('offers Polish to someone writing their story in Polish', async () => {
    expect(await languageToOffer(polishStory, newJourney('FB-LANG1'))).toBe('pl')
  })

  it('goes on without an offer when the language identifier cannot be loaded (a busy machine), rather than failing the turn', async () => {
    const failing = () => Promise.reject(new Error('Timeout to initialize runtime'))
    await expect(languageToOffer(polishStory, newJourney('FB-LANG2'), failing)).resolves.toBeUndefined()
  })
})
