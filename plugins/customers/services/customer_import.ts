import { parse } from 'csv-parse/sync'
import { ApiError } from '#core/http/api_error'
import { auditTeamChange, type Acting } from '#core/team/acting'
import { CSV_COLUMNS } from './customer_csv_columns.js'
import { applyRow, checkRow, reasonsOf, RowRejected, type Reason } from './import_row.js'

export const MAX_IMPORT_ROWS = 2000

export interface ImportReport {
  dryRun: boolean
  total: number
  imported: number
  rejected: { line: number; name: string | null; username: string | null; reasons: Reason[] }[]
}

type Parsed = {
  record: Record<string, string>
  info: { lines: number; invalid_field_length: number }
}

function parseCsv(csv: string): Parsed[] {
  let header: string[] = []
  try {
    return parse(csv, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      columns: (names: string[]) => (header = names.map((n) => n.trim().toLowerCase())),
    }) as Parsed[]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new ApiError(
      422,
      'IMPORT_CSV_INVALID',
      `The file is not valid CSV${line ? ` (line ${line})` : ''}: ${(error as Error).message}. Save it from your spreadsheet as "CSV UTF-8".`
    )
  } finally {
    checkHeader(header)
  }
}

function checkHeader(header: string[]) {
  if (!header.length) return
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h))
  if (unknown.length || !header.includes('name')) {
    throw new ApiError(
      422,
      'IMPORT_HEADER_INVALID',
      `${unknown.length ? `Unknown columns: ${unknown.join(', ')}. ` : 'The header needs a "name" column. '}The first line names the columns, from: ${CSV_COLUMNS.join(', ')}.`
    )
  }
}

/** Lines that describe the same person attach to the customer the first of them created. */
const personKey = (row: Record<string, string>) =>
  JSON.stringify(
    ['name', 'phone', 'email', 'identity_number'].map((c) => (row[c] ?? '').trim().toLowerCase())
  )

async function existingCustomer(
  acting: Acting,
  customer: { name: string; phone?: string | null; identityNumber?: string | null }
) {
  if (customer.identityNumber) {
    const row = await acting.trx
      .from('customers')
      .where('identity_number', customer.identityNumber)
      .first()
    if (row) return row.id as string
  }
  if (!customer.phone) return null
  const row = await acting.trx
    .from('customers')
    .where('phone', customer.phone)
    .whereRaw('lower(name) = lower(?)', [customer.name])
    .first()
  return (row?.id as string) ?? null
}

/**
 * Imports customers and their accounts from CSV. Each line is written in a
 * savepoint of its own, so a bad line leaves nothing behind and the good
 * ones stay. A dry run does exactly the same and then rolls everything back:
 * it reports what a real import would reject, duplicates within the file included.
 */
export async function importCustomers(
  acting: Acting,
  csv: string,
  dryRun: boolean
): Promise<ImportReport> {
  const records = parseCsv(csv)
  if (!records.length)
    throw new ApiError(422, 'IMPORT_EMPTY', 'The file has a header but no customer lines.')
  if (records.length > MAX_IMPORT_ROWS)
    throw new ApiError(
      422,
      'IMPORT_TOO_LARGE',
      `The file has ${records.length} lines; import at most ${MAX_IMPORT_ROWS} at a time.`
    )

  const batch = await acting.trx.transaction()
  const report: ImportReport = { dryRun, total: records.length, imported: 0, rejected: [] }
  const people = new Map<string, string>()
  try {
    for (const { record, info } of records) {
      const checked = await checkRow(record)
      if (info.invalid_field_length)
        checked.reasons.push({
          field: null,
          message: 'The line does not have as many fields as the header',
        })
      const savepoint = await batch.transaction()
      try {
        if (checked.reasons.length) throw new RowRejected(checked.reasons)
        const key = personKey(record)
        const rowActing = { ...acting, trx: savepoint }
        const known = people.get(key) ?? (await existingCustomer(rowActing, checked.customer!))
        people.set(key, await applyRow(rowActing, checked, known))
        await savepoint.commit()
        report.imported++
      } catch (error) {
        await savepoint.rollback()
        if (!(error instanceof RowRejected) && !(error instanceof ApiError)) throw error
        const reasons = error instanceof RowRejected ? error.reasons : reasonsOf(error)
        report.rejected.push({
          line: info.lines,
          name: record.name || null,
          username: record.username || null,
          reasons,
        })
      }
    }
    if (dryRun) {
      await batch.rollback()
      return report
    }
    await auditTeamChange(
      { ...acting, trx: batch },
      {
        action: 'customers.imported',
        subjectType: 'customer_import',
        subjectId: acting.request.requestId || 'import',
        after: { total: report.total, imported: report.imported, rejected: report.rejected.length },
      }
    )
    await batch.commit()
    return report
  } catch (error) {
    if (!batch.isCompleted) await batch.rollback()
    throw error
  }
}
