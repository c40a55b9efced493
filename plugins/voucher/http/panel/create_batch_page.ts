import type { HttpContext } from '@adonisjs/core/http'
import { generateBatchFromRequest } from '../generate_from_request.js'

/** The batch generator: on success the voucher list opens on the new batch. */
export default class CreateVoucherBatchPage {
  async handle(ctx: HttpContext) {
    const { batchId } = await generateBatchFromRequest(ctx)
    return ctx.response.redirect(`/vouchers?batchId=${batchId}`)
  }
}
