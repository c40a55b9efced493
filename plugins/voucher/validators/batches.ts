import vine from '@vinejs/vine'
import { CHARSET_NAMES } from '../services/code_generator.js'
import { page, perPage, uuid } from './shared.js'

export const MAX_BATCH = 10_000

export const createBatchValidator = vine.create(
  vine.object({
    packageId: uuid(),
    count: vine.number().withoutDecimals().min(1).max(MAX_BATCH),
    // Upper case and digits only, so a prefix never brings back the confusable lowercase.
    prefix: vine
      .string()
      .trim()
      .maxLength(8)
      .regex(/^[A-Z0-9]*$/)
      .optional(),
    charset: vine.enum(CHARSET_NAMES),
    length: vine.number().withoutDecimals().min(4).max(16),
    mode: vine.enum(['code', 'user_pass'] as const),
    routerId: uuid().nullable().optional(),
    // RADIUS checks each login (recommended); push puts the codes on the router. Defaults to the settings.
    delivery: vine.enum(['radius', 'push'] as const).optional(),
  })
)

export const listBatchesQuery = vine.create(
  vine.object({ page: page(), perPage: perPage(), packageId: uuid().optional() })
)

export const cardsQuery = vine.create(
  vine.object({
    template: vine.enum(['a4', 'thermal58'] as const).optional(),
    // Overrides the package's hotspot address for this print run.
    hotspotUrl: vine
      .string()
      .trim()
      .maxLength(200)
      .url({ require_protocol: true, protocols: ['http', 'https'] })
      .optional(),
  })
)
