export { messageOf } from '../../../../resources/lib/form_errors'

/** Blank text fields become null: the server stores "no value", never an empty string. */
export const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim())

/** Number fields left empty arrive as '' from the input; the server wants null. */
export const numberOrNull = (value: number | null | string) =>
  value === '' || value === null || Number.isNaN(value) ? null : Number(value)
