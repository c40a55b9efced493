import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { deleteDocument } from '../services/customer_documents.js'

export default class DeleteDocument {
  static docs: EndpointDocs = {
    summary: 'Remove a customer document and its file (audited)',
    tags: ['customers'],
    responses: { 204: 'Deleted', 404: 'DOCUMENT_NOT_FOUND' },
  }

  async handle(ctx: HttpContext) {
    await deleteDocument(await actingFrom(ctx), ctx.params.id, ctx.params.documentId)
    return ctx.response.noContent()
  }
}
