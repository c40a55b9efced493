import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { uploadDocumentValidator } from '../validators/documents.js'
import { findCustomerOrFail } from '../services/customer_queries.js'
import {
  DOCUMENT_EXTNAMES,
  MAX_DOCUMENT_SIZE,
  uploadDocument,
} from '../services/customer_documents.js'

/** Reads the upload of a document request, for the API and the panel alike. */
export async function receiveDocument(ctx: HttpContext) {
  // Another tenant's customer is a 404 before the file is even looked at.
  await findCustomerOrFail(await ctx.tenantDb(), ctx.params.id)
  const { kind } = await uploadDocumentValidator.validate(ctx.request.all())
  const file = ctx.request.file('file', { size: MAX_DOCUMENT_SIZE, extnames: DOCUMENT_EXTNAMES })
  return uploadDocument(await actingFrom(ctx), ctx.params.id, file, kind ?? 'other')
}

export default class UploadDocument {
  static docs: EndpointDocs = {
    summary:
      'Attach a document to a customer: multipart `file` (PDF, JPEG or PNG, at most 5 MB, checked by content) and `kind` (identity, contract, photo, other)',
    tags: ['customers'],
    body: uploadDocumentValidator,
    responses: {
      201: 'The document record',
      404: 'CUSTOMER_NOT_FOUND',
      422: 'No file, too large, not a PDF/JPEG/PNG, or the customer has too many documents',
    },
  }

  async handle(ctx: HttpContext) {
    return ctx.response.created(await receiveDocument(ctx))
  }
}
