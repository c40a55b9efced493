import vine from '@vinejs/vine'
import { page, perPage, text } from './shared.js'

const MAX_KBPS = 10_000_000
const rate = () => vine.number().withoutDecimals().min(1).max(MAX_KBPS)
const positive = (max: number) => vine.number().withoutDecimals().min(1).max(max)

const fields = () => ({
  name: text().minLength(1).maxLength(80),
  price: vine.number().withoutDecimals().min(0).max(1_000_000_000),
  downloadKbps: rate(),
  uploadKbps: rate(),
  // Up to 1 PiB; beyond a safe integer JSON numbers lose precision.
  quotaBytes: positive(2 ** 50)
    .nullable()
    .optional(),
  // Use time across sessions; up to a year.
  durationMinutes: positive(525_600).nullable().optional(),
  // Days from the first login until the voucher expires, whatever was used.
  validityDays: positive(3660).nullable().optional(),
  sharedUsers: positive(100).optional(),
  macLock: vine.boolean().optional(),
  // RouterOS names: no spaces or quotes, which would need escaping on the router and in replies.
  profileName: vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[A-Za-z0-9._-]+$/),
  hotspotUrl: vine
    .string()
    .trim()
    .maxLength(200)
    .url({ require_protocol: true, protocols: ['http', 'https'] })
    .nullable()
    .optional(),
  active: vine.boolean().optional(),
})

export const createVoucherPackageValidator = vine.create(vine.object(fields()))

const optional = () => {
  const all = fields()
  return {
    ...all,
    name: all.name.optional(),
    price: all.price.optional(),
    downloadKbps: all.downloadKbps.optional(),
    uploadKbps: all.uploadKbps.optional(),
    profileName: all.profileName.optional(),
  }
}
export const updateVoucherPackageValidator = vine.create(vine.object(optional()))

export const listVoucherPackagesQuery = vine.create(
  vine.object({ page: page(), perPage: perPage(), active: vine.boolean().optional() })
)
