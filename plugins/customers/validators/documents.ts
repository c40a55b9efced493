import vine from '@vinejs/vine'
import { DOCUMENT_KINDS } from '../services/customer_documents.js'

/** The fields sent beside the file (multipart): what the document is. */
export const uploadDocumentValidator = vine.create(
  vine.object({ kind: vine.enum(DOCUMENT_KINDS).optional() })
)

export const downloadDocumentQuery = vine.create(
  vine.object({ disposition: vine.enum(['attachment', 'inline'] as const).optional() })
)

export const activityQuery = vine.create(
  vine.object({
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  })
)
