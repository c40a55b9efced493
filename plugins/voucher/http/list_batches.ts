import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listBatchesQuery } from '../validators/batches.js'
import { listBatches } from '../services/batch_queries.js'

export default class ListVoucherBatches {
  static docs: EndpointDocs = {
    summary: 'Voucher batches, newest first, each with its vouchers counted by status',
    tags: ['vouchers'],
    query: listBatchesQuery,
    responses: { 200: '`{ data: [batch], meta: { total, page, perPage, lastPage } }`' },
  }

  async handle(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(listBatchesQuery)
    return ctx.response.ok(await listBatches(await ctx.tenantDb(), filters))
  }
}
