import type { RequestHandler } from 'express'
import { translatorFor } from '../i18n/messages'
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, supportedLanguage } from '../i18n/languages'

/**
 * The public pages' language, from `?lang=` (the language switcher's links): sets `lang` and `dir`, the page
 * wording (`t`, from the `pages` message files) and links that keep the language as people move on.
 */
export default function setUpPageLanguage(): RequestHandler {
  return (req, res, next) => {
    const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined
    const language = supportedLanguage(asked) ?? supportedLanguage(DEFAULT_LANGUAGE)!
    const withLanguage = (href: string) => (language.code === DEFAULT_LANGUAGE ? href : `${href}${href.includes('?') ? '&' : '?'}lang=${language.code}`)
    res.locals.pageLanguage = language
    res.locals.htmlLang = language.code
    res.locals.t = translatorFor(language.code, 'pages')
    res.locals.withLanguage = withLanguage
    res.locals.languageLinks = SUPPORTED_LANGUAGES.map(other => ({
      code: other.code,
      name: other.nativeName,
      current: other.code === language.code,
      href: other.code === DEFAULT_LANGUAGE ? req.path : `${req.path}?lang=${other.code}`,
    }))
    next()
  }
}
