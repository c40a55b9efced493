import type { Abilities, Paginated, ServiceType } from './customer'

export type PackageType = 'postpaid_monthly' | 'prepaid_period'

export interface ServicePackage {
  id: string
  name: string
  type: PackageType
  periodDays: number | null
  /** whole rupiah */
  price: number
  service: ServiceType
  downloadKbps: number
  uploadKbps: number
  profileName: string
  addressPool: string | null
  active: boolean
  subscriptionCount: number
}

export interface PackagesPageProps {
  packages: Paginated<ServicePackage>
  filters: { q: string }
  can: Abilities
}

/** The editor's fields; speeds in Mbps because that is how packages are sold. */
export interface PackageDraft {
  name: string
  type: PackageType
  periodDays: number | null
  price: number | null
  service: ServiceType
  downloadMbps: number | null
  uploadMbps: number | null
  profileName: string
  addressPool: string
  active: boolean
}

export const kbpsToMbps = (kbps: number) => Math.round(kbps / 100) / 10
export const mbpsToKbps = (mbps: number | null) =>
  mbps === null || Number.isNaN(mbps) ? null : Math.round(mbps * 1000)

/** `10 / 2 Mbps`, download first as operators say it. */
export const formatSpeed = (downloadKbps: number, uploadKbps: number) =>
  `${kbpsToMbps(downloadKbps)} / ${kbpsToMbps(uploadKbps)} Mbps`
