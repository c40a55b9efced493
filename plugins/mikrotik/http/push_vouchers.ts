import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { pushVouchersValidator } from '../validators.js'
import { pushVouchers } from '../actions/push_vouchers.js'

export default class PushVouchers {
  static docs: EndpointDocs = {
    summary: 'Queue hotspot users (vouchers) to be added to a router, in chunks, by the worker',
    description:
      'Users already on the router are skipped by name, never overwritten, so a repeated or resumed push creates no duplicates. The same batchId queued twice runs once. Follow the progress at GET /api/v1/routers/:id/push-vouchers/:batch_id.',
    tags: ['mikrotik'],
    body: pushVouchersValidator,
    responses: {
      202: '{ jobId, batchId, progress: { state, total, done, created, skipped, percent, error } }',
      404: 'ROUTER_NOT_FOUND',
      422: 'Invalid users or batch id',
    },
  }

  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(pushVouchersValidator)
    return ctx.response.accepted(await pushVouchers(ctx, ctx.params.id, input))
  }
}
