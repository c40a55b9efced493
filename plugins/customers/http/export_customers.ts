import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { exportCustomersCsv } from '../services/customer_csv_export.js'
import { CSV_COLUMNS } from '../services/customer_csv_columns.js'

export default class ExportCustomers {
  static docs: EndpointDocs = {
    summary: `All customers as CSV, one line per account (customers without one get a line too). Columns: ${CSV_COLUMNS.join(', ')}. Passwords are never exported; the file imports back as is`,
    tags: ['customers'],
    responses: { 200: 'text/csv' },
  }

  async handle(ctx: HttpContext) {
    const csv = await exportCustomersCsv(await ctx.tenantDb())
    const date = new Date().toISOString().slice(0, 10)
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header('content-disposition', `attachment; filename="customers-${date}.csv"`)
    ctx.response.header('cache-control', 'no-store')
    return ctx.response.ok(csv)
  }
}
