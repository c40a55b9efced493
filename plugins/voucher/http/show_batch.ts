import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findBatchOrFail, presentBatch } from '../services/batch_queries.js'
import { batchPushStatus } from '../services/batch_push.js'

export default class ShowVoucherBatch {
  static docs: EndpointDocs = {
    summary:
      'One voucher batch: its package, shape, who made it, its vouchers by status and, for a batch pushed to a router, `push` (state, done of total, error)',
    tags: ['vouchers'],
    responses: { 200: 'The batch', 404: 'VOUCHER_BATCH_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const row = await findBatchOrFail(trx, ctx.params.id)
    return ctx.response.ok({ ...presentBatch(row), push: await batchPushStatus(trx, row) })
  }
}
