import vine from '@vinejs/vine'

export const loginValidator = vine.create(
  vine.object({
    email: vine.string().trim().email().maxLength(254),
    password: vine.string().minLength(1).maxLength(200),
  })
)

export const refreshValidator = vine.create(
  vine.object({ refreshToken: vine.string().trim().minLength(20).maxLength(200) })
)
