import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { ApiError } from '#core/http/api_error'
import { actingFrom } from '#core/team/acting'
import { importBody, importQuery } from '../validators/import.js'
import { CSV_COLUMNS } from '../services/customer_csv_columns.js'
import { importCustomers, MAX_IMPORT_ROWS } from '../services/customer_import.js'

export default class ImportCustomers {
  static docs: EndpointDocs = {
    summary: 'Import customers and their accounts from CSV (multipart `file`, or JSON `{ csv }`)',
    description: [
      `Header columns (only \`name\` is required, order free): ${CSV_COLUMNS.join(', ')}.`,
      '`package` is a package name; `status` is the customer status and `subscription_status` the account status.',
      'A line with a username creates an account too; lines naming the same person (or an existing customer with the same identity number, or name and phone) share one customer.',
      'Each line is all-or-nothing; valid lines are imported, rejected lines are listed with their line number and reasons.',
      `\`?dryRun=true\` checks every line the same way and writes nothing. At most ${MAX_IMPORT_ROWS} lines per file.`,
    ].join(' '),
    tags: ['customers'],
    query: importQuery,
    responses: {
      200: '`{ dryRun, total, imported, rejected: [{ line, name, username, reasons: [{ field, message }] }] }`',
      422: 'IMPORT_CSV_INVALID, IMPORT_HEADER_INVALID, IMPORT_EMPTY, IMPORT_TOO_LARGE, or no file',
    },
  }

  async handle(ctx: HttpContext) {
    const { dryRun } = await importQuery.validate(ctx.request.qs())
    const csv = await csvOf(ctx)
    const report = await importCustomers(await actingFrom(ctx), csv, dryRun ?? false)
    return ctx.response.ok(report)
  }
}

/** The CSV of an import request: an uploaded `file`, or `csv` in the body. */
export async function csvOf(ctx: HttpContext) {
  const file = ctx.request.file('file', { size: '5mb', extnames: ['csv', 'txt'] })
  if (file) {
    if (!file.isValid || !file.tmpPath) {
      throw ApiError.unprocessable(
        file.errors.map((e) => ({ field: 'file', message: e.message, rule: e.type }))
      )
    }
    return readFile(file.tmpPath, 'utf8')
  }
  return (await importBody.validate(ctx.request.body())).csv
}
