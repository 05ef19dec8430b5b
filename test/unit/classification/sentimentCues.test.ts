import { createEmbeddedClassifier } from '../../../src/classification'
import { lexiconFeatures } from '../../../src/classification/sentimentLexicon'

const classifier = createEmbeddedClassifier()
const sentimentOf = async (text: string): Promise<number> => (await classifier.classifyFeedback(text)).sentiment

describe('sentiment of short replies and sarcasm', () => {
  it.each([
    'Needs improvement',
    'Needs to improve.',
    'Very unhappy',
    'Disappointing',
    'Mediocre',
    'Average at best',
    'Nothing special',
    "I've had better",
    'Must do better',
    'Not the service I expected',
    "Didn't help",
    'So-so',
  ])('reads the short complaint %j as negative', async text => {
    expect(await sentimentOf(text)).toBeGreaterThanOrEqual(4)
  })

  it.each([
    'Great service, if you like waiting all day',
    'Best service ever... not',
    'Amazing how nobody ever answers the phone',
    "Wonderful, the doctor didn't even look at me",
    'Yeah, really helpful, they hung up on me',
    'Top marks for ignoring me',
    'Great job losing my notes again',
    'Really impressed that nobody turned up',
    'Cheers for cancelling my operation the day before',
  ])('reads the sarcastic %j as negative', async text => {
    expect(await sentimentOf(text)).toBeGreaterThanOrEqual(4)
  })

  it.each([
    'Not bad',
    'No complaints',
    'Nothing needs improving',
    "I don't think anything needs to improve.",
    'Nothing, excellent service.',
    'Great, no waiting at all',
    'Lovely, seen within 10 minutes, nobody rushed me',
    'Brilliant staff. Nobody could have done more.',
    'Lost my appointment letter but they rebooked quickly. Thanks.',
  ])('does not read the praise %j as negative', async text => {
    expect(await sentimentOf(text)).toBeLessThanOrEqual(3)
  })

  it('ends a negation at the end of its clause: "Nothing, excellent service" is praise, "nothing was good" is not', () => {
    const [praise] = lexiconFeatures('Nothing, excellent service.') as [number]
    const [complaint] = lexiconFeatures('Nothing was good about it') as [number]
    expect(praise).toBeGreaterThan(0)
    expect(complaint).toBeLessThan(0)
  })
})
