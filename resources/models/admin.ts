/**
 * What the super admin's pages receive from the server (core/platform/panel/*).
 * Dates arrive as ISO strings; amounts are whole rupiah.
 */
import type { Status } from './table'

export type TenantStatus = 'active' | 'panel_isolated' | 'deactivated'

export const TENANT_STATUSES: TenantStatus[] = ['active', 'panel_isolated', 'deactivated']

/** One colour per state across the panel (see components/status_badge.vue). */
export const TENANT_BADGE: Record<TenantStatus, Status> = {
  active: 'active',
  panel_isolated: 'isolated',
  deactivated: 'inactive',
}

export interface PageOf<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number; lastPage: number }
}

export interface AuditEntry {
  id: string
  tenantId?: string | null
  tenant?: { slug: string; name: string } | null
  actor: string
  action: string
  subjectType: string | null
  subjectId: string | null
  before: unknown
  after: unknown
  createdAt: string
}

/** An audit entry as the list shows it: already worded by the view model. */
export interface AuditRow {
  id: string
  action: string
  actionLabel: string
  actor: string
  when: string
  detail: string | null
  tenant?: { name: string; href: string } | null
}

/** A refusal of the last form, with the names its translated sentence needs. */
export interface Refusal {
  code: string
  message: string
  params?: Record<string, string>
}

export interface PlanSummary {
  code: string
  name: string
  price: number | null
  active: boolean
  featureGroup?: string | null
}

export interface FeatureGroup {
  code: string
  name: string
  features: string[]
  sort: number
}

/** A known feature; `plugin` when it is an installed plugin's id. */
export interface FeatureOption {
  name: string
  plugin: boolean
  /** The plugin's display name; null for a capability (api_access) */
  title: string | null
}

export interface DashboardPageProps {
  overview: {
    tenants: {
      total: number
      byStatus: Record<TenantStatus, number>
      byPlan: { plan: string; name: string; total: number }[]
    }
    revenue: { plans: number; addons: number; total: number; negotiated: number }
    signUps: {
      id: string
      name: string
      slug: string
      plan: string
      status: TenantStatus
      createdAt: string
    }[]
    audit: AuditEntry[]
  }
}

export interface TenantListItem {
  id: string
  name: string
  slug: string
  plan: string
  status: TenantStatus
  customDomain: string | null
  createdAt: string
  userCount: number
  enabledPlugins: string[]
}

export interface TenantsPageProps {
  tenants: PageOf<TenantListItem>
  filters: { q: string; status: string; plan: string }
  plans: PlanSummary[]
}

export interface NewTenantDraft {
  name: string
  slug: string
  plan: string
  locale: 'id' | 'en'
  timezone: string
  customDomain: string
  owner: { fullName: string; email: string; password: string }
}

/** How one limit of a tenant comes about; null is unlimited. */
export interface LimitView {
  plan: number | null
  override: number | null
  addons: number
  effective: number | null
  /** null when there is no override */
  billable: boolean | null
}

export interface TenantDetail {
  id: string
  name: string
  slug: string
  plan: string
  status: TenantStatus
  customDomain: string | null
  timezone: string
  locale: string
  createdAt: string
  userCount: number
  /** null when the tenant's plan left the catalog */
  limits: Record<string, LimitView> | null
  features: string[]
  featureGroup: string | null
  plugins: {
    id: string
    name: string
    version: string | null
    installed: boolean
    source: 'plan' | 'addon' | 'admin' | 'dependency' | string
    changedBy: string | null
    changedAt: string
  }[]
  addons: {
    id: string
    code: string
    name: string
    limitKey: string
    increment: number
    quantity: number
    status: 'active' | 'pending' | 'cancelled'
    billable: boolean
    price: number
    billingCycle: 'monthly' | 'yearly' | 'one_time'
    createdBy: string
    createdAt: string
  }[]
}

export interface InstalledPlugin {
  id: string
  name: string
  description: string
  version: string
  /** Plugins it needs, enabled along with it */
  requires: string[]
}

export interface AddonOffer {
  code: string
  name: string
  limitKey: string
  increment: number
  price: number
  billingCycle: 'monthly' | 'yearly' | 'one_time'
  active: boolean
}

export interface TenantPageProps {
  tenantDetail: TenantDetail
  plans: PlanSummary[]
  featureGroups: FeatureGroup[]
  features: FeatureOption[]
  installedPlugins: InstalledPlugin[]
  addonOffers: AddonOffer[]
  audit: PageOf<AuditEntry>
  refusal: Refusal | null
}

export interface Plan {
  code: string
  name: string
  price: number | null
  limits: Record<string, number | null>
  featureGroup: string | null
  sort: number
  active: boolean
  tenantCount: number
}

export interface PlansPageProps {
  plans: Plan[]
  featureGroups: FeatureGroup[]
  limitKeys: string[]
  features: FeatureOption[]
}

export interface ImpersonationPageProps {
  impersonation: { tenantId: string; tenantName: string; tenantSlug: string | null }
}
