/**
 * Which language a piece of text is written in, from Google's Compact Language Detector 3 (cld3-asm, a
 * WebAssembly build that runs offline). It knows far more languages than we offer, so callers learn the
 * language even when we cannot speak it, and can still say so to an inspector.
 */
import { loadModule, type LanguageIdentifier as Cld3Identifier } from 'cld3-asm'

export interface IdentifiedLanguage {
  /** ISO 639-1 code where one exists (cld3's codes), e.g. `pl`, `cy`, `ur`. */
  code: string
  probability: number
  /** cld3's own judgement; short or mixed text is rarely reliable. */
  reliable: boolean
}

/** Fewer letters than this say too little: "hi" reads as Catalan. */
const MIN_LETTERS = 12

export class LanguageIdentifier {
  constructor(private readonly cld3: Cld3Identifier) {}

  identify(text: string): IdentifiedLanguage | undefined {
    const letters = text.replace(/[^\p{L}]/gu, '').length
    if (letters < MIN_LETTERS) return undefined
    const found = this.cld3.findLanguage(text)
    if (found.language === 'und') return undefined
    return { code: found.language, probability: found.probability, reliable: found.is_reliable }
  }
}

let loading: Promise<LanguageIdentifier> | undefined
let loaded: LanguageIdentifier | undefined

/**
 * Compiling the WebAssembly module takes a moment, and far longer on a busy machine: the loader's own 3 s limit
 * failed conversations under load, so it gets a minute.
 */
const loadTimeoutMs = 60_000

/** One identifier per process. A load that failed is tried again by the next caller, not remembered as failed. */
export function languageIdentifier(): Promise<LanguageIdentifier> {
  loading ??= loadModule({ timeout: loadTimeoutMs }).then(
    factory => (loaded = new LanguageIdentifier(factory.create(0, 2000))),
    error => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The identifier if something has loaded it already, for callers that must never wait for it (signposting). */
export function loadedLanguageIdentifier(): LanguageIdentifier | undefined {
  return loaded
}
