import { formatDuration } from './durations.js'
import type { RouterState } from './state.js'

/**
 * Realistic-looking subscribers for demos and load tests: Indonesian names,
 * 10.x addresses, MikroTik-style MACs. Deterministic for a given seed so a
 * failing test can be replayed.
 */
export interface SeedCounts {
  hotspotActive?: number
  pppActive?: number
  hotspotUsers?: number
  pppSecrets?: number
  leases?: number
  /** Customers already in the `isolir` address list. */
  isolir?: number
}

const FIRST = [
  'budi',
  'siti',
  'agus',
  'dewi',
  'rina',
  'joko',
  'wahyu',
  'sri',
  'eko',
  'andi',
  'putri',
  'bayu',
  'dian',
  'fajar',
  'gilang',
  'hendra',
  'indah',
  'made',
  'nur',
  'rizky',
  'yusuf',
  'ayu',
  'bambang',
  'citra',
  'dimas',
  'endang',
  'fitri',
  'galih',
  'hadi',
  'ika',
  'kurnia',
  'lina',
  'mega',
  'nanda',
  'oki',
  'ratna',
  'slamet',
  'tri',
  'udin',
  'wulan',
  'yanti',
]
const LAST = [
  'santoso',
  'wijaya',
  'pratama',
  'saputra',
  'hidayat',
  'kusuma',
  'lestari',
  'nugroho',
  'setiawan',
  'siregar',
  'harahap',
  'purba',
  'gunawan',
  'rahayu',
  'susanto',
  'wibowo',
]
const PLACES = ['warung', 'kos', 'toko', 'bengkel', 'rt03', 'rt05', 'rw02', 'masjid', 'sekolah']
const PROFILES = ['paket-5m', 'paket-10m', 'paket-20m', 'default']

/** Small, fast, seedable PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class Seeder {
  readonly #random: () => number
  #serial = 0

  constructor(seed = 20_261_124) {
    this.#random = createRandom(seed)
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.#random() * items.length)]
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.#random() * (max - min + 1))
  }

  /** Unique across one simulator: a serial suffix avoids duplicate names. */
  username(): string {
    const n = ++this.#serial
    const style = this.int(0, 3)
    if (style === 0) return `${this.pick(FIRST)}.${this.pick(LAST)}${n}`
    if (style === 1) return `${this.pick(PLACES)}-${this.pick(FIRST)}${n}`
    if (style === 2) return `${this.pick(FIRST)}${n}`
    return `vc${n.toString(36)}${this.int(100, 999)}`
  }

  mac(): string {
    // 48:8F:5A and 64:D1:54 are MikroTik-style vendor prefixes seen on customer CPEs.
    const prefix = this.pick(['48:8F:5A', '64:D1:54', 'DC:2C:6E', 'B8:69:F4'])
    const tail = Array.from({ length: 3 }, () => this.int(0, 255).toString(16).padStart(2, '0'))
    return `${prefix}:${tail.join(':')}`.toUpperCase()
  }

  /** `10.<b>.x.y`, walking through a /16 without the .0 and .255 hosts. */
  address(b: number, index: number): string {
    const host = index % 253
    return `10.${b}.${Math.floor(index / 253) % 256}.${host + 2}`
  }

  seed(state: RouterState, counts: SeedCounts): void {
    const hotspotNames: string[] = []
    for (let i = 0; i < (counts.hotspotUsers ?? 0); i++) {
      const name = this.username()
      hotspotNames.push(name)
      state.add('/ip/hotspot/user', {
        name,
        password: String(this.int(1000, 999_999)),
        profile: this.pick(PROFILES),
        comment: this.int(0, 3) === 0 ? `${this.pick(FIRST)} ${this.pick(LAST)}` : '',
      })
    }
    const pppNames: string[] = []
    for (let i = 0; i < (counts.pppSecrets ?? 0); i++) {
      const name = this.username()
      pppNames.push(name)
      state.add('/ppp/secret', {
        name: name,
        password: `${this.pick(FIRST)}${this.int(10, 99)}`,
        service: 'pppoe',
        profile: this.pick(PROFILES),
        comment: `${this.pick(FIRST)} ${this.pick(LAST)}`,
      })
    }
    const activeHotspot = state.rows('/ip/hotspot/active').length
    for (let i = 0; i < (counts.hotspotActive ?? 0); i++) {
      const uptime = this.int(30, 36_000)
      const bytesIn = this.int(100_000, 900_000_000)
      // Sessions come from logins on a real router; `add` here is a shortcut.
      state.add('/ip/hotspot/active', {
        'user': hotspotNames[i] ?? this.username(),
        'address': `10.5.${50 + (Math.floor((activeHotspot + i) / 253) % 200)}.${((activeHotspot + i) % 253) + 2}`,
        'mac-address': this.mac(),
        'uptime': formatDuration(uptime),
        'idle-time': formatDuration(this.int(0, 120)),
        'session-time-left': this.int(0, 1) ? formatDuration(this.int(600, 86_400)) : '',
        'bytes-in': String(bytesIn),
        'bytes-out': String(bytesIn * this.int(3, 12)),
        'packets-in': String(Math.floor(bytesIn / 600)),
        'packets-out': String(Math.floor(bytesIn / 120)),
        'radius': this.int(0, 1) ? 'true' : 'false',
      })
    }
    const activePpp = state.rows('/ppp/active').length
    for (let i = 0; i < (counts.pppActive ?? 0); i++) {
      state.add('/ppp/active', {
        'name': pppNames[i] ?? this.username(),
        'caller-id': this.mac(),
        'address': this.address(10, activePpp + i),
        'uptime': formatDuration(this.int(60, 30 * 86_400)),
        'session-id': `0x${(0x81500000 + activePpp + i).toString(16).toUpperCase()}`,
        'radius': this.int(0, 1) ? 'true' : 'false',
      })
    }
    const leases = state.rows('/ip/dhcp-server/lease').length
    for (let i = 0; i < (counts.leases ?? 0); i++) {
      state.add('/ip/dhcp-server/lease', {
        'address': this.address(20, leases + i),
        'mac-address': this.mac(),
        'host-name': `${this.pick(['android', 'iphone', 'laptop', 'tv', 'cctv'])}-${this.pick(FIRST)}`,
        'expires-after': formatDuration(this.int(60, 600)),
        'last-seen': formatDuration(this.int(0, 300)),
        'dynamic': 'true',
      })
    }
    for (let i = 0; i < (counts.isolir ?? 0); i++) {
      state.add('/ip/firewall/address-list', {
        list: 'isolir',
        address: this.address(10, this.int(0, 5000)),
        comment: `belum bayar: ${this.pick(FIRST)} ${this.pick(LAST)}`,
      })
    }
  }
}
