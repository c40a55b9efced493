import { DateTime } from 'luxon'
import type { DemoSeedContext } from '#core/plugins/types'
import { withTenant, type TenantTransaction } from '#core/tenancy/tenant_db'
import { encryptPassword } from './services/subscription_secrets.js'

/**
 * Demo customers for the Quick start: packages, customers with Indonesian
 * names and addresses, and PPPoE / hotspot-member accounts whose password is
 * the demo password, so a RADIUS login can be shown with `budi.pppoe`.
 * Idempotent: packages, customers (by identity number) and accounts (by
 * username) that exist are left as they are.
 */

interface DemoPackage {
  name: string
  price: number
  service: 'pppoe' | 'hotspot_member'
  downloadKbps: number
  uploadKbps: number
  profileName: string
  addressPool: string | null
  burst?: object
  quotaBytes?: number
  type?: 'postpaid_monthly' | 'prepaid_period'
  periodDays?: number
}

interface DemoCustomer {
  name: string
  phone: string
  address: string
  category: string
  /** Username stem: `<stem>.pppoe` or `<stem>.hs` */
  login: string
  package: string
  status?: 'active' | 'isolated'
}

const ALPHA_PACKAGES: DemoPackage[] = [
  {
    name: 'Home 10 Mbps',
    price: 150_000,
    service: 'pppoe',
    downloadKbps: 10_000,
    uploadKbps: 3_000,
    profileName: 'home-10m',
    addressPool: 'pool-home',
  },
  {
    name: 'Home 20 Mbps',
    price: 220_000,
    service: 'pppoe',
    downloadKbps: 20_000,
    uploadKbps: 5_000,
    profileName: 'home-20m',
    addressPool: 'pool-home',
    // Bursts to 30M for 16 s while the 16 s average stays under 15M.
    burst: {
      downloadKbps: 30_000,
      uploadKbps: 8_000,
      thresholdDownloadKbps: 15_000,
      thresholdUploadKbps: 4_000,
      timeSeconds: 16,
    },
  },
  {
    name: 'Bisnis 50 Mbps',
    price: 550_000,
    service: 'pppoe',
    downloadKbps: 50_000,
    uploadKbps: 20_000,
    profileName: 'bisnis-50m',
    addressPool: 'pool-bisnis',
  },
  {
    name: 'Hotspot Member 5 Mbps',
    price: 50_000,
    service: 'hotspot_member',
    downloadKbps: 5_000,
    uploadKbps: 1_000,
    profileName: 'member-5m',
    addressPool: 'pool-hotspot',
    quotaBytes: 30 * 2 ** 30,
    type: 'prepaid_period',
    periodDays: 30,
  },
]

