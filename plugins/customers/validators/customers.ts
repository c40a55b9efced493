import vine from '@vinejs/vine'
import { categoryName, page, perPage, phone, search, text } from './shared.js'

export const CUSTOMER_STATUSES = ['active', 'isolated', 'terminated'] as const

const name = () => text().minLength(1).maxLength(120)
const email = () => vine.string().trim().toLowerCase().email().maxLength(254)
const address = () => text().maxLength(500)
// KTP (NIK, 16 digits), passport or company registration numbers.
const identityNumber = () =>
  vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{4,32}$/)
const notes = () => text().maxLength(2000)

export const customerFields = () => ({
  name: name(),
  phone: phone().nullable().optional(),
  email: email().nullable().optional(),
  address: address().nullable().optional(),
  identityNumber: identityNumber().nullable().optional(),
  category: categoryName().optional(),
  notes: notes().nullable().optional(),
})

export const createCustomerValidator = vine.create(vine.object(customerFields()))

export const updateCustomerValidator = vine.create(
  vine.object({
    name: name().optional(),
    phone: phone().nullable().optional(),
    email: email().nullable().optional(),
    address: address().nullable().optional(),
    identityNumber: identityNumber().nullable().optional(),
    category: categoryName().optional(),
    status: vine.enum(CUSTOMER_STATUSES).optional(),
    notes: notes().nullable().optional(),
  })
)

export const listCustomersQuery = vine.create(
  vine.object({
    page: page(),
    perPage: perPage(),
    q: search(),
    status: vine.enum(CUSTOMER_STATUSES).optional(),
    category: categoryName().optional(),
    packageId: vine.string().trim().uuid().optional(),
  })
)

export const terminateCustomerQuery = vine.create(
  vine.object({ withSubscriptions: vine.boolean().optional() })
)

export const createCategoryValidator = vine.create(
  vine.object({ name: categoryName().minLength(2), label: text().minLength(1).maxLength(80) })
)
