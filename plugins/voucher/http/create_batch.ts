import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { createBatchValidator } from '../validators/batches.js'
import { generateBatchFromRequest } from './generate_from_request.js'
import { findBatchOrFail, presentBatch } from '../services/batch_queries.js'

export default class CreateVoucherBatch {
  static docs: EndpointDocs = {
    summary:
      'Generate 1–10,000 vouchers of a package at once: codes of `length` random characters from `charset` (numeric, upper, alnum; no 0/O/1/l/I) after `prefix`; all or nothing',
    tags: ['vouchers'],
    body: createBatchValidator,
    responses: {
      201: 'The batch',
      403: 'LIMIT_REACHED: the whole batch does not fit in max_voucher; nothing was created',
      404: 'VOUCHER_PACKAGE_NOT_FOUND',
      409: 'VOUCHER_CODES_EXHAUSTED: codes kept colliding; nothing was created',
      422: 'Invalid fields, an inactive package, or a length too short for this many codes',
    },
  }

  async handle(ctx: HttpContext) {
    const { acting, batchId } = await generateBatchFromRequest(ctx)
    return ctx.response.created(presentBatch(await findBatchOrFail(acting.trx, batchId)))
  }
}
