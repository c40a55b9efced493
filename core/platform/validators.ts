import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password_reset.js'

/*
 * Input of the super admin API. Rules that need the database (plan exists,
 * slug unused) are checked by the services, which answer in the same
 * `{ field, message }` shape.
 */

// int4 columns: anything larger would reach PostgreSQL as an overflow (a 500).
const MAX_INT = 2_000_000_000
export const TENANT_STATUSES = ['active', 'deactivated', 'panel_isolated'] as const

/** A subdomain label: DNS forbids a hyphen at either end. */
const SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/
const DOMAIN =
  /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/

export function isIanaZone(value: string) {
  // Intl also accepts abbreviations and offsets ("EST", "+07:00"); operators need a region.
  if (value !== 'UTC' && !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value)) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return false
  }
}

const pattern = (name: string, regex: RegExp, message: string) =>
  vine.createRule(
    (value, _options, field) => {
      if (typeof value === 'string' && !regex.test(value)) field.report(message, name, field)
    },
    { name, toJSONSchema: (schema) => void (schema.pattern = regex.source) }
  )

const slugRule = pattern(
  'slug',
  SLUG,
  'Use 3 to 40 lowercase letters, digits or hyphens, starting and ending with a letter or digit'
)
const domainRule = pattern('domain', DOMAIN, 'Enter a host name such as panel.alphanet.id')

const timeZoneRule = vine.createRule(
  (value, _options, field) => {
    if (typeof value === 'string' && !isIanaZone(value)) {
      field.report('Use an IANA time zone such as Asia/Jakarta or Asia/Makassar', 'timezone', field)
    }
  },
  { name: 'timezone' }
)

const isoDateRule = vine.createRule(
  (value, _options, field) => {
    if (typeof value === 'string' && !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
      field.report(
        'Use an ISO 8601 date such as 2025-01-31 or 2025-01-31T08:00:00+07:00',
        'isoDate',
        field
      )
    }
  },
  {
    name: 'isoDate',
    toJSONSchema: (schema) => void (schema.description = 'ISO 8601 date or date-time'),
  }
)

/** PostgreSQL refuses NUL in text (a 500 if it got that far); no field here needs control characters. */
const plainText = vine.createRule(
  (value, _options, field) => {
    const control = (c: string) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127
    if (typeof value === 'string' && [...value].some(control)) {
      field.report('Remove the control characters (such as NUL or line breaks)', 'plainText', field)
    }
  },
  { name: 'plainText' }
)
const text = () => vine.string().trim().use(plainText())

const page = vine.number().withoutDecimals().range([1, 100_000]).optional()
const perPage = vine.number().withoutDecimals().range([1, 100]).optional()

export const listTenantsValidator = vine.create(
  vine.object({
    page,
    perPage,
    q: text().maxLength(100).optional(),
    status: vine.enum(TENANT_STATUSES).optional(),
    plan: text().maxLength(20).optional(),
  })
)

export const createTenantValidator = vine.create(
  vine.object({
    name: text().minLength(2).maxLength(120),
    slug: text().use(slugRule()),
    plan: text().maxLength(20),
    timezone: text().maxLength(64).use(timeZoneRule()).optional(),
    locale: vine.enum(['id', 'en'] as const).optional(),
    customDomain: text().toLowerCase().use(domainRule()).nullable().optional(),
    owner: vine.object({
      email: text().email().maxLength(254),
      fullName: text().minLength(1).maxLength(120),
      password: vine.string().minLength(PASSWORD_MIN_LENGTH).maxLength(PASSWORD_MAX_LENGTH),
    }),
  })
)

export const changePlanValidator = vine.create(
  vine.object({
    plan: text().maxLength(20),
    applyFeatureGroup: vine.boolean().optional(),
  })
)

export const overrideLimitValidator = vine.create(
  vine.object({
    value: vine.number().withoutDecimals().range([0, MAX_INT]).nullable(),
    billable: vine.boolean().optional(),
  })
)

export const changeStatusValidator = vine.create(
  vine.object({
    status: vine.enum(TENANT_STATUSES),
    reason: text().maxLength(300).optional(),
  })
)

/** Turning down a tenant's pending addon; the reason goes into the audit log. */
export const rejectAddonValidator = vine.create(
  vine.object({ reason: text().maxLength(300).optional() })
)

export const applyFeatureGroupValidator = vine.create(vine.object({ group: text().maxLength(20) }))

export const toggleValidator = vine.create(vine.object({ enabled: vine.boolean() }))

/** The same fields plan_catalog's `updatePlan` accepts, so that the docs show them. */
export const updatePlanValidator = vine.create(
  vine.object({
    name: text().minLength(1).maxLength(80).optional(),
    price: vine.number().withoutDecimals().range([0, MAX_INT]).nullable().optional(),
    limits: vine.record(vine.number().withoutDecimals().range([0, MAX_INT]).nullable()).optional(),
    featureGroup: text().maxLength(20).nullable().optional(),
    sort: vine.number().withoutDecimals().range([-MAX_INT, MAX_INT]).optional(),
    active: vine.boolean().optional(),
  })
)

export const addAddonValidator = vine.create(
  vine.object({
    code: text().maxLength(40),
    quantity: vine.number().withoutDecimals().range([1, 10_000]),
    billable: vine.boolean().optional(),
  })
)

export const listAuditLogsValidator = vine.create(
  vine.object({
    page,
    perPage,
    tenantId: text().uuid().optional(),
    /** Exact action, or a prefix ending in `.*` (`plugin.*`) */
    action: text().maxLength(80).optional(),
    actor: text().maxLength(160).optional(),
    from: text().maxLength(40).use(isoDateRule()).optional(),
    to: text().maxLength(40).use(isoDateRule()).optional(),
  })
)

export const updateFeatureGroupValidator = vine.create(
  vine.object({
    name: text().minLength(1).maxLength(80).optional(),
    features: vine
      .array(text().regex(/^[a-z][a-z0-9_-]{0,63}$/))
      .maxLength(200)
      .optional(),
  })
)
