import vine from '@vinejs/vine'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password_reset.js'

export const forgotPasswordValidator = vine.create(
  vine.object({ email: vine.string().trim().email().maxLength(254) })
)

export const resetPasswordValidator = vine.create(
  vine.object({
    // The raw token from the emailed link; its exact shape is checked by the service.
    token: vine.string().trim().minLength(20).maxLength(200),
    password: vine.string().minLength(PASSWORD_MIN_LENGTH).maxLength(PASSWORD_MAX_LENGTH),
  })
)

/** The panel's "set a new password" form: the new password typed twice. */
export const resetPasswordFormValidator = vine.create(
  vine.object({
    token: vine.string().trim().minLength(20).maxLength(200),
    password: vine
      .string()
      .minLength(PASSWORD_MIN_LENGTH)
      .maxLength(PASSWORD_MAX_LENGTH)
      .confirmed({ as: 'passwordConfirmation' }),
  })
)
