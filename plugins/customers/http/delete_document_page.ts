import type { HttpContext } from '@adonisjs/core/http'
import { actingFrom } from '#core/team/acting'
import { deleteDocument } from '../services/customer_documents.js'

/** "Delete" on a document; back to the customer. */
export default class DeleteDocumentPage {
  async handle(ctx: HttpContext) {
    await deleteDocument(await actingFrom(ctx), ctx.params.id, ctx.params.documentId)
    ctx.response.redirect(`/customers/${ctx.params.id}`)
  }
}
