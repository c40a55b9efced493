import vine from '@vinejs/vine'
import { normalizePhone } from '../services/phone.js'

export const MAX_PER_PAGE = 100

/** PostgreSQL refuses NUL, and other control characters have no place in names or searches. */
const printable = vine.createRule(
  (value, _options, field) => {
    // eslint-disable-next-line no-control-regex
    if (typeof value === 'string' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
      field.report('The {{ field }} field must not contain control characters', 'printable', field)
  },
  { name: 'printable' }
)

/** Checks a phone number and replaces it with its E.164 spelling. */
const phoneNumber = vine.createRule(
  (value, _options, field) => {
    if (typeof value !== 'string') return
    const normalized = normalizePhone(value)
    if (!normalized) {
      field.report(
        'The {{ field }} field must be a phone number such as 0812-3456-7890 or +62 812 3456 7890',
        'phone',
        field
      )
      return
    }
    field.mutate(normalized, field)
  },
  { name: 'phone' }
)

// Factories: every validator gets its own schema nodes.
export const text = () => vine.string().trim().use(printable())
export const phone = () => vine.string().trim().maxLength(30).use(phoneNumber())
export const page = () => vine.number().withoutDecimals().min(1).max(100_000).optional()
export const perPage = () => vine.number().withoutDecimals().min(1).max(MAX_PER_PAGE).optional()
export const search = () => text().maxLength(100).optional()
/** A category name: built-in (regular, hotspot, member) or one the tenant added. */
export const categoryName = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(40)
    .regex(/^[a-z][a-z0-9_-]*$/)
