/**
 * The customer CSV, shared by export and import so that an exported file
 * imports back unchanged. One line per subscriber account; a customer
 * without an account has one line with the account columns empty. `package`
 * is the package name; passwords are never exported (an import without one
 * generates it).
 */
export const CSV_COLUMNS = [
  'name',
  'phone',
  'email',
  'address',
  'identity_number',
  'category',
  'status',
  'notes',
  'package',
  'username',
  'password',
  'service_type',
  'router_id',
  'static_ip',
  'mac_address',
  'start_date',
  'billing_day',
  'expires_at',
  'subscription_status',
] as const

export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** Field names of the API validators, as the CSV column that carries them. */
export const COLUMN_OF_FIELD: Record<string, CsvColumn> = {
  identityNumber: 'identity_number',
  packageId: 'package',
  serviceType: 'service_type',
  routerId: 'router_id',
  staticIp: 'static_ip',
  macAddress: 'mac_address',
  startDate: 'start_date',
  billingDay: 'billing_day',
  expiresAt: 'expires_at',
}

// Spreadsheets run cells starting with these as formulas.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Protects a free-text cell from being run as a formula by a spreadsheet:
 * a leading apostrophe, which `unescapeCell` removes on import.
 */
export function escapeCell(value: string) {
  return FORMULA_START.test(value) ? `'${value}` : value
}

export function unescapeCell(value: string) {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

/** Columns whose values are free text typed by people (the others are validated formats). */
export const FREE_TEXT_COLUMNS: ReadonlySet<CsvColumn> = new Set(['name', 'address', 'notes'])
