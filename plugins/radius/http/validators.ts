import vine from '@vinejs/vine'

export const nasValidator = vine.create(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(80),
    ipAddress: vine.string().trim().ipAddress(),
    nasIdentifier: vine.string().trim().maxLength(120).optional(),
    // Goes into FreeRADIUS's clients.conf, so no quotes, backslashes or spaces.
    secret: vine
      .string()
      .minLength(8)
      .maxLength(64)
      .regex(/^[A-Za-z0-9!#$%&()*+,\-./:;<=>?@\[\]^_{|}~]+$/),
  })
)

export const pageValidator = vine.create(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
    username: vine.string().trim().maxLength(128).optional(),
    open: vine.boolean().optional(),
  })
)