const ALPHA_CUSTOMERS: DemoCustomer[] = [
  [
    'Budi Hartono',
    '081234560001',
    'Jl. Melati No. 5, RT 02/RW 05, Sukamaju',
    'regular',
    'budi',
    'Home 10 Mbps',
  ],
  [
    'Siti Nurhaliza',
    '081234560002',
    'Jl. Kenanga No. 12, RT 01/RW 03, Sukamaju',
    'regular',
    'siti',
    'Home 20 Mbps',
  ],
  [
    'Agus Setiawan',
    '081234560003',
    'Gg. Mawar No. 3, RT 04/RW 05, Sukamaju',
    'regular',
    'agus',
    'Home 10 Mbps',
  ],
  [
    'Dewi Anggraini',
    '081234560004',
    'Jl. Anggrek No. 21, RT 03/RW 02, Cibeureum',
    'member',
    'dewi',
    'Hotspot Member 5 Mbps',
  ],
  [
    'Joko Widodo Saputra',
    '081234560005',
    'Jl. Flamboyan No. 8, RT 05/RW 01, Cibeureum',
    'regular',
    'joko',
    'Home 20 Mbps',
  ],
  [
    'Rina Marlina',
    '081234560006',
    'Jl. Cempaka No. 17, RT 02/RW 04, Sukamaju',
    'regular',
    'rina',
    'Home 10 Mbps',
  ],
  [
    'Hendra Gunawan',
    '081234560007',
    'Ruko Pasar Baru Blok B2, Cibeureum',
    'regular',
    'hendra',
    'Bisnis 50 Mbps',
  ],
  [
    'Sri Wahyuni',
    '081234560008',
    'Jl. Dahlia No. 9, RT 01/RW 06, Sukamaju',
    'member',
    'sri',
    'Hotspot Member 5 Mbps',
  ],
  [
    'Bambang Sutrisno',
    '081234560009',
    'Jl. Teratai No. 2, RT 03/RW 05, Sukamaju',
    'regular',
    'bambang',
    'Home 10 Mbps',
  ],
  [
    'Nur Aisyah',
    '081234560010',
    'Jl. Kamboja No. 14, RT 06/RW 02, Cibeureum',
    'hotspot',
    'aisyah',
    'Hotspot Member 5 Mbps',
  ],
  [
    'Eko Prasetyo',
    '081234560011',
    'Jl. Sakura No. 7, RT 02/RW 01, Sukamaju',
    'regular',
    'eko',
    'Home 20 Mbps',
  ],
  [
    'Fitri Handayani',
    '081234560012',
    'Jl. Bougenville No. 4, RT 01/RW 02, Cibeureum',
    'regular',
    'fitri',
    'Home 10 Mbps',
  ],
  [
    'Wahyu Hidayat',
    '081234560013',
    'Gg. Kenari No. 11, RT 04/RW 03, Sukamaju',
    'member',
    'wahyu',
    'Hotspot Member 5 Mbps',
  ],
  [
    'Yuliana Putri',
    '081234560014',
    'Jl. Seruni No. 6, RT 05/RW 04, Cibeureum',
    'regular',
    'yuli',
    'Home 20 Mbps',
  ],
  [
    'Andi Kurniawan',
    '081234560015',
    'Jl. Nusa Indah No. 19, RT 03/RW 06, Sukamaju',
    'regular',
    'andi',
    'Home 10 Mbps',
  ],
  [
    'Lestari Ningsih',
    '081234560016',
    'Jl. Tulip No. 10, RT 02/RW 03, Cibeureum',
    'regular',
    'lestari',
    'Home 10 Mbps',
  ],
  [
    'Rudi Hermawan',
    '081234560017',
    'Warung Kopi Rudi, Jl. Raya Sukamaju No. 88',
    'regular',
    'rudi',
    'Bisnis 50 Mbps',
  ],
  [
    'Maya Sari',
    '081234560018',
    'Jl. Lili No. 1, RT 01/RW 01, Sukamaju',
    'member',
    'maya',
    'Hotspot Member 5 Mbps',
  ],
  [
    'Dedi Supriadi',
    '081234560019',
    'Jl. Asoka No. 13, RT 06/RW 05, Cibeureum',
    'regular',
    'dedi',
    'Home 20 Mbps',
  ],
  [
    'Putri Ayu Lestari',
    '081234560020',
    'Jl. Jasmine No. 22, RT 04/RW 02, Sukamaju',
    'regular',
    'putri',
    'Home 10 Mbps',
  ],
  [
    'Taufik Hidayatullah',
    '081234560021',
    'Jl. Cendana No. 15, RT 02/RW 06, Cibeureum',
    'regular',
    'taufik',
    'Home 10 Mbps',
  ],
  [
    'Indah Permatasari',
    '081234560022',
    'Jl. Srikaya No. 3, RT 03/RW 01, Sukamaju',
    'hotspot',
    'indah',
    'Hotspot Member 5 Mbps',
  ],
  [
    'Slamet Riyadi',
    '081234560023',
    'Jl. Manggis No. 27, RT 05/RW 03, Cibeureum',
    'regular',
    'slamet',
    'Home 20 Mbps',
  ],
  [
    'Ratna Dewi',
    '081234560024',
    'Jl. Rambutan No. 5, RT 01/RW 05, Sukamaju',
    'regular',
    'ratna',
    'Home 10 Mbps',
  ],
  [
    'Yusuf Maulana',
    '081234560025',
    'Jl. Durian No. 30, RT 06/RW 04, Cibeureum',
    'regular',
    'yusuf',
    'Home 10 Mbps',
  ],
].map(([name, phone, address, category, login, pkg], i) => ({
  name,
  phone,
  address,
  category,
  login,
  package: pkg,
  // One customer late on payment, to show what isolir looks like.
  status: i === 5 ? 'isolated' : 'active',
}))

const BETA_PACKAGES: DemoPackage[] = [
  {
    name: 'Paket Hemat 5 Mbps',
    price: 100_000,
    service: 'pppoe',
    downloadKbps: 5_000,
    uploadKbps: 1_000,
    profileName: 'hemat-5m',
    addressPool: 'pool-pppoe',
  },
  {
    name: 'Hotspot Member 3 Mbps',
    price: 35_000,
    service: 'hotspot_member',
    downloadKbps: 3_000,
    uploadKbps: 1_000,
    profileName: 'member-3m',
    addressPool: null,
  },
]

