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
 * The specifics some refusals name (a permission, a module, minutes to wait),
 * read back from the message the code raised them with. A message that no
 * longer has this shape is left as it is rather than translated without them.
 */
const DETAILS: Record<string, RegExp> = {
  PERMISSION_DENIED: /"(?<permission>[^"]+)" permission/,
  PLUGIN_DISABLED: /The "(?<plugin>[^"]+)" module/,
  LOGIN_THROTTLED: /in (?<minutes>\d+) minute/,
  PASSWORD_RESET_THROTTLED: /in (?<minutes>\d+) minute/,
  ROLE_IN_USE: /^(?<count>\d+) users? still holds? the role "(?<role>[^"]+)"/,
  LAST_OWNER: /^(?<name>.+) is the only active owner/,
  TENANT_MISMATCH: /signed in to (?<name>.+), not to/,
}

/**
 * The sentence for an error code in the request's language, when
 * `errors.<CODE>` exists; otherwise (or when its specifics cannot be read
 * back) the message stays as raised.
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
  let details: Record<string, unknown> = {}
  if (DETAILS[code]) {
    const match = DETAILS[code].exec(message)
    if (!match?.groups) return message
    details = match.groups
  }
  try {
    return i18n.t(key, { ...details, ...data })
  } catch {
    return message
  }
}
