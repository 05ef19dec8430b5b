import type { BotChoice } from '../../../src/conversation/botMessage'
import { editDistance, isNearMatch, normaliseForMatching, recogniseChoice } from '../../../src/conversation/choiceRecognition'
import { wordingFor } from '../../../dialogs/wording'

const words = wordingFor(false)
const lists: Record<string, BotChoice[]> = {
  role: words.roleChoices,
  overall: words.overallChoices,
  yesNo: words.yesNoChoices,
  contact: words.contactMethodChoices,
  age: words.ageChoices,
  check: words.checkChoices,
  sex: words.sexChoices,
}

/** [question, what the person typed, the stored value we should read, or undefined to ask again]. */
const answers: [string, string, string | undefined][] = [
  // By number, in the ways people write one.
  ['role', '2', 'family_friend_carer'],
  ['role', '2.', 'family_friend_carer'],
  ['role', 'number 2', 'family_friend_carer'],
  ['role', 'two', 'family_friend_carer'],
  ['role', 'the second one', 'family_friend_carer'],
  ['age', '8', 'prefer_not_to_say'],
  ['age', '1', 'under_18'],
  // A number beyond the list is never a different answer.
  ['role', '6', undefined],
  ['role', '0', undefined],
  ['role', '99', undefined],
  ['age', '30', undefined],
  // "80+" is the words of a choice, not the 80th choice.
  ['age', '80+', '80_plus'],
  ['age', 'over 80', '80_plus'],
  ['age', '25 to 34', '25_34'],
  // Labels, synonyms and sentences that plainly answer.
  ['role', 'STAFF', 'staff'],
  ['role', 'Staff!!!', 'staff'],
  ['role', "I'm a member of staff", 'staff'],
  ['role', 'nurse', 'staff'],
  ['role', "I'm her son", 'family_friend_carer'],
  ['role', 'my son', 'family_friend_carer'],
  ['overall', 'it was mostly bad to be honest', 'bad'],
  ['overall', 'very good', 'good'],
  ['overall', 'good and bad', 'mixed'],
  ['overall', 'bad 👎', 'bad'],
  ['yesNo', 'Yes please', 'yes'],
  ['yesNo', 'Yes.', 'yes'],
  ['yesNo', 'y', 'yes'],
  ['yesNo', 'nope', 'no'],
  ['contact', 'text me please', 'sms'],
  ['contact', 'e-mail', 'email'],
  ['contact', 'ring me', 'phone'],
  ['contact', 'no', 'anonymous'],
  ['check', 'send', 'submit'],
  ['check', 'no', 'change'],
  ['sex', 'F', 'female'],
  // Near misses.
  ['role', 'famly', 'family_friend_carer'],
  ['contact', 'emial', 'email'],
  ['overall', 'goood', 'good'],
  // Negations say the opposite of the words they contain.
  ['overall', 'not good', 'bad'],
  ['overall', 'no good', 'bad'],
  ['overall', 'not bad', undefined],
  ['role', 'not staff', undefined],
  // Two different answers at once are asked again, not guessed.
  ['yesNo', 'yes no', undefined],
  ['role', 'family and staff', undefined],
  // A story is not an answer, even when it contains a choice's words.
  ['role', 'My mum was hit by a carer last night', undefined],
  // Too short to tell apart.
  ['overall', 'gd', undefined],
  ['yesNo', 'yse', undefined],
  // Empty, symbols, markup and other languages are asked again.
  ['role', '', undefined],
  ['role', '   ', undefined],
  ['role', '👍', undefined],
  ['overall', '😊', undefined],
  ['role', 'Je suis infirmière', undefined],
  ['yesNo', 'oui', undefined],
]

describe('recogniseChoice', () => {
  it.each(answers)('%s: %j reads as %s', (list, typed, expected) => {
    expect(recogniseChoice(typed, lists[list])?.value).toBe(expected)
  })

  it('never reads markup as a different answer', () => {
    expect(recogniseChoice('<b>staff</b>', lists.role)?.value ?? 'staff').toBe('staff')
    expect(recogniseChoice('<script>alert(1)</script>', lists.yesNo)).toBeUndefined()
  })

  it('reads nothing into an empty list of choices', () => {
    expect(recogniseChoice('1', [])).toBeUndefined()
    expect(recogniseChoice('yes', [])).toBeUndefined()
  })

  it('asks again after a very long message instead of guessing', () => {
    expect(recogniseChoice('staff '.repeat(20_000), lists.role)).toBeUndefined()
    expect(recogniseChoice('x'.repeat(100_000), lists.role)).toBeUndefined()
  })

  it('leaves a tie between two choices unclear', () => {
    const tie: BotChoice[] = [
      { value: 'left', label: 'Left', synonyms: ['door'] },
      { value: 'right', label: 'Right', synonyms: ['door'] },
    ]
    expect(recogniseChoice('door', tie)).toBeUndefined()
    expect(recogniseChoice('left', tie)?.value).toBe('left')
  })
})

describe('the choices we offer', () => {
  it.each([false, true])('never share a word between two answers to one question (easy read: %s)', easyRead => {
    const wording = wordingFor(easyRead) as unknown as Record<string, unknown>
    const shared: string[] = []
    for (const [name, value] of Object.entries(wording)) {
      if (!name.endsWith('Choices') || !Array.isArray(value)) continue
      const owner = new Map<string, string>()
      for (const choice of value as BotChoice[]) {
        for (const phrase of [choice.label, choice.value.replace(/_/g, ' '), ...(choice.synonyms ?? [])].map(normaliseForMatching)) {
          const previous = owner.get(phrase)
          if (previous !== undefined && previous !== choice.value) shared.push(`${name}: "${phrase}" is both ${previous} and ${choice.value}`)
          owner.set(phrase, choice.value)
        }
      }
    }
    expect(shared).toEqual([])
  })
})

describe('normaliseForMatching', () => {
  it.each([
    ['  Café — “Naïve” it’s ok!  ', 'cafe naive its ok'],
    ['STAFF!!!', 'staff'],
    ['e-mail', 'e mail'],
    ['', ''],
    ['😀', ''],
    ['<b>Hi</b>', 'b hi b'],
  ])('%j becomes %j', (typed, expected) => {
    expect(normaliseForMatching(typed)).toBe(expected)
  })
})

describe('editDistance and isNearMatch', () => {
  it.each([
    ['', '', 0],
    ['a', '', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['abc', 'acb', 1],
    ['family', 'famliy', 1],
  ])('%j to %j is %i edits', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected)
    expect(editDistance(b, a)).toBe(expected)
  })

  it.each([
    ['famly', 'family', true],
    ['emial', 'email', true],
    ['yse', 'yes', false],
    ['fam', 'family', false],
    ['whistleblowr', 'whistleblower', true],
  ])('%j near %j: %s', (typed, expected, near) => {
    expect(isNearMatch(typed, expected)).toBe(near)
  })
})
