import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'

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

/**
 * Refines the request's language once we know who is asking (called by
 * authentication). A panel user's own preference, stored on the server so it
 * follows them across devices, wins; then the language picked in this browser;
 * then the account's language; then Accept-Language. An API client's
 * Accept-Language wins over the stored preference: the client decides what it shows.
 */
export function adoptUserLocale(
  ctx: HttpContext,
  user: { locale?: string | null },
  options: { viaSession: boolean; tenantLocale?: string | null }
) {
  if (!ctx.i18n) return
  const preferred = supportedLocale(user.locale)
  const locale = options.viaSession
    ? (preferred ??
      cookieLocale(ctx) ??
      supportedLocale(options.tenantLocale) ??
      headerLocale(ctx) ??
      i18nManager.defaultLocale)
    : (headerLocale(ctx) ?? preferred ?? i18nManager.defaultLocale)
  if (locale !== ctx.i18n.locale) ctx.i18n.switchLocale(locale)
}

/**
 * Gives every request an i18n object in the visitor's language: the panel's
 * language switch (cookie) for panel pages, else Accept-Language, else English.
 * Authentication refines it with the signed-in user's preference.
 */
export default class DetectUserLocaleMiddleware {
  /**
   * `request.validateUsing` reports field messages in the request's language
   * (`resources/lang/<locale>/validator.json`). Validators called another way
   * are translated by the exception handler, from the rule that failed.
   */
  static {
    RequestValidator.messagesProvider = (ctx) => ctx.i18n.createMessagesProvider()
  }

  async handle(ctx: HttpContext, next: NextFn) {
    const language = cookieLocale(ctx) ?? headerLocale(ctx) ?? i18nManager.defaultLocale
    ctx.i18n = i18nManager.locale(language)
    // Lets the container hand this request's i18n to whatever injects I18n.
    ctx.containerResolver.bindValue(I18n, ctx.i18n)
    if ('view' in ctx) ctx.view.share({ i18n: ctx.i18n })
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
