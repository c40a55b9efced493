import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/http/api_error'
import { actingFrom } from '#core/team/acting'
import { CSV_COLUMNS } from '../services/customer_csv_columns.js'
import { importCustomers, MAX_IMPORT_ROWS, type ImportReport } from '../services/customer_import.js'
import { importQuery } from '../validators/import.js'
import { csvOf } from './import_customers.js'

const render = (ctx: HttpContext, report: ImportReport | null, error: string | null = null) =>
  ctx.inertia.render('customers/customers/import', {
    columns: [...CSV_COLUMNS],
    maxRows: MAX_IMPORT_ROWS,
    report,
    error,
  })

/**
 * The import page. GET shows the upload form; POST runs the import (a dry run
 * first, when asked) and shows the same page with the report: what would be
 * or was imported and every rejected line with its reasons.
 */
export default class ImportPage {
  async handle(ctx: HttpContext) {
    if (ctx.request.method() === 'GET') return render(ctx, null)
    const { dryRun } = await importQuery.validate(ctx.request.all())
    try {
      const csv = await csvOf(ctx)
      return render(ctx, await importCustomers(await actingFrom(ctx), csv, dryRun ?? false))
    } catch (error) {
      // A file that is not CSV, or a wrong header: said on the page, nothing imported.
      if (error instanceof ApiError && error.status === 422) {
        const field = error.errors?.[0]?.message
        return render(ctx, null, field ?? error.message)
      }
      if ((error as { code?: string }).code === 'E_VALIDATION_ERROR')
        return render(ctx, null, 'Choose a CSV file to import')
      throw error
    }
  }
}
