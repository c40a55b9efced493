/**
 * Voucher generation: 100,000 vouchers made and stored through the voucher
 * plugin's service (secure random codes, whole-batch limit check, code-space
 * check, chunked inserts that skip collisions, in tenant transactions with
 * row-level security) against a raw `INSERT … SELECT` of the same number of
 * rows into the same table in the same run. Goal: at most 2× the raw time.
 * Also the PDF of 1,000 cards (A4 grid and 58 mm slips): time and size.
 *
 *   node --import=@poppinss/ts-exec bench/voucher_generation.ts [--vouchers 100000] [--rounds 3]
 */
import { parseArgs } from 'node:util'
import { benchEnv, printTable, runAce } from './support.js'
import { bootApp } from './mikrotik/boot_app.js'

const { values } = parseArgs({
  options: {
    vouchers: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    cards: { type: 'string', default: '1000' },
  },
})
const VOUCHERS = Number(values.vouchers)
const ROUNDS = Number(values.rounds)
const CARDS = Number(values.cards)
const SLUG = 'bench-voucher'

const env = benchEnv({ PORT: '3390' })
await runAce(['migration:run', '--force', '--connection=platform'], env)
const app = await bootApp(env)

try {
  const { default: kernel } = await import('#core/services/kernel')
  const { platformDb, withTenant } = await import('#core/tenancy/tenant_db')
  const { overrideLimit } = await import('#core/tenancy/plan_service')
  const { generateBatch } = await import('../plugins/voucher/services/batch_generator.js')
  const { MAX_BATCH } = await import('../plugins/voucher/validators/batches.js')
  const { renderCardsPdf } = await import('../plugins/voucher/services/voucher_cards_pdf.js')

  // A fresh tenant each run: the earlier one's vouchers cascade away.
  const db = platformDb()
  await db.from('tenants').where('slug', SLUG).delete()
  const [tenant] = await db
    .table('tenants')
    .insert({ name: 'Bench Voucher', slug: SLUG, plan: 'pro' })
    .returning(['id'])
  const tenantId = tenant.id as string
  for (const plugin of ['radius', 'voucher'])
    await kernel.enablement.enable(tenantId, plugin, { actor: 'system:bench' })
  await overrideLimit(tenantId, 'max_voucher', 10_000_000, { actor: 'system:bench' } as never)
  const [pkg] = await db
    .table('voucher_packages')
    .insert({
      tenant_id: tenantId,
      name: '1 Hari',
      price: 5000,
      download_kbps: 3000,
      upload_kbps: 1000,
      validity_days: 1,
      profile_name: 'voucher-1h',
    })
    .returning(['id'])

  const clear = () => db.from('vouchers').where('tenant_id', tenantId).delete()
  const time = async (work: () => Promise<unknown>) => {
    await clear()
    await db.rawQuery('VACUUM ANALYZE vouchers')
    const start = performance.now()
    await work()
    return performance.now() - start
  }

  /** The platform's path: batches of at most MAX_BATCH, each in its own tenant transaction. */
  const service = () =>
    time(async () => {
      for (let made = 0; made < VOUCHERS; made += MAX_BATCH) {
        const count = Math.min(MAX_BATCH, VOUCHERS - made)
        await withTenant(tenantId, (trx) =>
          generateBatch(
            trx,
            { tenantId, userId: null },
            { packageId: pkg.id, count, charset: 'alnum', length: 8, mode: 'code', prefix: '' }
          )
        )
      }
    })

  /** The baseline: the same rows from one INSERT … SELECT, codes made by PostgreSQL. */
  const raw = () =>
    time(() =>
      withTenant(tenantId, async (trx) => {
        const [batch] = await trx
          .table('voucher_batches')
          .insert({
            tenant_id: tenantId,
            package_id: pkg.id,
            count: MAX_BATCH,
            price: 5000,
            charset: 'alnum',
            length: 8,
            mode: 'code',
          })
          .returning(['id'])
        await trx.rawQuery(
          `INSERT INTO vouchers (tenant_id, batch_id, package_id, username, password)
           SELECT ?, ?, ?, c, c FROM (
             SELECT upper(substr(md5(random()::text || i), 1, 10)) AS c FROM generate_series(1, ?) i
           ) codes
           ON CONFLICT (tenant_id, username) DO NOTHING`,
          [tenantId, batch.id, pkg.id, VOUCHERS]
        )
      })
    )

  const rawTimes: number[] = []
  const serviceTimes: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    // Alternated, so background load on the shared machine hits both sides alike.
    rawTimes.push(await raw())
    serviceTimes.push(await service())
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
  const [stored] = await db.from('vouchers').where('tenant_id', tenantId).count('* as n')
  const rawMs = median(rawTimes)
  const serviceMs = median(serviceTimes)
  printTable(`${VOUCHERS.toLocaleString('en')} vouchers stored, median of ${ROUNDS} rounds`, [
    ['path', 'median ms', 'all rounds ms', 'vouchers/s', 'ratio to raw', 'goal'],
    [
      'raw INSERT … SELECT',
      rawMs.toFixed(0),
      rawTimes.map((t) => t.toFixed(0)).join(', '),
      Math.round(VOUCHERS / (rawMs / 1000)).toLocaleString('en'),
      '1.00',
      '',
    ],
    [
      `generateBatch (${Math.ceil(VOUCHERS / MAX_BATCH)} batches)`,
      serviceMs.toFixed(0),
      serviceTimes.map((t) => t.toFixed(0)).join(', '),
      Math.round(VOUCHERS / (serviceMs / 1000)).toLocaleString('en'),
      (serviceMs / rawMs).toFixed(2),
      serviceMs / rawMs <= 2 ? 'met (≤ 2×)' : 'missed (> 2×)',
    ],
  ])
  console.log(`rows stored by the last service round: ${stored.n}`)

  // Cards: the first CARDS codes, each with a QR code to the login page.
  const vouchers = await db
    .from('vouchers')
    .where('tenant_id', tenantId)
    .orderBy('username')
    .limit(CARDS)
    .select('username', 'password', 'status', 'expires_at', 'first_login_at')
  const rows: string[][] = [['template', 'cards', 'ms', 'size KiB', 'KiB per card']]
  for (const template of ['a4', 'thermal58'] as const) {
    const start = performance.now()
    const pdf = await renderCardsPdf(
      {
        vouchers,
        mode: 'code',
        title: 'RT 05 Net',
        hotspotUrl: 'http://wifi.rtrw.net',
        pkg: {
          name: '1 Hari',
          price: 5000,
          durationMinutes: null,
          validityDays: 1,
          quotaBytes: null,
        },
      },
      template
    )
    const ms = performance.now() - start
    rows.push([
      template,
      String(vouchers.length),
      ms.toFixed(0),
      (pdf.length / 1024).toFixed(0),
      (pdf.length / 1024 / vouchers.length).toFixed(2),
    ])
  }
  printTable('Voucher cards PDF', rows)
  await db.from('tenants').where('slug', SLUG).delete()
} finally {
  await app.terminate()
}