const BETA_CUSTOMERS: DemoCustomer[] = [
  {
    name: 'Ahmad Fauzi',
    phone: '085712340001',
    address: 'Jl. Pahlawan No. 4, Karanganyar',
    category: 'regular',
    login: 'ahmad',
    package: 'Paket Hemat 5 Mbps',
  },
  {
    name: 'Sari Rahayu',
    phone: '085712340002',
    address: 'Jl. Diponegoro No. 11, Karanganyar',
    category: 'member',
    login: 'sari',
    package: 'Hotspot Member 3 Mbps',
  },
  {
    name: 'Gilang Ramadhan',
    phone: '085712340003',
    address: 'Jl. Sudirman No. 7, Karanganyar',
    category: 'regular',
    login: 'gilang',
    package: 'Paket Hemat 5 Mbps',
  },
]

const DATASETS: Record<string, { packages: DemoPackage[]; customers: DemoCustomer[] }> = {
  alpha: { packages: ALPHA_PACKAGES, customers: ALPHA_CUSTOMERS },
  beta: { packages: BETA_PACKAGES, customers: BETA_CUSTOMERS },
}

/** A KTP-shaped number per tenant and customer: stable across runs, which makes reruns find them. */
const identityOf = (slug: string, index: number) =>
  `DEMO-${slug.toUpperCase().slice(0, 10)}-${String(index + 1).padStart(3, '0')}`

export const usernameOf = (customer: DemoCustomer, service: DemoPackage['service']) =>
  `${customer.login}.${service === 'pppoe' ? 'pppoe' : 'hs'}`

async function ensurePackages(trx: TenantTransaction, tenantId: string, packages: DemoPackage[]) {
  const ids = new Map<string, { id: string; service: DemoPackage['service']; spec: DemoPackage }>()
  for (const spec of packages) {
    let row = await trx
      .from('service_packages')
      .whereRaw('lower(name) = lower(?)', [spec.name])
      .first()
    if (!row) {
      ;[row] = await trx
        .table('service_packages')
        .insert({
          tenant_id: tenantId,
          name: spec.name,
          type: spec.type ?? 'postpaid_monthly',
          period_days: spec.periodDays ?? null,
          price: spec.price,
          service: spec.service,
          download_kbps: spec.downloadKbps,
          upload_kbps: spec.uploadKbps,
          burst: spec.burst ? JSON.stringify(spec.burst) : null,
          quota_bytes: spec.quotaBytes ?? null,
          profile_name: spec.profileName,
          address_pool: spec.addressPool,
        })
        .returning(['id'])
    }
    ids.set(spec.name, { id: row.id, service: spec.service, spec })
  }
  return ids
}

export default async function seedCustomersDemo({
  tenantId,
  tenantSlug,
  password,
}: DemoSeedContext) {
  const dataset = DATASETS[tenantSlug]
  if (!dataset) return
  await withTenant(tenantId, async (trx) => {
    const packages = await ensurePackages(trx, tenantId, dataset.packages)
    const today = DateTime.now().setZone('Asia/Jakarta')
    for (const [index, demo] of dataset.customers.entries()) {
      const identityNumber = identityOf(tenantSlug, index)
      let customer = await trx.from('customers').where('identity_number', identityNumber).first()
      if (!customer) {
        ;[customer] = await trx
          .table('customers')
          .insert({
            tenant_id: tenantId,
            name: demo.name,
            phone: `+62${demo.phone.slice(1)}`,
            address: demo.address,
            identity_number: identityNumber,
            category: demo.category,
            status: demo.status ?? 'active',
          })
          .returning(['id'])
      }
      const pkg = packages.get(demo.package)!
      const username = usernameOf(demo, pkg.service)
      const taken = await trx
        .from('subscriptions')
        .whereRaw('lower(username) = lower(?)', [username])
        .first()
      if (taken) continue
      // Customers joined over the past months, so lists and billing days differ.
      const start = today.minus({ days: 20 + index * 11 })
      const prepaid = pkg.spec.type === 'prepaid_period' && pkg.spec.periodDays
      await trx.table('subscriptions').insert({
        tenant_id: tenantId,
        customer_id: customer.id,
        package_id: pkg.id,
        service_type: pkg.service,
        username,
        password_encrypted: encryptPassword(password),
        status: demo.status === 'isolated' ? 'isolated' : 'active',
        isolated_at: demo.status === 'isolated' ? new Date() : null,
        isolation_reason: demo.status === 'isolated' ? 'Tagihan bulan ini belum dibayar' : null,
        start_date: start.toISODate(),
        billing_day: Math.min(start.day, 28),
        // A member's period is renewed in the demo: it runs a month from today.
        expires_at: prepaid ? today.plus({ days: pkg.spec.periodDays! }).toJSDate() : null,
      })
    }
  })
}
