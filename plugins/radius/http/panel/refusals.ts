import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/http/api_error'

/**
 * The RADIUS services' own field refusals (raised after validation, so not
 * covered by the shared validator messages) in the panel's language.
 */
const MESSAGES: Record<string, { en: string; id: string }> = {
  'ipAddress.unique': {
    en: 'This address is already registered as a NAS',
    id: 'Alamat ini sudah terdaftar sebagai NAS',
  },
  'name.unique': {
    en: 'A NAS with this name exists',
    id: 'Sudah ada NAS dengan nama ini',
  },
}

/** Runs a panel change; a refusal goes back to the form with its fields in the user's language. */
export async function inPanelLanguage<T>(ctx: HttpContext, change: () => Promise<T>): Promise<T> {
  try {
    return await change()
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 422 || !error.errors) throw error
    const locale = ctx.i18n?.locale === 'id' ? 'id' : 'en'
    const errors = error.errors.map((field) => {
      const message = MESSAGES[`${field.field}.${field.rule}`]
      // No rule: the shared translation leaves the message as it is.
      return message ? { field: field.field, message: message[locale] } : field
    })
    throw new ApiError(error.status, String(error.code), error.message, errors)
  }
}
