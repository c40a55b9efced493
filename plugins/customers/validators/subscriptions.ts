import net from 'node:net'
import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { page, perPage, search, text } from './shared.js'
import { SERVICES } from './packages.js'

export const SUBSCRIPTION_STATUSES = ['active', 'isolated', 'expired', 'terminated'] as const

const ipv4 = vine.createRule(
  (value, _options, field) => {
    if (typeof value === 'string' && !net.isIPv4(value))
      field.report('The {{ field }} field must be an IPv4 address such as 10.20.0.15', 'ip', field)
  },
  { name: 'ip' }
)

// RADIUS and RouterOS both choke on spaces and quotes in a login name.
const username = () =>
  vine
    .string()
    .trim()
    .minLength(3)
    .maxLength(64)
    .regex(/^[A-Za-z0-9._@-]+$/)
// Not trimmed: a space may be part of a password; printable ASCII only, as routers expect.
const password = () =>
  vine
    .string()
    .minLength(4)
    .maxLength(64)
    .regex(/^[\x20-\x7e]+$/)
const macAddress = () =>
  vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([0-9A-F]{2}[:-]){5}[0-9A-F]{2}$/)
    .transform((value) => value.replace(/-/g, ':'))
const dateTime = vine.createRule(
  (value, _options, field) => {
    if (typeof value !== 'string') return
    const parsed = DateTime.fromISO(value, { setZone: true })
    if (!parsed.isValid || !/[zZ]|[+-]\d{2}:?\d{2}$/.test(value)) {
      field.report(
        'The {{ field }} field must be a date and time with its offset, such as 2026-12-01T00:00:00+07:00',
        'dateTime',
        field
      )
      return
    }
    field.mutate(parsed.toUTC().toISO(), field)
  },
  { name: 'dateTime' }
)
/** An ISO 8601 instant with an explicit offset, so nobody guesses which time zone was meant. */
const instant = () => vine.string().trim().maxLength(40).use(dateTime())
const uuid = () => vine.string().trim().uuid()
const isoDate = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)

export const subscriptionFields = () => ({
  customerId: uuid(),
  packageId: uuid(),
  serviceType: vine.enum(SERVICES).optional(),
  username: username(),
  password: password().optional(),
  routerId: uuid().nullable().optional(),
  staticIp: vine.string().trim().use(ipv4()).nullable().optional(),
  macAddress: macAddress().nullable().optional(),
  startDate: isoDate().optional(),
  billingDay: vine.number().withoutDecimals().min(1).max(28).optional(),
  expiresAt: instant().nullable().optional(),
})

export const createSubscriptionValidator = vine.create(vine.object(subscriptionFields()))

export const updateSubscriptionValidator = vine.create(
  vine.object({
    packageId: uuid().optional(),
    username: username().optional(),
    password: password().optional(),
    routerId: uuid().nullable().optional(),
    staticIp: vine.string().trim().use(ipv4()).nullable().optional(),
    macAddress: macAddress().nullable().optional(),
    status: vine.enum(SUBSCRIPTION_STATUSES).optional(),
    isolationReason: text().maxLength(300).nullable().optional(),
    billingDay: vine.number().withoutDecimals().min(1).max(28).optional(),
    expiresAt: instant().nullable().optional(),
  })
)

export const listSubscriptionsQuery = vine.create(
  vine.object({
    page: page(),
    perPage: perPage(),
    q: search(),
    status: vine.enum(SUBSCRIPTION_STATUSES).optional(),
    customerId: uuid().optional(),
    packageId: uuid().optional(),
  })
)
