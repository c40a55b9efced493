/** The server's message for a form field, whatever shape (string or list) it came in. */
export function messageOf(errors: Record<string, unknown>, field: string): string | undefined {
  const value = errors[field]
  return Array.isArray(value) ? value[0] : (value as string | undefined) || undefined
}
