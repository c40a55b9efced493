import vine from '@vinejs/vine'

const nasFields = {
  name: vine.string().trim().minLength(1).maxLength(80),
  ipAddress: vine.string().trim().ipAddress(),
  nasIdentifier: vine.string().trim().maxLength(120).optional(),
  // Goes into FreeRADIUS's clients.conf, so no quotes, backslashes or spaces.
  secret: vine
    .string()
    .minLength(8)
    .maxLength(64)
    .regex(/^[A-Za-z0-9!#$%&()*+,\-./:;<=>?@\[\]^_{|}~]+$/),
  // Where the router takes CoA and Disconnect (`/radius incoming`); null: it takes none.
  coaPort: vine.number().withoutDecimals().min(1).max(65535).nullable().optional(),
  // The MikroTik router that isolates and restores when CoA cannot.
  routerId: vine.string().trim().uuid().nullable().optional(),
}

export const nasValidator = vine.create(vine.object(nasFields))

/** Editing: every field optional; a blank secret keeps the one on record. */
export const updateNasValidator = vine.create(
  vine.object({
    name: nasFields.name.clone().optional(),
    ipAddress: nasFields.ipAddress.clone().optional(),
    nasIdentifier: vine.string().trim().maxLength(120).nullable().optional(),
    secret: nasFields.secret.clone().optional(),
    coaPort: nasFields.coaPort.clone(),
    routerId: nasFields.routerId.clone(),
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

const day = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

/** Session history: who, which NAS, which days (tenant's time zone), how it ended. */
export const sessionFiltersValidator = vine.create(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
    username: vine.string().trim().maxLength(128).optional(),
    nasId: vine.string().trim().uuid().optional(),
    from: day().optional(),
    to: day().optional(),
    terminateCause: vine.string().trim().maxLength(40).optional(),
    open: vine.boolean().optional(),
  })
)

export const authLogFiltersValidator = vine.create(
  vine.object({
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
    username: vine.string().trim().maxLength(128).optional(),
    result: vine.enum(['accept', 'reject']).optional(),
    reason: vine.string().trim().maxLength(200).optional(),
  })
)

/** Usage per login per day; `from`/`to` are days in the tenant's time zone, both included. */
export const usageQueryValidator = vine.create(
  vine.object({
    from: day(),
    to: day(),
    username: vine.string().trim().maxLength(128).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(500).optional(),
  })
)

/** CoA: attributes by dictionary name, e.g. `{ "Mikrotik-Rate-Limit": "10M/20M" }`. */
export const changeSessionValidator = vine.create(
  vine.object({
    attributes: vine.record(vine.string().trim().minLength(1).maxLength(200)),
  })
)
