import { useI18n } from 'vue-i18n'
import { formatDate, formatMoney } from '../../lib/format'
import { usePreferencesStore } from '../../stores/preferences_store'
import type { AuditEntry, AuditRow } from '../../models/admin'

/** `max_client_maps` → `Max client maps`, for a limit or feature no message names. */
export function humanize(key: string) {
  const words = key.replace(/[-_]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export { messageOf } from '../../lib/form_errors'

function short(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (Array.isArray(value)) return value.join(', ') || '—'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** What changed, from the entry's before and after: `plan: basic → pro`. */
function changeSummary(before: unknown, after: unknown): string | null {
  const b = before && typeof before === 'object' ? (before as Record<string, unknown>) : null
  const a = after && typeof after === 'object' ? (after as Record<string, unknown>) : null
  if (!a && !b) return null
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]
  const parts = keys
    .filter((key) => JSON.stringify(b?.[key]) !== JSON.stringify(a?.[key]))
    .map((key) =>
      b && key in b ? `${key}: ${short(b[key])} → ${short(a?.[key])}` : `${key}: ${short(a?.[key])}`
    )
  const text = parts.join(' · ')
  return text.length > 180 ? `${text.slice(0, 177)}…` : text || null
}

/**
 * Wording shared by the super admin's pages: amounts in rupiah, dates in
 * the platform's zone (Asia/Jakarta), limits and audit actions in the
 * panel's language.
 */
export function useAdminFormat() {
  const { t, te } = useI18n()
  const preferences = usePreferencesStore()

  const money = (amount: number | null | undefined) =>
    amount === null || amount === undefined ? t('admin.plans.negotiated') : formatMoney(amount)
  const date = (value: string, withTime = false) =>
    formatDate(value, { locale: preferences.locale, withTime })
  const limitLabel = (key: string) =>
    te(`admin.limitNames.${key}`) ? t(`admin.limitNames.${key}`) : humanize(key)
  // Indonesian grouping (15.000), as for amounts: operators read counts the same way.
  const count = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 })
  const limitValue = (value: number | null) =>
    value === null ? t('admin.limits.unlimited') : count.format(value)
  const actionLabel = (action: string) =>
    te(`admin.audit.actions.${action}`) ? t(`admin.audit.actions.${action}`) : action
  const actorLabel = (actor: string) => {
    const [kind, rest] = actor.split(/:(.*)/s)
    if (kind === 'super_admin') return t('admin.audit.actors.superAdmin')
    if (kind === 'user') return t('admin.audit.actors.user')
    if (kind === 'system') return t('admin.audit.actors.system', { name: rest ?? '' })
    return actor
  }

  function auditRows(entries: AuditEntry[], options: { withTenant?: boolean } = {}): AuditRow[] {
    return entries.map((entry) => ({
      id: entry.id,
      action: entry.action,
      actionLabel: actionLabel(entry.action),
      actor: actorLabel(entry.actor),
      when: date(entry.createdAt, true),
      detail: changeSummary(entry.before, entry.after),
      tenant:
        options.withTenant && entry.tenant && entry.tenantId
          ? { name: entry.tenant.name, href: `/admin/tenants/${entry.tenantId}` }
          : null,
    }))
  }

  return { money, date, limitLabel, limitValue, actionLabel, auditRows }
}
