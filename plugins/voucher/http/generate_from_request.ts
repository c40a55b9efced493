import type { HttpContext } from '@adonisjs/core/http'
import emitter from '@adonisjs/core/services/emitter'
import { actingFrom, auditTeamChange, type Acting } from '#core/team/acting'
import '../events.js'
import { createBatchValidator } from '../validators/batches.js'
import { generateBatch } from '../services/batch_generator.js'

/**
 * A batch asked for by the API or the panel's generator: validated,
 * generated in the request's transaction, audited, and announced to other
 * modules once committed. Both callers then answer their own way.
 */
export async function generateBatchFromRequest(
  ctx: HttpContext
): Promise<{ acting: Acting; batchId: string }> {
  const input = await ctx.request.validateUsing(createBatchValidator)
  const acting = await actingFrom(ctx)
  const tenantId = acting.tenant.id
  const batchId = await generateBatch(acting.trx, { tenantId, userId: acting.actor.userId }, input)
  await auditTeamChange(acting, {
    action: 'voucher_batch.generated',
    subjectType: 'voucher_batch',
    subjectId: batchId,
    after: { ...input },
  })
  ctx.afterCommit(() =>
    emitter.emit('voucher:batch_generated', { tenantId, batchId, count: input.count })
  )
  return { acting, batchId }
}
