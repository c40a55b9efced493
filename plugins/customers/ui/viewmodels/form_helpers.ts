/**
 * Optional fields left blank are left out, so the server neither checks an
 * empty phone as a number nor stores empty strings.
 */
export function withoutBlanks<T extends object>(draft: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(draft).filter(([, value]) => value !== '' && value !== null)
  ) as Partial<T>
}

export { messageOf } from '../../../../resources/lib/form_errors'
