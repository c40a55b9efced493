import type { HttpContext } from '@adonisjs/core/http'
import { receiveDocument } from './upload_document.js'
import { submitPanelForm } from './panel_page.js'

/** The upload form of the documents section; back to the customer. */
export default class UploadDocumentPage {
  async handle(ctx: HttpContext) {
    if (await submitPanelForm(ctx, () => receiveDocument(ctx))) {
      ctx.response.redirect(`/customers/${ctx.params.id}`)
    }
  }
}
