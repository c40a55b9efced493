import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/**
 * A phone number as people in Indonesia type it (`0812-3456-7890`,
 * `62812…`, `+62 812 …`) in E.164 (`+6281234567890`), or null when it is not
 * a number that can exist. Numbers of other countries need their `+` prefix.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim()
  if (!/^\+?[\d\s().-]{6,24}$/.test(trimmed)) return null
  const digits = trimmed.replace(/[^\d]/g, '')
  // `62…` without the plus is the country code typed as digits, not a national number.
  const candidate = !trimmed.startsWith('+') && digits.startsWith('62') ? `+${digits}` : trimmed
  const parsed = parsePhoneNumberFromString(candidate, 'ID')
  if (!parsed || !parsed.isValid()) return null
  return parsed.number
}

/** The E.164 spelling of what someone typed into a search box, when it looks like a phone. */
export function phoneSearchTerm(query: string): string | null {
  if (!/^\+?[\d\s().-]{4,24}$/.test(query.trim())) return null
  const digits = query.replace(/[^\d]/g, '')
  if (digits.startsWith('0')) return `+62${digits.slice(1)}`
  if (digits.startsWith('62')) return `+${digits}`
  return digits
}
