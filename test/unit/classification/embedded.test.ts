import { createEmbeddedClassifier, detectSignposting, reasonWithoutQuotations, riskLevelOrder, themeNames } from '../../../src/classification'
import { poolSentenceScores } from '../../../src/classification/model'
import { speaksOfDangerNow } from '../../../src/classification/signposting'
import { themes } from '../../../src/classification/taxonomy'

const classifier = createEmbeddedClassifier()
const level = async (text: string): Promise<string> => (await classifier.classifyFeedback(text)).risk.level

describe('embedded classifier', () => {
  it('marks a resident being hit as urgent physical abuse, with a reason that quotes the text', async () => {
    const result = await classifier.classifyFeedback('my nan told me one of the carers hit her across the face last night')
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.categories).toContain('physical')
    expect(result.risk.reason).toMatch(/hit/)
  })

  it('does not treat a denial as an allegation ("no one hit him")', async () => {
    const result = await classifier.classifyFeedback('no one hit him, he fell because his slippers were loose and staff rang us straight away')
    expect(result.risk.level).not.toBe('urgent')
    // No rule reads a hit. (Since session 33 the concern model alone reads this one at high, as possible physical abuse.)
    expect(result.risk.reason).not.toMatch(/^Rule physical/)
  })

  it('understands text-speak and misspellings of suicide', async () => {
    for (const text of ['wanna die tbh nobody calls me back', 'been sucidal for weeks and the crisis team wont answer', 'kms, discharged with nowhere to go', 'gna end it tn, nobody picks up', 'honestly i wanna kil meself', 'gunna end it all tonite']) {
      const result = await classifier.classifyFeedback(text)
      expect(result.risk.level).toBe('urgent')
      expect(result.risk.categories).toContain('risk-to-life')
    }
  })

  it('marks short messages about someone not being fed as urgent neglect, but not ordinary talk of feeding', async () => {
    for (const text of ['help they wont feed my dad', 'no food 3 days mum bedbound', 'mum hasnt been fed since yesterday morning']) {
      const result = await classifier.classifyFeedback(text)
      expect(result.risk.level).toBe('urgent')
      expect(result.risk.categories).toContain('neglect')
    }
    for (const text of ['I dont feed him sugar at home', 'we feed the birds in the garden with the residents']) {
      const result = await classifier.classifyFeedback(text)
      expect(result.risk.level).not.toBe('urgent')
    }
  })

  it('treats reported speech about money being taken as urgent financial abuse', async () => {
    const result = await classifier.classifyFeedback('mum says a carer has been using her bank card, money keeps going missing')
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.categories).toContain('financial')
  })

  it('keeps ordinary complaints out of the urgent queue', async () => {
    for (const text of ['The food was cold and staff were rude', 'waited 3 hours in A&E', 'we were kicked out of the relatives room at 8pm', 'the physio pushed me to do more and it helped']) {
      const result = await classifier.classifyFeedback(text)
      expect(riskLevelOrder[result.risk.level]).toBeLessThan(riskLevelOrder.urgent)
    }
  })

  it('rates praise as positive with no risk, and a staff theme', async () => {
    const result = await classifier.classifyFeedback('The nurses were lovely, kind and caring, thank you so much')
    expect(result.sentiment).toBeLessThanOrEqual(2)
    expect(result.risk.level).toBe('none')
    expect(result.themes).toContain('Staff manner & personal attributes')
  })

  it('rates a bitter complaint as negative', async () => {
    const result = await classifier.classifyFeedback('Absolutely disgusting, waited five hours and the receptionist was rude and unhelpful')
    expect(result.sentiment).toBeGreaterThanOrEqual(4)
  })

  it.each([
    'Could be better.',
    'Could do better',
    'Not happy',
    'Not happy with things',
    'not impressed tbh',
    'Oh great, another cancellation.',
    'Thanks for nothing.',
    'Thanks a lot for nothing',
    'Brilliant, waited 6 hours to be seen. Great job.',
    'Well done for losing my prescription twice.',
    'Great, another cancelled appointment. Really impressed.',
    'Lovely, kept waiting for three hours with no explanation',
    'Meh',
    'Meh. The nurse was ok I suppose',
  ])(
    'reads the short complaint %j as negative',
    async text => {
      expect((await classifier.classifyFeedback(text)).sentiment).toBeGreaterThanOrEqual(4)
    },
  )

  it('still reads short praise as positive', async () => {
    for (const text of [
      'Really helpful.',
      'Great service as always',
      'Could not have been better, thank you',
      'Nothing could be better',
      'Nothing the service could have done better.',
      'Not meh at all, the staff were brilliant',
    ]) {
      expect((await classifier.classifyFeedback(text)).sentiment).toBeLessThanOrEqual(2)
    }
  })

  it('does not read praise for putting a mishap right as sarcasm', async () => {
    const text = 'Great! My appointment was cancelled but they rang me straight back and rebooked.'
    expect((await classifier.classifyFeedback(text)).sentiment).toBeLessThanOrEqual(3)
  })

  it('does not read a shrug followed by praise as a complaint', async () => {
    expect((await classifier.classifyFeedback('Meh, but the nurse was lovely')).sentiment).toBeLessThanOrEqual(3)
  })

  it('only ever returns framework theme names, at least one, and names itself', async () => {
    const result = await classifier.classifyFeedback('Did not answer')
    expect(result.themes.length).toBeGreaterThan(0)
    for (const theme of result.themes) expect(themeNames).toContain(theme)
    expect(result.themes).toContain('Labelling not possible')
    expect(result.classifier.name).toBe('embedded')
    expect(result.classifier.version).toMatch(/fft-v6/)
  })

  it('finds a theme told in one sentence of a longer comment, which the rest of the comment would dilute', async () => {
    const result = await classifier.classifyFeedback('Lovely friendly staff who listened to me. They explained my treatment options clearly. The waiting room toilets were filthy.')
    expect(result.themes).toEqual(expect.arrayContaining(['Staff manner & personal attributes', 'Environment & Facilities']))
  })

  it('pools each theme score with its best sentence by the stored weight, and leaves a one-sentence comment as it is', () => {
    const whole = Float64Array.from([0, 1])
    expect(Array.from(poolSentenceScores(whole, [Float64Array.from([2, 0]), Float64Array.from([-1, 0.5])], 0.25))).toEqual([0.5, 0.875])
    expect(poolSentenceScores(whole, [Float64Array.from([2, 0])], 0.25)).toBe(whole)
  })

  it('maps every theme to a major category and a key question', () => {
    expect(themes).toHaveLength(50)
    for (const theme of themes) expect(['safe', 'effective', 'caring', 'responsive', 'well-led']).toContain(theme.keyQuestion)
  })
})

