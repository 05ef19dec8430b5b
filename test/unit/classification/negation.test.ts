import { createEmbeddedClassifier } from '../../../src/classification'
import { assessSafety, signpostingByRules } from '../../../src/classification/safetyRules'

/**
 * A negation just before a phrase of harm cancels it ("no one hit her"); one that does not cancel what follows
 * ("never stops hitting her", "don't know if she was hit") leaves it, and a phrase that already carries its
 * negation ("I don't want to live") is never cancelled. Erring towards safety: a missed concern is the worst failure.
 */
describe('negation in the safety rules', () => {
  it.each([
    ['A carer hit my mum'],
    ['He never stops hitting her'],
    ["Staff don't know if she was hit"],
    ['Nobody hit her but she was left in wet sheets all day'],
    // A negation in another sentence does not reach across.
    ['He hit her. No one helped.'],
    ['No one hit her. She was kicked.'],
    // Never cancelled: the words already carry the negation.
    ["I don't want to kill myself"],
  ])('%j is still a concern', text => {
    expect(assessSafety(text).level).not.toBe('none')
  })

  it.each([['No one hit my mum'], ['A carer never hit my mum'], ['The carer did not hit her'], ['She was not abused'], ['Not a single carer hit anyone, they were lovely']])(
    '%j is not',
    text => {
      expect(assessSafety(text).level).toBe('none')
    },
  )

  it('keeps the same finding when the message is shouted, emphasised or marked up', () => {
    const plain = assessSafety('A carer hit my mum').level
    for (const variant of ['A CARER HIT MY MUM', 'A carer hit my mum!!! 😡', '<p>A carer <b>hit</b> my mum</p>']) expect(assessSafety(variant).level).toBe(plain)
  })

  it('signposts a crisis even when a negation comes first, and does not for a plain denial of danger', () => {
    expect(signpostingByRules("I don't want to kill myself")).toContain('mental-health-crisis')
    expect(signpostingByRules('I want to kill myself')).toContain('mental-health-crisis')
    expect(signpostingByRules('The food was cold and nobody came')).toEqual([])
  })
})

describe('denied reasons and jokes', () => {
  const level = async (text: string): Promise<string> => (await createEmbeddedClassifier().classifyFeedback(text)).risk.level
  it('reads "not because anyone is in danger" as denying the danger', () => {
    expect(assessSafety('I am writing because the ward is shabby, not because anyone is in danger.').signals.map(signal => signal.ruleId)).not.toContain('immediate-danger.threat-of-violence')
  })

  it('does not page for a joke that a pet is trying to kill the carers', async () => {
    expect(await level('The home care team joke that my nan\'s old ginger cat is trying to kill them when it weaves round their feet. Lovely carers.')).not.toBe('urgent')
  })
})
