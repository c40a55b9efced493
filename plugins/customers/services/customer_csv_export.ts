import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { stringify } from 'csv-stringify/sync'
import {
  CSV_COLUMNS,
  FREE_TEXT_COLUMNS,
  escapeCell,
  type CsvColumn,
} from './customer_csv_columns.js'

/** Every customer of the tenant and their accounts, as the CSV the import reads. */
export async function exportCustomersCsv(trx: TransactionClientContract): Promise<string> {
  const rows = await trx
    .from('customers as c')
    .leftJoin('subscriptions as s', 's.customer_id', 'c.id')
    .leftJoin('service_packages as p', 'p.id', 's.package_id')
    .select(
      'c.name',
      'c.phone',
      'c.email',
      'c.address',
      'c.identity_number',
      'c.category',
      'c.status',
      'c.notes',
      'p.name as package',
      's.username',
      's.service_type',
      's.router_id',
      trx.raw('host(s.static_ip) AS static_ip'),
      's.mac_address',
      trx.raw(`to_char(s.start_date, 'YYYY-MM-DD') AS start_date`),
      's.billing_day',
      's.expires_at',
      's.status as subscription_status'
    )
    .orderByRaw('lower(c.name), c.id, lower(s.username)')

  const lines = rows.map((row: Record<string, unknown>) =>
    CSV_COLUMNS.map((column: CsvColumn) => {
      const value = row[column]
      if (value === null || value === undefined) return ''
      if (value instanceof Date) return value.toISOString()
      const text = String(value)
      return FREE_TEXT_COLUMNS.has(column) ? escapeCell(text) : text
    })
  )
  return stringify([[...CSV_COLUMNS], ...lines])
}
