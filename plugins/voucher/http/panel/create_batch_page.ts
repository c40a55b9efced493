import type { HttpContext } from '@adonisjs/core/http'
import emitter from '@adonisjs/core/services/emitter'
import { actingFrom, auditTeamChange } from '#core/team/acting'
import '../../events.js'
import { createBatchValidator } from '../../validators/batches.js'
import { generateBatch } from '../../services/batch_generator.js'

/** The batch generator: on success the voucher list opens on the new batch. */
export default class CreateVoucherBatchPage {
  async handle(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createBatchValidator)
    const acting = await actingFrom(ctx)
    const tenantId = acting.tenant.id
    const batchId = await generateBatch(
      acting.trx,
      { tenantId, userId: acting.actor.userId },
      input
    )
    await auditTeamChange(acting, {
      action: 'voucher_batch.generated',
      subjectType: 'voucher_batch',
      subjectId: batchId,
      after: { ...input },
    })
    ctx.afterCommit(() =>
      emitter.emit('voucher:batch_generated', { tenantId, batchId, count: input.count })
    )
    return ctx.response.redirect(`/vouchers?batchId=${batchId}`)
  }
}