describe('signposting', () => {
  it.each([
    ["he's going to hurt me", 'immediate-danger'],
    ['she has collapsed and is not breathing', 'immediate-danger'],
    ['there is a fire in the lounge', 'immediate-danger'],
    ['I want to end it all', 'mental-health-crisis'],
    ['wanna die', 'mental-health-crisis'],
    ['kms', 'mental-health-crisis'],
    ['i cant go on', 'mental-health-crisis'],
    ['the carer slapped my dad', 'abuse'],
    ['they are taking her pension', 'abuse'],
    ['they lock him in his room at night', 'abuse'],
  ])('signposts "%s" to %s', (text, kind) => {
    expect(detectSignposting(text)).toContain(kind)
  })

  it('gives crisis help when the concern model reads a risk to life that no rule names', () => {
    expect(detectSignposting('ive written letters for my kids and im sat on the bridge')).toContain('mental-health-crisis')
  })

  it('gives crisis help when the risk-to-life model reads hints of a crisis with no word of one, and not for a goodbye with an ordinary reason', () => {
    expect(detectSignposting('my flatmate gave away his guitar and his xbox this week and keeps saying he\'s "sorted now". he stopped his meds on monday')).toContain('mental-health-crisis')
    expect(detectSignposting('Please cancel my hearing aid appointment, I\'m moving into my son\'s house in Leeds next month. Thanks for all your help over the years.')).toEqual([])
    expect(detectSignposting('We had to rehome our dog because the new flat doesn\'t allow pets. Can the surgery update our address?')).toEqual([])
  })

  it('gives 999 when the concern model reads danger shown happening now that no rule names', () => {
    expect(detectSignposting("Dad has been on the bathroom floor since 6 this morning, the carers can't lift him and he's freezing")).toContain('immediate-danger')
    expect(detectSignposting('Mum was on the floor last year but the GP checked her and she is fine')).not.toContain('immediate-danger')
  })

  it('gives 999 at once when the rules read a message as urgent, though it names no emergency', () => {
    expect(detectSignposting('The night carer turned up drunk and is alone with my dad now.')).toContain('immediate-danger')
  })

  it('keeps danger now narrower than help lines: an LLM may lower what the rules alone read as urgent', () => {
    expect(speaksOfDangerNow('The night carer turned up drunk and is alone with my dad now.')).toBe(false)
    expect(speaksOfDangerNow('she has collapsed and is not breathing')).toBe(true)
  })

  it('does not signpost ordinary feedback or a denial', () => {
    expect(detectSignposting('no one hit him')).toEqual([])
    expect(detectSignposting('The staff were lovely and the food was good')).toEqual([])
    expect(detectSignposting('the fire alarm test was very loud')).toEqual([])
    expect(detectSignposting('the wait was killing me but the nurse was lovely')).toEqual([])
  })
})

