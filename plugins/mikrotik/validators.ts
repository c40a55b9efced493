import net from 'node:net'
import vine from '@vinejs/vine'

/** Control characters have no place in a name or a search, and PostgreSQL refuses NUL. */
const printable = vine.createRule(
  (value, _options, field) => {
    // eslint-disable-next-line no-control-regex
    if (typeof value === 'string' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
      field.report('The {{ field }} field must not contain control characters', 'printable', field)
  },
  { name: 'printable' }
)

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?'
const HOSTNAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*\\.?$`, 'i')

/** An IPv4 or IPv6 address, or a DNS name; `999.1.1.1` is a broken address, not a name. */
export function isRouterHost(value: string): boolean {
  if (net.isIP(value)) return true
  if (/^[\d.]+$/.test(value)) return false
  return HOSTNAME.test(value)
}

const routerHost = vine.createRule(
  (value, _options, field) => {
    if (typeof value === 'string' && !isRouterHost(value))
      field.report(
        'The {{ field }} field must be an IPv4 or IPv6 address, or a host name such as router1.example.net',
        'host',
        field
      )
  },
  { name: 'host' }
)

// Factories: every validator gets its own schema nodes.
const text = () => vine.string().trim().use(printable())
const name = () => text().minLength(1).maxLength(80)
const host = () => vine.string().trim().maxLength(253).use(routerHost())
const port = () => vine.number().withoutDecimals().min(1).max(65_535)
const apiUser = () => text().minLength(1).maxLength(100)
// Not trimmed: a leading or trailing space can be part of a RouterOS password.
const apiPassword = () => vine.string().minLength(1).maxLength(128).use(printable())
const syncInterval = () => vine.number().withoutDecimals().min(30).max(86_400)
const notes = () => text().maxLength(1000).nullable()

export const createRouterValidator = vine.create(
  vine.object({
    name: name(),
    host: host(),
    port: port().optional(),
    tls: vine.boolean().optional(),
    apiUser: apiUser(),
    apiPassword: apiPassword(),
    syncIntervalSeconds: syncInterval().optional(),
    notes: notes().optional(),
  })
)

export const updateRouterValidator = vine.create(
  vine.object({
    name: name().optional(),
    host: host().optional(),
    port: port().optional(),
    tls: vine.boolean().optional(),
    apiUser: apiUser().optional(),
    apiPassword: apiPassword().optional(),
    syncIntervalSeconds: syncInterval().optional(),
    notes: notes().optional(),
  })
)

export const listRoutersValidator = vine.create(
  vine.object({
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
    q: text().maxLength(100).optional(),
    status: vine.enum(['unknown', 'online', 'offline'] as const).optional(),
  })
)

export const listSessionsValidator = vine.create(
  vine.object({
    /** Skip the cache and ask the router now. */
    refresh: vine.boolean().optional(),
  })
)

export const disconnectSessionValidator = vine.create(
  vine.object({
    type: vine.enum(['hotspot', 'pppoe'] as const),
  })
)

/**
 * Pasted into a RouterOS terminal: a quote, backslash, `$` or `?` could end
 * the string or start a variable or help, so they are refused, not escaped.
 */
const scriptSafe = vine.createRule(
  (value, _options, field) => {
    if (typeof value === 'string' && !/^[A-Za-z0-9._~+\-=/@#%^*!,:]+$/.test(value))
      field.report(
        'The {{ field }} field may only hold letters, digits and . _ ~ + - = / @ # % ^ * ! , :',
        'script_safe',
        field
      )
  },
  { name: 'script_safe' }
)

const ipAddress = () => vine.string().trim().ipAddress()

export const onboardingScriptValidator = vine.create(
  vine.object({
    /** FreeRADIUS as the router reaches it; RADIUS_SERVER_ADDRESS when omitted */
    radiusAddress: ipAddress().optional(),
    /** The NAS secret; generated when omitted, to be registered with the RADIUS plugin */
    radiusSecret: vine.string().minLength(8).maxLength(64).use(scriptSafe()).optional(),
    /** Where HTTP from isolated customers is sent; ISOLIR_PAGE_ADDRESS or the RADIUS address */
    // dst-nat lives in /ip firewall, which is IPv4 only.
    isolirAddress: vine.string().trim().ipAddress(4).optional(),
    isolirPort: port().optional(),
    /** Only this address may use the API service, when given */
    platformAddress: ipAddress().optional(),
    format: vine.enum(['json', 'text'] as const).optional(),
  })
)

/**
 * Account text as the router stores it: API words are length-prefixed, so
 * nothing can be injected, but a control character would leave an entry an
 * operator cannot type on the router's own console.
 */
const accountName = () => text().minLength(1).maxLength(64)
// Not trimmed: spaces may be part of a password.
const accountPassword = () => vine.string().minLength(1).maxLength(64).use(printable())
const profileName = () => text().minLength(1).maxLength(100)
/** A RouterOS duration such as 1d or 3h30m */
const duration = () =>
  vine
    .string()
    .trim()
    .maxLength(20)
    .regex(/^(?=\d)(\d+w)?(\d+d)?(\d+h)?(\d+m)?(\d+s)?$/)
const accountComment = () => text().maxLength(200)
const accountType = () => vine.enum(['hotspot', 'pppoe'] as const)

export const createAccountValidator = vine.create(
  vine.object({
    type: accountType(),
    name: accountName(),
    password: accountPassword(),
    profile: profileName(),
    /** Hotspot only: how long the user may be online in total */
    limitUptime: duration().optional(),
    /** Blank (null) clears it */
    comment: accountComment().nullable().optional(),
    disabled: vine.boolean().optional(),
  })
)

export const updateAccountValidator = vine.create(
  vine.object({
    type: accountType(),
    name: accountName().optional(),
    password: accountPassword().optional(),
    profile: profileName().optional(),
    limitUptime: duration().optional(),
    comment: accountComment().nullable().optional(),
    disabled: vine.boolean().optional(),
  })
)

export const accountTypeValidator = vine.create(vine.object({ type: accountType() }))

export const listSyncLogsValidator = vine.create(
  vine.object({
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
    outcome: vine.enum(['ok', 'failed'] as const).optional(),
  })
)

const batchId = () =>
  vine
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)

export const pushVouchersValidator = vine.create(
  vine.object({
    /** The caller's batch id; pushing the same batch twice runs it once. Generated when omitted */
    batchId: batchId().optional(),
    users: vine
      .array(
        vine.object({
          name: accountName(),
          password: accountPassword(),
          profile: profileName(),
          limitUptime: duration().optional(),
          comment: accountComment().optional(),
        })
      )
      .minLength(1)
      .maxLength(5000),
    chunkSize: vine.number().withoutDecimals().min(1).max(500).optional(),
  })
)

/** The router page's URL: which tab, and the search and page of its list. */
export const routerPageValidator = vine.create(
  vine.object({
    tab: vine
      .enum(['overview', 'sessions', 'accounts', 'leases', 'logs', 'settings'] as const)
      .optional(),
    q: text().maxLength(100).optional(),
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    type: vine.enum(['hotspot', 'pppoe'] as const).optional(),
  })
)

export const pushPageValidator = vine.create(vine.object({ batch: batchId().optional() }))

/** The panel's push form: one `name,password` per line, and what every line gets. */
export const pushFormValidator = vine.create(
  vine.object({
    lines: vine.string().trim().minLength(1).maxLength(200_000),
    profile: profileName(),
    limitUptime: duration().nullable().optional(),
    comment: accountComment().nullable().optional(),
  })
)
