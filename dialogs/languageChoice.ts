import type { BotMessage } from '../src/conversation/botMessage'
import { normaliseForMatching, recogniseChoice } from '../src/conversation/choiceRecognition'
import { type LanguageIdentifier, languageIdentifier } from '../src/i18n/languageIdentifier'
import { DEFAULT_LANGUAGE, isSupportedLanguage, type LanguageCode, SUPPORTED_LANGUAGES } from '../src/i18n/languages'
import type { JourneyState } from '../src/conversation/journeyState'
import { looksLikeStory } from './question'
import { wordingFor } from './wording'

/**
 * The conversation's language: offered when someone writes in a language we speak that is not the one we are
 * using (cld3 must be sure), asked for by name at any point, and kept on the journey and the feedback record.
 */

export function languageOf(journey: JourneyState): LanguageCode {
  return isSupportedLanguage(journey.language) ? journey.language : DEFAULT_LANGUAGE
}

/**
 * The language to offer for these words, if any: only once per conversation, and only when cld3 is sure. An offer
 * is a kindness, never a step: if the identifier cannot be loaded, the conversation goes on without one.
 */
export async function languageToOffer(
  text: string,
  journey: JourneyState,
  identifier: () => Promise<LanguageIdentifier> = languageIdentifier,
): Promise<LanguageCode | undefined> {
  // A sentence, not a name: cld3 reads "Sunny Days Home Care" as Portuguese, and is sure of it.
  if (journey.languageSettled || journey.submitted || !looksLikeStory(text)) return undefined
  const identified = await identifier().then(
    loaded => loaded.identify(text),
    () => undefined,
  )
  if (!identified?.reliable || !isSupportedLanguage(identified.code)) return undefined
  return identified.code === languageOf(journey) ? undefined : identified.code
}

/** The offer, asked in the language offered, with a yes/no typeable in that language, in English, or as a number. */
export function offerLanguage(journey: JourneyState, code: LanguageCode, text: string): BotMessage[] {
  journey.pending = 'languageOffer'
  journey.languageOffer = { code, texts: text.trim() ? [text.trim()] : [] }
  return askOffer(journey)
}

export function askOffer(journey: JourneyState): BotMessage[] {
  const offered = wordingFor(journey.easyRead, journey.languageOffer?.code)
  return [{ text: offered.languageOffer, choices: offered.yesNoChoices }]
}

export type OfferAnswer = { accepted: boolean; say: BotMessage[]; heldText?: string }

/**
 * Reads the answer to the offer. Undefined when it is neither yes nor no: the words are kept (they are
 * answered once the language is settled) and the offer is asked again.
 */
export function answerOffer(journey: JourneyState, text: string): OfferAnswer | undefined {
  const offer = journey.languageOffer
  if (!offer) return { accepted: false, say: [] }
  const offered = wordingFor(journey.easyRead, offer.code)
  const answer = recogniseChoice(text, offered.yesNoChoices)?.value
  if (answer !== 'yes' && answer !== 'no') {
    if (text.trim()) offer.texts.push(text.trim())
    return undefined
  }
  journey.pending = undefined
  journey.languageOffer = undefined
  journey.languageSettled = true
  if (answer === 'yes') journey.language = offer.code
  const words = wordingFor(journey.easyRead, journey.language)
  return { accepted: answer === 'yes', say: [{ text: answer === 'yes' ? words.languageChanged : words.languageKept }], heldText: offer.texts.join('\n') || undefined }
}

/** A language asked for by name: switched to at once, and not offered again. */
export function switchLanguage(journey: JourneyState, code: LanguageCode): BotMessage[] {
  journey.language = code
  journey.languageSettled = true
  if (journey.pending === 'languageOffer') {
    // What they wrote while the offer was open is kept as part of their account.
    for (const held of journey.languageOffer?.texts ?? []) (looksLikeStory(held) ? journey.answers.storyParts : journey.answers.otherMessages).push(held)
    journey.pending = undefined
    journey.languageOffer = undefined
  }
  return [{ text: wordingFor(journey.easyRead, code).languageChanged }]
}

const languageRequestFrame = /^(?:(?:in|use|speak|switch to|change to|language)\s+)?(.+?)(?:\s+(?:please|language))?$/

/**
 * A language asked for by name, at any point: "Polski", "Cymraeg", "اردو", "Welsh", "in Polish", or a name
 * its own message file lists ("po polsku"). Only a message that is just the name counts.
 */
export function recogniseLanguageRequest(typed: string): LanguageCode | undefined {
  const text = normaliseForMatching(typed)
  if (!text || text.split(' ').length > 4) return undefined
  const name = languageRequestFrame.exec(text)?.[1] ?? text
  const names = languageNames()
  const [byText, byName] = [names.get(text), names.get(name)]
  // As the languages are listed: the first one known by either.
  return byText && byName ? SUPPORTED_LANGUAGES.find(language => language.code === byText || language.code === byName)?.code : (byText ?? byName)
}

let namedLanguages: Map<string, LanguageCode> | undefined

/** Every supported language's names, as typed for matching, worked out once: the first language to claim a name keeps it. */
function languageNames(): Map<string, LanguageCode> {
  if (!namedLanguages) {
    namedLanguages = new Map()
    for (const language of SUPPORTED_LANGUAGES) {
      for (const candidate of [language.nativeName, language.englishName, ...wordingFor(false, language.code).languageNames]) {
        const normalised = normaliseForMatching(candidate)
        if (normalised && !namedLanguages.has(normalised)) namedLanguages.set(normalised, language.code)
      }
    }
  }
  return namedLanguages
}