describe('the concern model beside the safety rules', () => {
  it('marks a concern urgent when no safety phrase is used, and quotes the sentence that made it so', async () => {
    const text = 'Visited dad on Sunday. the night staff take away his walking frame and call button so he stays in bed, he has been sitting in the same pad since teatime and his lips are cracked'
    const result = await classifier.classifyFeedback(text)
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.reason).toMatch(/^The concern model \(.+\) reads this as urgent, most of all "the night staff take away his walking frame/)
    // Whole sentences from the person's words, never stray words.
    for (const [, quoted] of result.risk.reason.matchAll(/"([^"]+)"/g)) expect(text).toContain(quoted as string)
  })

  it('names the rule, its category and every other rule counted, each with the sentence it came from', async () => {
    const text = 'I work nights at the home. I saw a carer slap a resident across the face. The manager told us to keep quiet.'
    const result = await classifier.classifyFeedback(text)
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.reason).toMatch(/^Rule physical\.hit-or-hurt \(physical abuse\) found someone being hit or hurt in "I saw a carer slap a resident across the face\."/)
    expect(result.risk.reason).toMatch(/Also counted: rule whistleblowing\.cover-up-or-falsified-records \(whistleblowing and organisational abuse\) in "The manager told us to keep quiet\."/)
    expect(result.risk.reason).not.toMatch(/other safety signal/)
  })

  it('quotes a sentence from the text in every reason below high, too', async () => {
    const text = 'The nurse was nice. Waited 2 hours past my appointment time with no explanation. Not good enough.'
    const result = await classifier.classifyFeedback(text)
    expect(['low', 'medium']).toContain(result.risk.level)
    const quoted = [...result.risk.reason.matchAll(/"([^"]+)"/g)].map(match => match[1] as string)
    expect(quoted.length).toBeGreaterThan(0)
    for (const sentence of quoted) expect(text).toContain(sentence)
  })

  it('gives alerts a reason without the person\'s words, and quotes the person\'s own quotation marks safely', async () => {
    const text = 'A carer hit my mum and she has bruises. She said "dont tell anyone" and cried.'
    const { reason } = (await classifier.classifyFeedback(text)).risk
    expect(reason).toContain('"A carer hit my mum and she has bruises."')
    const forAlert = reasonWithoutQuotations(reason)
    expect(forAlert).toMatch(/^Rule physical\.hit-or-hurt \(physical abuse\) found someone being hit or hurt\./)
    expect(forAlert).not.toMatch(/bruises|tell anyone|cried|"/)
  })

  it('says why a serious signal counted as urgent', async () => {
    const result = await classifier.classifyFeedback('Mum has bruises on her arms. The home cannot explain them.')
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.reason).toMatch(/^Rule physical\.injuries \(physical abuse\) found injuries that may come from abuse in "Mum has bruises on her arms\."\. Urgent because it persists or is unexplained\./)
  })

  it('pages for harm going on now even when something was reported', async () => {
    const result = await classifier.classifyFeedback('I reported to the manager that a carer slaps my nan. Nothing has changed and she is on shift again tonight.')
    expect(result.risk.level).toBe('urgent')
  })

  it('makes a one-off error that was put right high, not urgent, and says why', async () => {
    const result = await classifier.classifyFeedback('Dad was given someone else\'s tablets one evening last month. The GP checked him over and he is fine now, and the home apologised.')
    expect(result.risk.level).toBe('high')
    expect(result.risk.reason).toMatch(/High rather than urgent because the message says/)
  })

  it('holds back an old, resolved incident from the urgent queue, but still asks for a review', async () => {
    const result = await classifier.classifyFeedback('Years ago a carer was rough with my gran at another home, it was reported and dealt with at the time. This home has been wonderful, thank you all.')
    expect(result.risk.level).toBe('high')
    expect(result.risk.reason).toMatch(/rough with.*High rather than urgent because the message says it (?:was dealt with|has been reported|happened long ago)/)
  })

  it('pages for hints that someone may end their life, told without a word of it, and names the risk-to-life model', async () => {
    for (const text of [
      'my flatmate gave away his guitar and his xbox this week and keeps saying he\'s "sorted now". he stopped his meds on monday. the uni wellbeing team said they can see him in 3 weeks',
      'Dad asked the hospice nurse how many of his morphine tablets it would take to not wake up, then asked me to look after mum. The nurse wrote it down and left.',
    ]) {
      const { risk } = await classifier.classifyFeedback(text)
      expect(risk.level).toBe('urgent')
      expect(risk.categories).toEqual(['risk-to-life'])
      expect(risk.reason).toMatch(/^The risk-to-life model reads signs that someone's life may be at risk, most of all "/)
    }
  })

  it('does not page for the same signs with an ordinary reason: a move, a will made at peace, a pet rehomed', async () => {
    expect(await level('Please cancel my hearing aid appointment, I\'m moving into my son\'s house in Leeds next month. Thanks for all your help over the years.')).not.toBe('urgent')
    expect(await level('My mum has given her china and jewellery to the grandchildren while she\'s still well enough to enjoy seeing them wear it. The hospice helped her write a will and she is at peace.')).not.toBe('urgent')
    expect(await level('I\'m retiring from the allotment committee and giving my tools away. Thanks to the physio who sorted my knee.')).not.toBe('urgent')
  })

  it('never holds back someone saying they want to die, however calm the rest', async () => {
    const result = await classifier.classifyFeedback('the staff are nice enough and the food is ok but honestly i wanna die, nothing will change')
    expect(result.risk.level).toBe('urgent')
    expect(result.risk.categories).toContain('risk-to-life')
  })

  it('does not read praise that borrows the words of harm as a concern', async () => {
    for (const text of ['got an overdose of praise from the consultant lol, my blood sugars are the best in years', 'the wait was killing me but the nurse was lovely']) {
      const result = await classifier.classifyFeedback(text)
      expect(result.risk.level).not.toBe('urgent')
    }
  })
})
