import vine from '@vinejs/vine'
import { page, perPage, text, uuid } from './shared.js'

const day = () => vine.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)

export const VOUCHER_STATUSES = ['unused', 'active', 'used', 'expired', 'disabled'] as const

export const listVouchersQuery = vine.create(
  vine.object({
    page: page(),
    perPage: perPage(),
    batchId: uuid().optional(),
    packageId: uuid().optional(),
    status: vine.enum(VOUCHER_STATUSES).optional(),
    q: text().maxLength(24).optional(),
    // Days the vouchers were made, in the tenant's time zone, both included.
    createdFrom: day().optional(),
    createdTo: day().optional(),
  })
)

export const updateVoucherValidator = vine.create(vine.object({ disabled: vine.boolean() }))

export const salesReportQuery = vine.create(
  vine.object({
    // Calendar days in the tenant's time zone, both included.
    from: day(),
    to: day(),
    groupBy: vine.enum(['day', 'package', 'router'] as const).optional(),
  })
)
