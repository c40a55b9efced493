/**
 * One place that turns a service package (speeds, burst, quota, addressing)
 * into what MikroTik understands: RADIUS reply attributes and a router
 * profile. Subscriber accounts and vouchers both use it, so operators never
 * type `Mikrotik-Rate-Limit` strings by hand and the two never disagree.
 */

export interface BurstSpec {
  downloadKbps: number
  uploadKbps: number
  /** Average rate under which burst is allowed again */
  thresholdDownloadKbps: number
  thresholdUploadKbps: number
  /** Window over which the average rate is measured */
  timeSeconds: number
}

export interface PackageSpec {
  downloadKbps: number
  uploadKbps: number
  burst?: BurstSpec | null
  /** Total bytes (up + down) per session; null or absent = unlimited */
  quotaBytes?: number | null
  sessionTimeoutSeconds?: number | null
  profileName: string
  /** Which router menu the profile is for: PPP profiles name the pool `remote-address` */
  service?: 'pppoe' | 'hotspot'
  addressPool?: string | null
  /** Wins over `addressPool`: the account always gets this address */
  staticIp?: string | null
  addressList?: string | null
  interimIntervalSeconds?: number
}

export type RadiusReply = Record<string, string | number>

export interface MikrotikProfile {
  'name': string
  'rate-limit': string
  'address-pool'?: string
  'remote-address'?: string
  'address-list'?: string
}

export interface PackageMapping {
  reply: RadiusReply
  mikrotikProfile: MikrotikProfile
}

export const DEFAULT_INTERIM_INTERVAL_SECONDS = 300
const GIGAWORD = 2 ** 32

/**
 * RouterOS rate notation: `k` is 1 000 bits/s and `M` 1 000 000, so a rate is
 * written in the largest unit that keeps it whole (10000 → `10M`, 1500 → `1500k`).
 */
export function formatRate(kbps: number): string {
  if (!Number.isInteger(kbps) || kbps < 0) {
    throw new Error(`PACKAGE_RATE_INVALID: ${kbps} kbps is not a whole, non-negative rate`)
  }
  if (kbps === 0) return '0'
  if (kbps % 1_000_000 === 0) return `${kbps / 1_000_000}G`
  if (kbps % 1_000 === 0) return `${kbps / 1_000}M`
  return `${kbps}k`
}

/**
 * `rx/tx [burst-rx/burst-tx threshold-rx/threshold-tx time-rx/time-tx]`, seen
 * from the router: it receives the customer's upload and transmits their download.
 */
export function rateLimit(spec: Pick<PackageSpec, 'downloadKbps' | 'uploadKbps' | 'burst'>) {
  const pair = (rx: number, tx: number) => `${formatRate(rx)}/${formatRate(tx)}`
  const base = pair(spec.uploadKbps, spec.downloadKbps)
  const burst = spec.burst
  if (!burst) return base
  return [
    base,
    pair(burst.uploadKbps, burst.downloadKbps),
    pair(burst.thresholdUploadKbps, burst.thresholdDownloadKbps),
    `${burst.timeSeconds}/${burst.timeSeconds}`,
  ].join(' ')
}

/**
 * A quota split the way RADIUS carries 64-bit counters: the low 32 bits in
 * `Mikrotik-Total-Limit`, the multiples of 4 GiB in `-Gigawords`.
 */
export function splitQuota(bytes: number): { limit: number; gigawords: number } {
  if (!Number.isSafeInteger(bytes) || bytes < 0) {
    throw new Error(`PACKAGE_QUOTA_INVALID: ${bytes} is not a whole number of bytes`)
  }
  return { limit: bytes % GIGAWORD, gigawords: Math.floor(bytes / GIGAWORD) }
}

/**
 * Mistakes in a burst that RouterOS would accept silently but that make burst
 * never happen (burst not above the base rate, threshold above it), as
 * `{ field, message }` under `burst.*` so a form can point at the input.
 */
export function burstProblems(spec: Pick<PackageSpec, 'downloadKbps' | 'uploadKbps' | 'burst'>) {
  const burst = spec.burst
  if (!burst) return []
  const problems: { field: string; message: string }[] = []
  for (const side of ['download', 'upload'] as const) {
    const base = spec[`${side}Kbps`]
    if (burst[`${side}Kbps`] <= base) {
      problems.push({
        field: `burst.${side}Kbps`,
        message: `The burst ${side} rate must be above the package's ${side} rate (${base} kbps), or burst never starts`,
      })
    }
    const threshold = side === 'download' ? burst.thresholdDownloadKbps : burst.thresholdUploadKbps
    if (threshold > base) {
      const field = side === 'download' ? 'thresholdDownloadKbps' : 'thresholdUploadKbps'
      problems.push({
        field: `burst.${field}`,
        message: `The burst threshold must not be above the package's ${side} rate (${base} kbps)`,
      })
    }
  }
  return problems
}

export function mapPackage(spec: PackageSpec): PackageMapping {
  const limit = rateLimit(spec)
  const reply: RadiusReply = {
    'Mikrotik-Rate-Limit': limit,
    'Acct-Interim-Interval': spec.interimIntervalSeconds ?? DEFAULT_INTERIM_INTERVAL_SECONDS,
  }
  if (spec.sessionTimeoutSeconds) reply['Session-Timeout'] = spec.sessionTimeoutSeconds
  if (spec.staticIp) reply['Framed-IP-Address'] = spec.staticIp
  else if (spec.addressPool) reply['Framed-Pool'] = spec.addressPool
  if (spec.addressList) reply['Mikrotik-Address-List'] = spec.addressList
  if (spec.quotaBytes !== null && spec.quotaBytes !== undefined) {
    const { limit: low, gigawords } = splitQuota(spec.quotaBytes)
    reply['Mikrotik-Total-Limit'] = low
    reply['Mikrotik-Total-Limit-Gigawords'] = gigawords
  }

  const mikrotikProfile: MikrotikProfile = { 'name': spec.profileName, 'rate-limit': limit }
  // A static address belongs to one account, not to a profile shared by many.
  if (spec.addressPool) {
    if (spec.service === 'hotspot') mikrotikProfile['address-pool'] = spec.addressPool
    else mikrotikProfile['remote-address'] = spec.addressPool
  }
  if (spec.addressList) mikrotikProfile['address-list'] = spec.addressList
  return { reply, mikrotikProfile }
}
