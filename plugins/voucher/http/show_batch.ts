import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findBatchOrFail, presentBatch } from '../services/batch_queries.js'

export default class ShowVoucherBatch {
  static docs: EndpointDocs = {
    summary: 'One voucher batch: its package, shape, who made it and its vouchers by status',
    tags: ['vouchers'],
    responses: { 200: 'The batch', 404: 'VOUCHER_BATCH_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    return ctx.response.ok(presentBatch(await findBatchOrFail(await ctx.tenantDb(), ctx.params.id)))
  }
}
