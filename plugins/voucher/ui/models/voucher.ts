import type { Status } from '../../../../resources/models/table'

/** Voucher packages, batches and vouchers as the panel pages receive them. */
export type VoucherStatus = 'unused' | 'active' | 'used' | 'expired' | 'disabled'
export type LoginMode = 'code' | 'user_pass'
export type Delivery = 'radius' | 'push'
export type Charset = 'numeric' | 'upper' | 'alnum'
export type CardTemplate = 'a4' | 'thermal58'
export type SalesGrouping = 'day' | 'package' | 'router'

export interface Paginated<T> {
  data: T[]
  meta: { total: number; page: number; perPage: number; lastPage: number }
}

/** What the signed-in user may change (the server refuses the rest anyway). */
export interface VoucherAbilities {
  manage: boolean
}

export interface VoucherPackage {
  id: string
  name: string
  /** whole rupiah */
  price: number
  downloadKbps: number
  uploadKbps: number
  quotaBytes: number | null
  durationMinutes: number | null
  validityDays: number | null
  sharedUsers: number
  macLock: boolean
  profileName: string
  hotspotUrl: string | null
  active: boolean
  voucherCount: number
}

export interface PushStatus {
  state: 'queued' | 'running' | 'retrying' | 'completed' | 'failed'
  total: number
  done: number
  percent: number
  error: string | null
}

export interface VoucherBatch {
  id: string
  package: { id: string; name: string }
  count: number
  price: number
  prefix: string
  charset: Charset
  length: number
  mode: LoginMode
  delivery: Delivery
  routerId: string | null
  createdAt: string
  byStatus: Record<VoucherStatus, number>
  push: PushStatus | null
}

export interface Voucher {
  id: string
  batchId: string
  package: { id: string; name: string }
  username: string
  password: string
  status: VoucherStatus
  firstLoginAt: string | null
  expiresAt: string | null
  macAddress: string | null
  usedMinutes: number
  createdAt: string
}

export interface VoucherSettings {
  delivery: Delivery
  defaultRouterId: string | null
  hotspotServer: string | null
  hotspotLoginUrl: string | null
  cardTemplate: CardTemplate
  useLogo: boolean
}

export interface Choice {
  id: string
  name: string
}

export interface PackagesPageProps {
  packages: Paginated<VoucherPackage>
  can: VoucherAbilities
}

export interface BatchesPageProps {
  batches: Paginated<VoucherBatch>
  packages: (Choice & { price: number })[]
  routers: Choice[]
  settings: VoucherSettings
  limits: { maxBatch: number; charsets: Record<Charset, number> }
  can: VoucherAbilities
}

export interface VoucherFilters {
  q: string
  batchId: string
  packageId: string
  status: VoucherStatus | ''
  createdFrom: string
  createdTo: string
}

export interface VouchersPageProps {
  vouchers: Paginated<Voucher>
  filters: VoucherFilters
  packages: Choice[]
  batches: { id: string; createdAt: string; count: number; prefix: string; packageName: string }[]
  timezone: string
  can: VoucherAbilities
}

export interface PreviewCard {
  username: string
  /** null when the code is also the password */
  password: string | null
  price: string
  terms: string
  /** Server-made SVG of the login address, or null without one */
  qrSvg: string | null
}

export interface PrintPageProps {
  batch: Omit<VoucherBatch, 'push'>
  template: CardTemplate
  title: string
  cards: PreviewCard[]
  pdfUrl: string
  csvUrl: string
  can: VoucherAbilities
}

export interface SalesLine {
  day?: string
  package?: { id: string; name: string }
  router?: string | null
  count: number
  amount: number
}

export interface SalesPageProps {
  report: {
    from: string
    to: string
    groupBy: SalesGrouping
    timezone: string
    data: SalesLine[]
    total: { count: number; amount: number }
  }
  rangeError: string | null
}

export interface SettingsPageProps {
  settings: VoucherSettings
  routers: Choice[]
  can: VoucherAbilities
}

/** The panel's shared badge colours for a voucher's states. */
export const VOUCHER_BADGE: Record<VoucherStatus, Status> = {
  unused: 'inactive',
  active: 'active',
  used: 'unknown',
  expired: 'pending',
  disabled: 'error',
}

/** The package editor's fields: speeds in Mbps and quota in GB, as packages are sold. */
export interface VoucherPackageDraft {
  name: string
  price: number | null
  downloadMbps: number | null
  uploadMbps: number | null
  quotaGb: number | null
  durationMinutes: number | null
  validityDays: number | null
  sharedUsers: number | null
  macLock: boolean
  profileName: string
  hotspotUrl: string
  active: boolean
}

export interface BatchDraft {
  packageId: string
  count: number | null
  prefix: string
  charset: Charset
  length: number | null
  mode: LoginMode
  delivery: Delivery
  routerId: string
}

export interface SettingsDraft {
  delivery: Delivery
  defaultRouterId: string
  hotspotServer: string
  hotspotLoginUrl: string
  cardTemplate: CardTemplate
  useLogo: boolean
}

export { formatSpeed, GIB, kbpsToMbps, mbpsToKbps } from '../../../../resources/lib/units'
