import type { BotChoice } from '../../src/conversation/botMessage'
import { normaliseForMatching, recogniseChoice } from '../../src/conversation/choiceRecognition'
import type { DirectoryMatch } from '../../src/directory/directory'
import type { JourneyDependencies } from '../journeyDependencies'
import type { ChosenService, JourneyState, StepOutcome } from '../../src/conversation/journeyState'
import { servicePhrasesIn } from '../listening'
import { type AnswerTurn, keepUnansweredWords, looksLikeStory, type Question } from '../question'
import { QuestionGroupDialog } from '../questionGroupDialog'
import { say } from '../sendBotMessage'
import type { Wording } from '../wording'

const longestSearch = 200

function chosenFrom(match: DirectoryMatch, typed: string): ChosenService {
  return { ...match, typed, matchedFromDirectory: true }
}

function candidateChoices(words: Wording, journey: JourneyState): BotChoice[] {
  const candidates = journey.answers.serviceCandidates ?? []
  return [
    ...candidates.map(candidate => ({
      value: candidate.locationId ?? candidate.name,
      label: [candidate.name, candidate.postcode].filter(Boolean).join(', '),
      synonyms: [candidate.name, ...(candidates.length === 1 ? ['yes', 'yes it is', 'thats it', 'that one', 'correct', 'right'] : [])],
    })),
    { value: 'none', label: words.serviceNoneOfThese, synonyms: ['none', 'no', 'neither', 'not listed', 'not there', 'not these', 'none of them', 'its not there', 'something else'] },
  ]
}

/**
 * Searches the directory; a service that is not found is kept as typed, never a dead end. A sentence is read
 * for the names in it, and kept as part of the story when it names no service.
 */
async function searchFor(turn: AnswerTurn): Promise<StepOutcome> {
  let typed = turn.text.trim()
  const { answers } = turn.journey
  let matches = typed.split(/\s+/).length <= 6 ? await turn.deps.directory.search(typed.slice(0, longestSearch)) : []
  if (!matches.length && looksLikeStory(typed)) {
    for (const phrase of servicePhrasesIn(typed)) {
      matches = await turn.deps.directory.search(phrase)
      if (matches.length) {
        turn.journey.answers.storyParts.push(typed)
        typed = phrase
        break
      }
    }
    if (!matches.length && typed.split(/\s+/).length > 6) return keepUnansweredWords(turn)
  }
  answers.serviceTyped = typed
  if (matches.length) {
    answers.serviceCandidates = matches.map(match => chosenFrom(match, typed))
    answers.service = undefined
    return { kind: 'next' }
  }
  answers.serviceCandidates = undefined
  answers.service = { name: typed, typed, matchedFromDirectory: false }
  return { kind: 'next', say: say(turn.words.serviceNotFound(typed.length > 80 ? `${typed.slice(0, 80)}...` : typed)) }
}

const serviceQuestion: Question = {
  id: 'service',
  known: journey => !!journey.answers.service || !!journey.answers.serviceCandidates?.length,
  ask: (_journey, words) => say(words.askService),
  answer: searchFor,
  followUps: ['serviceConfirm'],
}

const serviceConfirmQuestion: Question = {
  id: 'serviceConfirm',
  applies: journey => !!journey.answers.serviceCandidates?.length,
  known: journey => !!journey.answers.service,
  ask: (journey, words) => [{ text: words.serviceDidYouMean, choices: candidateChoices(words, journey) }],
  choices: candidateChoices,
  answer: async turn => {
    const { answers } = turn.journey
    const choice = recogniseChoice(turn.text, candidateChoices(turn.words, turn.journey))
    if (!choice) {
      // They typed another name instead: search again rather than saying "not understood".
      if (normaliseForMatching(turn.text).length >= 3) {
        const outcome = await searchFor(turn)
        if (answers.serviceCandidates?.length) return { kind: 'retry', say: [] }
        return outcome
      }
      return { kind: 'retry', say: say(turn.words.notUnderstoodChoice) }
    }
    const typed = answers.serviceTyped ?? ''
    if (choice.value === 'none') {
      answers.service = { name: typed, typed, matchedFromDirectory: false }
      return { kind: 'next', say: say(turn.words.serviceNotFound(typed)) }
    }
    const picked = answers.serviceCandidates?.find(candidate => (candidate.locationId ?? candidate.name) === choice.value)
    if (picked) answers.service = picked
    return { kind: 'next', say: say(turn.words.serviceFound(picked?.name ?? typed)) }
  },
}

export class ServiceDialog extends QuestionGroupDialog {
  static readonly id = 'service'

  constructor(deps: JourneyDependencies) {
    super(ServiceDialog.id, [serviceQuestion, serviceConfirmQuestion], deps)
  }
}
