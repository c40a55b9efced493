import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { stringify } from 'csv-stringify/sync'
import { ApiError } from '#core/http/api_error'

export interface SalesQuery {
  from: string
  to: string
  groupBy?: 'day' | 'package' | 'router'
}

const MAX_DAYS = 366

/**
 * A voucher is sold when it is first used: the report counts vouchers whose
 * first login falls on the given days (in the tenant's time zone), valued at
 * the price of their batch (the package price when they were printed).
 */
export async function salesReport(
  trx: TransactionClientContract,
  timezone: string,
  query: SalesQuery
) {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000
  if (days < 0 || days >= MAX_DAYS) {
    throw ApiError.unprocessable([
      {
        field: 'to',
        message:
          days < 0
            ? 'The end day must not be before the start day'
            : `A report covers at most ${MAX_DAYS} days; split the period`,
        rule: 'range',
      },
    ])
  }
  const groupBy = query.groupBy ?? 'day'
  const base = trx
    .from('vouchers as v')
    .join('voucher_batches as b', 'b.id', 'v.batch_id')
    .join('voucher_packages as p', 'p.id', 'v.package_id')
    .whereNotNull('v.first_login_at')
    .whereRaw(`(v.first_login_at AT TIME ZONE ?)::date BETWEEN ?::date AND ?::date`, [
      timezone,
      query.from,
      query.to,
    ])
  // "Router" is the NAS a voucher was first used on: that is where it was sold.
  const rows =
    groupBy === 'router'
      ? await base
          .select(trx.raw(`coalesce(v.nas_ip, '') AS key`))
          .count('* as count')
          .sum('b.price as amount')
          .groupByRaw('1')
          .orderByRaw('1')
      : groupBy === 'day'
        ? await base
            .select(
              trx.raw(`to_char((v.first_login_at AT TIME ZONE ?)::date, 'YYYY-MM-DD') AS key`, [
                timezone,
              ])
            )
            .count('* as count')
            .sum('b.price as amount')
            .groupByRaw('1')
            .orderByRaw('1')
        : await base
            .select('p.id as key', 'p.name as name')
            .count('* as count')
            .sum('b.price as amount')
            .groupBy('p.id', 'p.name')
            .orderByRaw('lower(p.name)')
  const items = rows.map((row: { key: string; name?: string; count: string; amount: string }) => ({
    ...(groupBy === 'day'
      ? { day: row.key }
      : groupBy === 'router'
        ? { router: row.key || null }
        : { package: { id: row.key, name: row.name } }),
    count: Number(row.count),
    amount: Number(row.amount),
  }))
  return {
    from: query.from,
    to: query.to,
    groupBy,
    timezone,
    currency: 'IDR',
    data: items,
    total: {
      count: items.reduce((sum, item) => sum + item.count, 0),
      amount: items.reduce((sum, item) => sum + item.amount, 0),
    },
  }
}

export const SALES_CSV_COLUMNS = ['group', 'count', 'amount'] as const

/** The report as a spreadsheet: one line per day, package or router, then the total. */
export function salesCsv(report: Awaited<ReturnType<typeof salesReport>>) {
  const label = (item: (typeof report.data)[number]) =>
    'day' in item ? item.day : 'router' in item ? (item.router ?? '-') : item.package!.name
  return stringify([
    [report.groupBy, 'count', 'amount_idr'],
    ...report.data.map((item) => [label(item), item.count, item.amount]),
    ['total', report.total.count, report.total.amount],
  ])
}
