import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import { HttpContext, RequestValidator } from '@adonisjs/core/http'

export const LOCALES = ['id', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** The panel's language choice for a visitor who has not signed in (the sign-in page). */
export const LOCALE_COOKIE = 'panel_locale'

export function supportedLocale(value: unknown): Locale | null {
  return LOCALES.includes(value as Locale) ? (value as Locale) : null
}

const isApiRequest = (ctx: HttpContext) => ctx.request.url().startsWith('/api/')

/** The best supported match of the Accept-Language header, or null when it names none. */
function headerLocale(ctx: HttpContext): Locale | null {
  if (!ctx.request.header('accept-language')) return null
  return supportedLocale(i18nManager.getSupportedLocaleFor(ctx.request.languages()))
}

/** The language the visitor picked on the panel's language switch (panel pages only). */
export function cookieLocale(ctx: HttpContext): Locale | null {
  if (isApiRequest(ctx)) return null
  return supportedLocale(ctx.request.plainCookie(LOCALE_COOKIE, { encoded: false }))
}

interface SignedIn {
  preferred: Locale | null
  viaSession: boolean
  tenantLocale?: string | null
}

/** Who is asking, once authentication knows; the language is worked out only when needed. */
const signedIn = new WeakMap<HttpContext, SignedIn>()
const made = new WeakMap<HttpContext, I18n>()

/**
 * The request's language. A panel user's own preference, stored on the server
 * so it follows them across devices, wins; then the language picked in this
 * browser; then the account's language; then Accept-Language. An API client's
 * Accept-Language wins over the stored preference: the client decides what it
 * shows. A visitor who has not signed in: the cookie, then Accept-Language.
 * English when nothing says otherwise.
 */
function localeOf(ctx: HttpContext): string {
  const user = signedIn.get(ctx)
  if (!user) return cookieLocale(ctx) ?? headerLocale(ctx) ?? i18nManager.defaultLocale
  if (!user.viaSession) return headerLocale(ctx) ?? user.preferred ?? i18nManager.defaultLocale
  return (
    user.preferred ??
    cookieLocale(ctx) ??
    supportedLocale(user.tenantLocale) ??
    headerLocale(ctx) ??
    i18nManager.defaultLocale
  )
}

/**
 * Called by authentication: records who is asking. Nothing is parsed or built
 * here, so a request that never needs a sentence (most API calls) pays nothing.
 */
export function adoptUserLocale(
  ctx: HttpContext,
  user: { locale?: string | null },
  options: { viaSession: boolean; tenantLocale?: string | null }
) {
  signedIn.set(ctx, { preferred: supportedLocale(user.locale), ...options })
  const existing = made.get(ctx)
  if (existing) {
    const locale = localeOf(ctx)
    if (locale !== existing.locale) existing.switchLocale(locale)
  }
}

/**
 * `ctx.i18n`: the request's messages in its language, made on first use (an
 * error to translate, a page to render), not on every request.
 */
HttpContext.getter('i18n', function (this: HttpContext) {
  let i18n = made.get(this)
  if (!i18n) {
    i18n = i18nManager.locale(localeOf(this))
    made.set(this, i18n)
  }
  return i18n
})

/**
 * `request.validateUsing` reports field messages in the request's language
 * (`resources/lang/<locale>/validator.json`). Validators called another way
 * are translated by the exception handler, from the rule that failed.
 */
RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
