import type { ActivityEntry } from './customer'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** Ids and bookkeeping that mean nothing to a reader of the trail. */
const HIDDEN = new Set(['customerId', 'packageId', 'documentId', 'impersonating', 'id', 'routerId'])

const show = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '—'
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value)

/**
 * One audit entry as a line a person reads: who, what, on which account or
 * file, and each changed field as `field: before → after`.
 */
export function describeActivity(
  entry: ActivityEntry,
  t: Translate,
  has: (key: string) => boolean
) {
  const actionKey = `customers.activity.action.${entry.action.replace(/\./g, '_')}`
  const who =
    entry.actorName ??
    (entry.actor.startsWith('super_admin:')
      ? t('customers.activity.platformAdmin')
      : entry.actor.startsWith('system:')
        ? t('customers.activity.system')
        : t('customers.activity.someone'))
  const after = entry.after ?? {}
  const before = entry.before ?? {}
  const subject = (after.fileName ??
    before.fileName ??
    after.username ??
    before.username ??
    null) as string | null
  const changes: string[] = []
  if (entry.action.endsWith('.updated')) {
    for (const [field, value] of Object.entries(after)) {
      if (HIDDEN.has(field)) continue
      if (field === 'passwordChanged') {
        changes.push(t('customers.activity.passwordChanged'))
        continue
      }
      const label = has(`customers.activity.field.${field}`)
        ? t(`customers.activity.field.${field}`)
        : field
      changes.push(`${label}: ${show(before[field])} → ${show(value)}`)
    }
  }
  return {
    id: entry.id,
    who,
    what: has(actionKey) ? t(actionKey) : entry.action,
    subject,
    changes,
    createdAt: entry.createdAt,
  }
}
