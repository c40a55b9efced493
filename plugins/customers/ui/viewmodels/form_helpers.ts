/**
 * Optional fields left blank are left out, so the server neither checks an
 * empty phone as a number nor stores empty strings.
 */
export function withoutBlanks<T extends object>(draft: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(draft).filter(([, value]) => value !== '' && value !== null)
  ) as Partial<T>
}

/** The server's message for a field, whatever shape (string or list) it came in. */
export function messageOf(errors: Record<string, unknown>, field: string): string | undefined {
  const value = errors[field]
  return Array.isArray(value) ? value[0] : (value as string | undefined) || undefined
}
