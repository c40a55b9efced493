import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { batchVouchers, findBatchOrFail } from '../services/batch_queries.js'
import { batchCsv, CSV_COLUMNS } from '../services/voucher_csv.js'

export default class ExportVoucherBatchCsv {
  static docs: EndpointDocs = {
    summary: `A batch's vouchers as CSV, by code. Columns: ${CSV_COLUMNS.join(', ')}`,
    tags: ['vouchers'],
    responses: { 200: 'text/csv', 404: 'VOUCHER_BATCH_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const batch = await findBatchOrFail(trx, ctx.params.id)
    const csv = batchCsv(batch, await batchVouchers(trx, batch.id))
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header('content-disposition', `attachment; filename="vouchers-${batch.id}.csv"`)
    // The file holds working codes: no proxy or browser cache may keep it.
    ctx.response.header('cache-control', 'no-store')
    return ctx.response.ok(csv)
  }
}
