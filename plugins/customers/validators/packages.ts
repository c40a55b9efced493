import vine from '@vinejs/vine'
import { page, perPage, search, text } from './shared.js'

export const PACKAGE_TYPES = ['postpaid_monthly', 'prepaid_period'] as const
export const SERVICES = ['pppoe', 'hotspot_member', 'static_ip'] as const

const MAX_KBPS = 10_000_000
const rate = () => vine.number().withoutDecimals().min(1).max(MAX_KBPS)
// RouterOS names: no spaces or quotes, which would need escaping on the router and in RADIUS replies.
const routerName = () =>
  vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[A-Za-z0-9._-]+$/)

const burst = () =>
  vine.object({
    downloadKbps: rate(),
    uploadKbps: rate(),
    thresholdDownloadKbps: rate(),
    thresholdUploadKbps: rate(),
    timeSeconds: vine.number().withoutDecimals().min(1).max(3600),
  })

const fields = () => ({
  name: text().minLength(1).maxLength(80),
  type: vine.enum(PACKAGE_TYPES),
  periodDays: vine.number().withoutDecimals().min(1).max(3660).nullable().optional(),
  price: vine.number().withoutDecimals().min(0).max(1_000_000_000),
  service: vine.enum(SERVICES),
  downloadKbps: rate(),
  uploadKbps: rate(),
  burst: burst().nullable().optional(),
  // Up to 1 PiB; beyond a safe integer JSON numbers lose precision.
  quotaBytes: vine
    .number()
    .withoutDecimals()
    .min(1)
    .max(2 ** 50)
    .nullable()
    .optional(),
  profileName: routerName(),
  addressPool: routerName().nullable().optional(),
  active: vine.boolean().optional(),
})

export const createPackageValidator = vine.create(vine.object(fields()))

const optional = () => {
  const all = fields()
  return {
    name: all.name.optional(),
    type: all.type.optional(),
    periodDays: all.periodDays,
    price: all.price.optional(),
    service: all.service.optional(),
    downloadKbps: all.downloadKbps.optional(),
    uploadKbps: all.uploadKbps.optional(),
    burst: all.burst,
    quotaBytes: all.quotaBytes,
    profileName: all.profileName.optional(),
    addressPool: all.addressPool,
    active: all.active,
  }
}
export const updatePackageValidator = vine.create(vine.object(optional()))

export const listPackagesQuery = vine.create(
  vine.object({
    page: page(),
    perPage: perPage(),
    q: search(),
    service: vine.enum(SERVICES).optional(),
    active: vine.boolean().optional(),
  })
)
