import { open } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import drive from '@adonisjs/drive/services/main'
import { ApiError } from '#core/http/api_error'
import { auditTeamChange, isUuid, type Acting } from '#core/team/acting'
import { findCustomerOrFail } from './customer_queries.js'

type Trx = TransactionClientContract

/**
 * A customer's documents (KTP scan, signed contract, house photo). The file
 * lives on the Drive disk under a key the platform makes up (never the
 * uploaded name) and is only ever streamed through an authenticated,
 * tenant-checked route; the row holds who uploaded what.
 */
export const DOCUMENT_KINDS = ['identity', 'contract', 'photo', 'other'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const MAX_DOCUMENT_SIZE = '5mb'
export const DOCUMENT_EXTNAMES = ['pdf', 'jpg', 'jpeg', 'png']
/** A customer's folder is not a file share: past this many, old ones go first. */
export const MAX_DOCUMENTS_PER_CUSTOMER = 30

/** The first bytes each accepted type starts with; the extension alone proves nothing. */
const SIGNATURES: { type: string; ext: string; bytes: number[] }[] = [
  { type: 'application/pdf', ext: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/jpeg', ext: 'jpg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', ext: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
]

export interface DocumentRow {
  id: string
  customer_id: string
  kind: DocumentKind
  file_name: string
  content_type: string
  size_bytes: number
  storage_key: string
  uploaded_by: string | null
  uploaded_by_name?: string | null
  created_at: Date
}

export function presentDocument(row: DocumentRow) {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    uploadedBy: row.uploaded_by,
    uploadedByName: row.uploaded_by_name ?? null,
    createdAt: row.created_at,
  }
}

const fileError = (message: string, rule: string) =>
  ApiError.unprocessable([{ field: 'file', message, rule }])

async function sniff(path: string) {
  const handle = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0)
    const head = buffer.subarray(0, bytesRead)
    return SIGNATURES.find((s) => s.bytes.every((byte, i) => head[i] === byte)) ?? null
  } finally {
    await handle.close()
  }
}

/** The uploaded name, fit to show and to put in a download header: no folders, no control characters. */
export function cleanFileName(name: string, ext: string) {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
  const cut = base.slice(0, 200)
  return cut || `document.${ext}`
}

/** Checks size, extension and content of an upload; 422 on `file` with the reason otherwise. */
export async function checkUpload(file: MultipartFile | null) {
  if (!file) throw fileError('Choose a file to upload (PDF, JPEG or PNG, up to 5 MB)', 'required')
  if (!file.isValid || !file.tmpPath) {
    const first = file.errors[0]
    const message =
      first?.type === 'size'
        ? 'The file is larger than 5 MB'
        : first?.type === 'extname'
          ? `Only PDF, JPEG or PNG files are accepted, not "${file.extname ?? 'unknown'}"`
          : (first?.message ?? 'The file could not be read')
    throw fileError(message, first?.type ?? 'file')
  }
  const signature = await sniff(file.tmpPath)
  if (!signature)
    throw fileError(
      'The file is not a real PDF, JPEG or PNG (its content does not match)',
      'content'
    )
  return signature
}

const documentNotFound = () =>
  new ApiError(404, 'DOCUMENT_NOT_FOUND', 'No document with this id exists for this customer')

const audit = (acting: Acting, action: string, customerId: string, extra: object) =>
  // Filed under the customer, so their activity shows document changes too.
  auditTeamChange(acting, { action, subjectType: 'customer', subjectId: customerId, ...extra })

export async function listDocuments(trx: Trx, customerId: string) {
  const rows = (await trx
    .from('customer_documents as d')
    .leftJoin('users as u', 'u.id', 'd.uploaded_by')
    .where('d.customer_id', customerId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .select('d.*', 'u.full_name as uploaded_by_name')) as DocumentRow[]
  return rows.map(presentDocument)
}

export async function findDocumentOrFail(trx: Trx, customerId: string, id: string) {
  if (!isUuid(customerId) || !isUuid(id)) throw documentNotFound()
  const row = await trx.from('customer_documents').where({ id, customer_id: customerId }).first()
  if (!row) throw documentNotFound()
  return row as DocumentRow
}

export async function uploadDocument(
  acting: Acting,
  customerId: string,
  file: MultipartFile | null,
  kind: DocumentKind
) {
  const customer = await findCustomerOrFail(acting.trx, customerId, true)
  const signature = await checkUpload(file)
  const [{ total }] = await acting.trx
    .from('customer_documents')
    .where('customer_id', customerId)
    .count('* as total')
  if (Number(total) >= MAX_DOCUMENTS_PER_CUSTOMER) {
    throw fileError(
      `${customer.name} already has ${MAX_DOCUMENTS_PER_CUSTOMER} documents; delete old ones first`,
      'max'
    )
  }
  const id = randomUUID()
  const key = `customers/${acting.tenant.id}/${customerId}/${id}.${signature.ext}`
  const fileName = cleanFileName(file!.clientName, signature.ext)
  await file!.moveToDisk(key)
  try {
    await acting.trx.table('customer_documents').insert({
      id,
      tenant_id: acting.tenant.id,
      customer_id: customerId,
      kind,
      file_name: fileName,
      content_type: signature.type,
      size_bytes: file!.size,
      storage_key: key,
      uploaded_by: acting.actor.userId,
    })
    await audit(acting, 'customer.document_uploaded', customerId, {
      after: { documentId: id, kind, fileName, sizeBytes: file!.size },
    })
  } catch (error) {
    // Nothing on record, so nothing stays on disk either.
    await drive.use().delete(key)
    throw error
  }
  const [created] = (await listDocuments(acting.trx, customerId)).filter((d) => d.id === id)
  return created
}

export async function deleteDocument(acting: Acting, customerId: string, id: string) {
  const row = await findDocumentOrFail(acting.trx, customerId, id)
  await acting.trx.from('customer_documents').where('id', id).delete()
  await audit(acting, 'customer.document_deleted', customerId, {
    before: { documentId: id, kind: row.kind, fileName: row.file_name },
  })
  // The file goes once the row is gone for good; a rolled-back request keeps both.
  acting.afterCommit(() => drive.use().delete(row.storage_key))
}

/** Who looked at which document: identity papers are personal data. */
export async function recordDownload(acting: Acting, row: DocumentRow) {
  await audit(acting, 'customer.document_downloaded', row.customer_id, {
    after: { documentId: row.id, kind: row.kind, fileName: row.file_name },
  })
}

/** The file's bytes, or 404 when the record exists but storage lost the file. */
export async function openDocument(row: DocumentRow): Promise<Readable> {
  const disk = drive.use()
  if (!(await disk.exists(row.storage_key))) {
    throw new ApiError(
      404,
      'DOCUMENT_FILE_MISSING',
      `The file of "${row.file_name}" is no longer in storage; upload it again`
    )
  }
  return disk.getStream(row.storage_key)
}

/** `attachment; filename="..."; filename*=UTF-8''...`: ASCII fallback plus the real name. */
export function contentDisposition(fileName: string, inline = false) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
