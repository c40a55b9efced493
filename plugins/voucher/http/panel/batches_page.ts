import type { HttpContext } from '@adonisjs/core/http'
import { listBatchesQuery } from '../../validators/batches.js'
import { MAX_BATCH } from '../../validators/batches.js'
import { listBatches } from '../../services/batch_queries.js'
import { batchPushStatus, routerChoices } from '../../services/batch_push.js'
import { listVoucherPackages } from '../../services/package_queries.js'
import { readVoucherSettings } from '../../services/voucher_settings.js'
import { CHARSETS } from '../../services/code_generator.js'
import { voucherAbilities } from './panel_page.js'

/** Batches, newest first, with how each sells and where a push stands; the generator opens here. */
export default class VoucherBatchesPage {
  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const [error, parsed] = await ctx.request.tryValidateUsing(listBatchesQuery)
    const filters = error ? {} : { ...parsed, perPage: parsed.perPage ?? 20 }
    const page = await listBatches(trx, filters)
    const rows = await trx
      .from('voucher_batches')
      .whereIn(
        'id',
        page.data.map((b) => b.id)
      )
      .select('id', 'tenant_id', 'delivery', 'count', 'pushed_at')
    const push = new Map<string, Awaited<ReturnType<typeof batchPushStatus>>>()
    for (const row of rows) push.set(row.id, await batchPushStatus(trx, row))
    const packages = await listVoucherPackages(trx, { active: true, perPage: 100 })
    return ctx.inertia.render('voucher/batches/index', {
      batches: { ...page, data: page.data.map((b) => ({ ...b, push: push.get(b.id) ?? null })) },
      packages: packages.data.map((p) => ({ id: p.id, name: p.name, price: p.price })),
      routers: await routerChoices(trx, ctx.tenant!.id),
      settings: await readVoucherSettings(trx),
      limits: {
        maxBatch: MAX_BATCH,
        charsets: Object.fromEntries(Object.entries(CHARSETS).map(([k, v]) => [k, v.length])),
      },
      can: voucherAbilities(ctx),
    })
  }
}
