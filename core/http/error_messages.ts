import type { I18n } from '@adonisjs/i18n'

/**
 * Server messages in the request's language. Codes never change (clients and
 * tests rely on them); only the sentence a person reads is translated, from
 * `resources/lang/<locale>/{validator,errors}.json`.
 */

interface ReportedFieldError {
  field: string
  message: string
  rule?: string
  meta?: Record<string, any>
}

const MESSAGES = 'validator.shared.messages'
const FIELDS = 'validator.shared.fields'
const isIndex = (segment: string) => /^\d+$/.test(segment)

/** `roles.0` → name `roles`, wildcard path `roles.*` (how Vine names fields in messages). */
function fieldOf(path: string) {
  const segments = path.split('.')
  return {
    name: [...segments].reverse().find((segment) => !isIndex(segment)) ?? path,
    wildCardPath: segments.map((segment) => (isIndex(segment) ? '*' : segment)).join('.'),
  }
}

function fieldLabel(i18n: I18n, name: string) {
  const key = `${FIELDS}.${name}`
  return i18n.resolveIdentifier(key) ? i18n.t(key) : name
}

/**
 * One field message in the request's language. A Vine rule (or a custom rule
 * of any validator, core or plugin) uses `messages.<field>.<rule>`, then
 * `messages.<rule>`; a refusal raised by a service after validation
 * (`ApiError.unprocessable`) carries specific details, so it is translated
 * only where the field-specific key exists. Otherwise the message stays.
 */
export function translateFieldError(
  i18n: I18n,
  error: ReportedFieldError,
  options: { ruleFallback: boolean }
): string {
  if (!error.rule) return error.message
  const field = fieldOf(error.field)
  const keys = [`${MESSAGES}.${field.wildCardPath}.${error.rule}`]
  if (options.ruleFallback) keys.push(`${MESSAGES}.${error.rule}`)
  const key = keys.find((candidate) => i18n.resolveIdentifier(candidate))
  if (!key) return error.message
  const meta = { ...error.meta }
  for (const other of ['otherField', 'originalField']) {
    if (typeof meta[other] === 'string') meta[other] = fieldLabel(i18n, meta[other])
  }
  for (const [name, value] of Object.entries(meta)) {
    if (Array.isArray(value)) meta[name] = value.join(', ')
  }
  try {
    return i18n.t(key, { field: fieldLabel(i18n, field.name), ...meta })
  } catch {
    // A message whose placeholders the meta cannot fill keeps the validator's own words.
    return error.message
  }
}

/** Translates the field messages of a Vine validation error in place. */
export function translateValidationMessages(i18n: I18n, messages: ReportedFieldError[]) {
  for (const message of messages) {
    message.message = translateFieldError(i18n, message, { ruleFallback: true })
  }
}

/** Field errors of a refusal raised after validation (email taken, weak password...). */
export function translateServiceFieldErrors<T extends ReportedFieldError>(
  i18n: I18n,
  errors: T[]
): T[] {
  return errors.map((error) => ({
    ...error,
    message: translateFieldError(i18n, error, { ruleFallback: false }),
  }))
}

/**
 * The sentence for an error code, when the code always means the same thing
 * (`errors.<CODE>` exists). Codes whose message names specifics (a module, a
 * permission, a member) keep their message unless the entry has placeholders
 * the caller fills.
 */
export function translateCode(
  i18n: I18n,
  code: string | undefined,
  message: string,
  data: Record<string, unknown> = {}
): string {
  if (!code) return message
  const key = `errors.${code}`
  if (!i18n.resolveIdentifier(key)) return message
  try {
    return i18n.t(key, data)
  } catch {
    return message
  }
}
