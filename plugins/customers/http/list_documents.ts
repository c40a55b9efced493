import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { findCustomerOrFail } from '../services/customer_queries.js'
import { listDocuments } from '../services/customer_documents.js'

export default class ListDocuments {
  static docs: EndpointDocs = {
    summary:
      "A customer's documents (KTP scan, contract, photos), newest first, without their content",
    tags: ['customers'],
    responses: {
      200: '`{ data: [{ id, kind, fileName, contentType, sizeBytes, uploadedBy, uploadedByName, createdAt }] }`',
      404: 'CUSTOMER_NOT_FOUND',
    },
  }

  async handle(ctx: HttpContext) {
    const trx = await ctx.tenantDb()
    const customer = await findCustomerOrFail(trx, ctx.params.id)
    return ctx.response.ok({ data: await listDocuments(trx, customer.id) })
  }
}
