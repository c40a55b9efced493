import type { HttpContext } from '@adonisjs/core/http'
import { authenticate } from '../../auth/authenticate.js'
import { localeValidator, setPreferredLocale } from '../profile.js'
import { LOCALE_COOKIE } from '../../http/request_locale.js'

/**
 * The panel's language switch. Remembered in this browser (also before
 * signing in) and, for a signed-in user, on their account so that it follows
 * them to every device.
 */
export default class SetLocale {
  async handle(ctx: HttpContext) {
    const { locale } = await ctx.request.validateUsing(localeValidator)
    const actor = await authenticate(ctx)
    if (actor) await setPreferredLocale(actor, ctx.request, locale)
    ctx.i18n.switchLocale(locale)
    ctx.response.plainCookie(LOCALE_COOKIE, locale, {
      encode: false,
      httpOnly: false,
      maxAge: '365d',
      sameSite: 'lax',
    })
    return ctx.response.redirect().withQs().back()
  }
}
