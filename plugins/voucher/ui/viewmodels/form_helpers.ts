/** The server's message for a field, whatever shape (string or list) it came in. */
export function messageOf(errors: Record<string, unknown>, field: string): string | undefined {
  const value = errors[field]
  return Array.isArray(value) ? value[0] : (value as string | undefined) || undefined
}

/** Blank text fields become null: the server stores "no value", never an empty string. */
export const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** Number fields left empty arrive as '' from the input; the server wants null. */
export const numberOrNull = (value: number | null | string) =>
  value === '' || value === null || Number.isNaN(value) ? null : Number(value)
