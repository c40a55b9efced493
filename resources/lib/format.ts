// `.js`: this file also runs in Node (unit tests), where imports carry extensions.
import type { Locale } from '../models/panel.js'

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta'

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-ID' : 'id-ID')

/**
 * Amounts are whole rupiah (integers) everywhere; Indonesian grouping
 * (`Rp 150.000`) reads the same to operators whatever the panel language.
 */
export function formatMoney(amount: number): string {
  const grouped = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(
    Math.trunc(Math.abs(amount))
  )
  return `${amount < 0 ? '-' : ''}Rp ${grouped}`
}

/**
 * Dates show in the tenant's time zone, not the browser's: a technician
 * travelling or a laptop on UTC must see the times the office sees.
 */
export function formatDate(
  value: string | number | Date,
  options: { locale?: Locale; timeZone?: string | null; withTime?: boolean } = {}
): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return '—'
  return new Intl.DateTimeFormat(intlLocale(options.locale ?? 'id'), {
    timeZone: options.timeZone || DEFAULT_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(options.withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  }).format(date)
}
