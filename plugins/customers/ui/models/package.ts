// `.js`: this file also runs in Node (unit tests), where imports carry extensions.
import type { Abilities, Paginated, ServiceType } from './customer.js'
import { mbpsToKbps } from '../../../../resources/lib/units.js'

export {
  bytesToGb,
  formatSpeed,
  gbToBytes,
  GIB,
  kbpsToMbps,
  mbpsToKbps,
} from '../../../../resources/lib/units.js'

export type PackageType = 'postpaid_monthly' | 'prepaid_period'

/** Burst as the server stores it, in kbps and seconds. */
export interface Burst {
  downloadKbps: number
  uploadKbps: number
  thresholdDownloadKbps: number
  thresholdUploadKbps: number
  timeSeconds: number
}

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
  burst: Burst | null
  quotaBytes: number | null
  profileName: string
  addressPool: string | null
  active: boolean
  subscriptionCount: number
  /** What routers get, derived on the server from the fields above */
  mikrotik: { reply: Record<string, string | number>; mikrotikProfile: Record<string, string> }
}

export interface PackagesPageProps {
  packages: Paginated<ServicePackage>
  filters: { q: string }
  can: Abilities
}

/** The editor's fields; speeds in Mbps because that is how packages are sold, quota in GB. */
export interface PackageDraft {
  name: string
  type: PackageType
  periodDays: number | null
  price: number | null
  service: ServiceType
  downloadMbps: number | null
  uploadMbps: number | null
  burstEnabled: boolean
  burstDownloadMbps: number | null
  burstUploadMbps: number | null
  thresholdDownloadMbps: number | null
  thresholdUploadMbps: number | null
  burstSeconds: number | null
  quotaGb: number | null
  profileName: string
  addressPool: string
  active: boolean
}

/**
 * RouterOS rate notation (k = 1000 bit/s), as the server's package mapping writes it,
 * so the editor previews the `Mikrotik-Rate-Limit` before saving.
 */
export function formatRate(kbps: number) {
  if (kbps % 1_000_000 === 0) return `${kbps / 1_000_000}G`
  if (kbps % 1_000 === 0) return `${kbps / 1_000}M`
  return `${kbps}k`
}

export function previewRateLimit(draft: PackageDraft): string | null {
  const down = mbpsToKbps(draft.downloadMbps)
  const up = mbpsToKbps(draft.uploadMbps)
  if (!down || !up) return null
  const pair = (rx: number, tx: number) => `${formatRate(rx)}/${formatRate(tx)}`
  const base = pair(up, down)
  if (!draft.burstEnabled) return base
  const burstDown = mbpsToKbps(draft.burstDownloadMbps)
  const burstUp = mbpsToKbps(draft.burstUploadMbps)
  const thresholdDown = mbpsToKbps(draft.thresholdDownloadMbps)
  const thresholdUp = mbpsToKbps(draft.thresholdUploadMbps)
  const seconds = draft.burstSeconds
  if (!burstDown || !burstUp || !thresholdDown || !thresholdUp || !seconds) return base
  return `${base} ${pair(burstUp, burstDown)} ${pair(thresholdUp, thresholdDown)} ${seconds}/${seconds}`
}
