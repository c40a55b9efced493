import vine from '@vinejs/vine'

/** PostgreSQL refuses NUL, and other control characters have no place in names or searches. */
const printable = vine.createRule(
  (value, _options, field) => {
    // eslint-disable-next-line no-control-regex
    if (typeof value === 'string' && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value))
      field.report('The {{ field }} field must not contain control characters', 'printable', field)
  },
  { name: 'printable' }
)

// Factories: every validator gets its own schema nodes.
export const text = () => vine.string().trim().use(printable())
export const page = () => vine.number().withoutDecimals().min(1).max(100_000).optional()
export const perPage = () => vine.number().withoutDecimals().min(1).max(100).optional()
export const uuid = () => vine.string().uuid()
