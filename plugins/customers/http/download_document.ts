import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { actingFrom } from '#core/team/acting'
import { downloadDocumentQuery } from '../validators/documents.js'
import {
  contentDisposition,
  findDocumentOrFail,
  openDocument,
  recordDownload,
} from '../services/customer_documents.js'

/**
 * Streams a document to someone who may read the customer. There is no public
 * URL: the tenant transaction finds the row (row-level security), or nothing.
 * Identity papers are personal data, so every download is audited.
 */
export default class DownloadDocument {
  static docs: EndpointDocs = {
    summary:
      'Download a customer document (`?disposition=inline` to view it in the browser); only for the account that owns it, and audited',
    tags: ['customers'],
    query: downloadDocumentQuery,
    responses: {
      200: 'The file, with its content type',
      404: 'DOCUMENT_NOT_FOUND, or DOCUMENT_FILE_MISSING when storage lost the file',
    },
  }

  async handle(ctx: HttpContext) {
    const { disposition } = await downloadDocumentQuery.validate(ctx.request.qs())
    const row = await findDocumentOrFail(await ctx.tenantDb(), ctx.params.id, ctx.params.documentId)
    const stream = await openDocument(row)
    await recordDownload(await actingFrom(ctx), row)
    ctx.response.header('content-type', row.content_type)
    ctx.response.header('content-length', String(row.size_bytes))
    ctx.response.header(
      'content-disposition',
      contentDisposition(row.file_name, disposition === 'inline')
    )
    // Personal data: not kept by shared caches, never sniffed into something executable.
    ctx.response.header('cache-control', 'private, no-store')
    ctx.response.header('x-content-type-options', 'nosniff')
    ctx.response.header('content-security-policy', "default-src 'none'; sandbox")
    ctx.response.stream(stream)
  }
}
