import vine from '@vinejs/vine'
import { uuid } from './shared.js'

export const DELIVERIES = ['radius', 'push'] as const
export const CARD_TEMPLATES = ['a4', 'thermal58'] as const

/** Every field optional: a PUT names what it changes, the rest keeps its value. */
export const updateVoucherSettingsValidator = vine.create(
  vine.object({
    delivery: vine.enum(DELIVERIES).optional(),
    defaultRouterId: uuid().nullable().optional(),
    // RouterOS hotspot server names: no spaces or quotes.
    hotspotServer: vine
      .string()
      .trim()
      .maxLength(64)
      .regex(/^[A-Za-z0-9._-]+$/)
      .nullable()
      .optional(),
    hotspotLoginUrl: vine
      .string()
      .trim()
      .maxLength(200)
      .url({ require_protocol: true, protocols: ['http', 'https'] })
      .nullable()
      .optional(),
    cardTemplate: vine.enum(CARD_TEMPLATES).optional(),
    useLogo: vine.boolean().optional(),
  })
)
