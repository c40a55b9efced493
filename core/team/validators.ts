import vine from '@vinejs/vine'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password_reset.js'

export const MAX_PER_PAGE = 100

/**
 * PostgreSQL refuses NUL bytes in text, and other control characters have no
 * business in a name or a search; refused here, they never reach a query.
 */
const isControl = (char: string) => {
  const code = char.charCodeAt(0)
  return (code < 32 && !'\t\n\r'.includes(char)) || code === 127
}
const printable = vine.createRule(
  (value, _options, field) => {
    if (typeof value === 'string' && [...value].some(isControl)) {
      field.report('The {{ field }} field must not contain control characters', 'printable', field)
    }
  },
  { name: 'printable' }
)
const text = () => vine.string().trim().use(printable())

// Factories rather than shared instances: each validator gets its own schema nodes.
const page = () => vine.number().withoutDecimals().min(1).max(100_000).optional()
const perPage = () => vine.number().withoutDecimals().min(1).max(MAX_PER_PAGE).optional()
const fullName = () => text().minLength(1).maxLength(120)
// Digits with the separators people type (`+62 812-3456-7890`); the column holds 20 characters.
const phone = () =>
  vine
    .string()
    .trim()
    .maxLength(20)
    .regex(/^\+?\d[\d ()-]{5,19}$/)
    .nullable()
    .optional()
const roleSlug = () => text().toLowerCase().minLength(1).maxLength(40)
const roleSlugs = () => vine.array(roleSlug()).minLength(1).maxLength(20).distinct()
const roleName = () => text().minLength(2).maxLength(80)
const newSlug = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(40)
    .regex(/^[a-z][a-z0-9_-]*$/)
const permissions = () =>
  vine.array(text().minLength(1).maxLength(80)).minLength(1).maxLength(200).distinct()

export const listUsersQuery = vine.create(
  vine.object({
    page: page(),
    perPage: perPage(),
    q: text().maxLength(100).optional(),
    status: vine.enum(['active', 'deactivated'] as const).optional(),
    role: roleSlug().optional(),
  })
)

export const createUserValidator = vine.create(
  vine.object({
    email: vine.string().trim().toLowerCase().email().maxLength(254),
    fullName: fullName(),
    phone: phone(),
    password: vine.string().minLength(PASSWORD_MIN_LENGTH).maxLength(PASSWORD_MAX_LENGTH),
    // Required unless `investor` is set; the service says so by field.
    roles: roleSlugs().optional(),
    investor: vine.boolean().optional(),
  })
)

export const updateUserValidator = vine.create(
  vine.object({
    fullName: fullName().optional(),
    phone: phone(),
    roles: roleSlugs().optional(),
    status: vine.enum(['active', 'deactivated'] as const).optional(),
  })
)

export const createRoleValidator = vine.create(
  vine.object({
    name: roleName(),
    slug: newSlug().optional(),
    permissions: permissions(),
  })
)

export const updateRoleValidator = vine.create(
  vine.object({
    name: roleName().optional(),
    slug: newSlug().optional(),
    permissions: permissions().optional(),
  })
)

export const updateTenantValidator = vine.create(
  vine.object({
    name: text().minLength(2).maxLength(120).optional(),
    timezone: text().maxLength(64).optional(),
    locale: vine.enum(['id', 'en'] as const).optional(),
    logoUrl: vine
      .string()
      .trim()
      .maxLength(500)
      .url({ require_protocol: true, protocols: ['http', 'https'] })
      .nullable()
      .optional(),
  })
)

export const listAuditLogsQuery = vine.create(
  vine.object({
    page: page(),
    perPage: perPage(),
    action: text().maxLength(80).optional(),
    actor: text().maxLength(160).optional(),
    // ISO 8601 dates or date-times; parsed in the tenant's time zone by the query.
    from: text().maxLength(40).optional(),
    to: text().maxLength(40).optional(),
  })
)
