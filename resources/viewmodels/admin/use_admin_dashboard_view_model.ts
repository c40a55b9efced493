import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { TENANT_STATUSES, type DashboardPageProps } from '../../models/admin'
import { useAdminFormat } from './admin_format'

/** The platform at a glance: tenants by status and plan, revenue, newest tenants, latest changes. */
export function useAdminDashboardViewModel(props: DashboardPageProps) {
  const { t } = useI18n()
  const format = useAdminFormat()
  const overview = computed(() => props.overview)

  const revenue = computed(() => ({
    total: format.money(overview.value.revenue.total),
    note: t('admin.dashboard.mrrNote', {
      plans: format.money(overview.value.revenue.plans),
      addons: format.money(overview.value.revenue.addons),
    }),
    negotiated: overview.value.revenue.negotiated,
  }))

  const byStatus = computed(() =>
    TENANT_STATUSES.map((status) => ({
      status,
      label: t(`admin.status.${status}`),
      total: overview.value.tenants.byStatus[status] ?? 0,
      href: `/admin/tenants?status=${status}`,
    }))
  )

  const byPlan = computed(() => {
    const max = Math.max(1, ...overview.value.tenants.byPlan.map((row) => row.total))
    return overview.value.tenants.byPlan.map((row) => ({
      ...row,
      share: Math.round((row.total / max) * 100),
      href: `/admin/tenants?plan=${encodeURIComponent(row.plan)}`,
    }))
  })

  const signUps = computed(() =>
    overview.value.signUps.map((tenant) => ({
      ...tenant,
      href: `/admin/tenants/${tenant.id}`,
      when: format.date(tenant.createdAt),
    }))
  )

  const audit = computed(() => format.auditRows(overview.value.audit, { withTenant: true }))

  return {
    total: computed(() => overview.value.tenants.total),
    revenue,
    byStatus,
    byPlan,
    signUps,
    audit,
  }
}
