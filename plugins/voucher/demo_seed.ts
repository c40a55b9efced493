import type { DemoSeedContext } from '#core/plugins/types'
import { withTenant, type TenantTransaction } from '#core/tenancy/tenant_db'
import { generateBatch } from './services/batch_generator.js'

/**
 * Demo vouchers for the Quick start: three packages as RT/RW Net operators
 * sell them, a printed batch of each, and a share of the codes already sold
 * over the last two weeks so the sales report has something to show.
 * Idempotent: a package that exists keeps its batch and is not given another.
 */

const PACKAGES = [
  {
    name: '3 Jam',
    price: 3_000,
    minutes: 180,
    days: 1,
    down: 2_000,
    up: 1_000,
    profile: 'voucher-3j',
  },
  {
    name: '1 Hari',
    price: 5_000,
    minutes: null,
    days: 1,
    down: 3_000,
    up: 1_000,
    profile: 'voucher-1h',
  },
  {
    name: '7 Hari',
    price: 20_000,
    minutes: null,
    days: 7,
    down: 5_000,
    up: 2_000,
    profile: 'voucher-7h',
  },
]

const DEMO_NAS = ['10.10.0.1', '10.10.0.2']

async function ensurePackage(
  trx: TenantTransaction,
  tenantId: string,
  pkg: (typeof PACKAGES)[number]
) {
  const existing = await trx.from('voucher_packages').where('name', pkg.name).first()
  if (existing) return { id: existing.id as string, created: false }
  const [row] = await trx
    .table('voucher_packages')
    .insert({
      tenant_id: tenantId,
      name: pkg.name,
      price: pkg.price,
      download_kbps: pkg.down,
      upload_kbps: pkg.up,
      duration_minutes: pkg.minutes,
      validity_days: pkg.days,
      profile_name: pkg.profile,
      hotspot_url: 'http://wifi.rtrw.net',
    })
    .returning('id')
  return { id: row.id as string, created: true }
}

/** Marks every third voucher used and every fifth active, first used on days spread over two weeks. */
async function sellSome(trx: TenantTransaction, batchId: string, validityDays: number) {
  const vouchers = await trx.from('vouchers').where('batch_id', batchId).orderBy('username')
  for (const [index, voucher] of vouchers.entries()) {
    const used = index % 3 === 0
    const active = !used && index % 5 === 0
    if (!used && !active) continue
    const daysAgo = active ? 0 : (index % 14) + 1
    const first = new Date(Date.now() - daysAgo * 86_400_000 - (index % 8) * 3_600_000)
    await trx
      .from('vouchers')
      .where('id', voucher.id)
      .update({
        status: used ? 'used' : 'active',
        first_login_at: first,
        expires_at: new Date(first.getTime() + validityDays * 86_400_000),
        mac_address: `02-00-00-00-${String(index % 100).padStart(2, '0')}-01`,
        nas_ip: DEMO_NAS[index % DEMO_NAS.length],
        used_minutes: used ? 180 : 20,
      })
  }
}

export default async function seedVoucherDemo({ tenantId }: DemoSeedContext) {
  await withTenant(tenantId, async (trx) => {
    for (const pkg of PACKAGES) {
      const { id, created } = await ensurePackage(trx, tenantId, pkg)
      if (!created) continue
      const batchId = await generateBatch(
        trx,
        { tenantId, userId: null },
        { packageId: id, count: 40, charset: 'alnum', length: 6, mode: 'code', delivery: 'radius' }
      )
      await sellSome(trx, batchId, pkg.days)
    }
  })
}
