import { errors as vineErrors } from '@vinejs/vine'
import { type ApiError } from '#core/http/api_error'
import { assertCanCreate } from '#core/tenancy/limits/limit_service'
import type { Acting } from '#core/team/acting'
import { importCustomerRow, importSubscriptionRow } from '../validators/import.js'
import { COLUMN_OF_FIELD, CSV_COLUMNS, unescapeCell } from './customer_csv_columns.js'
import { createCustomer, updateCustomer } from './customer_changes.js'
import { findPackageByName } from './package_queries.js'
import { createSubscription, updateSubscription } from './subscription_changes.js'

export interface Reason {
  field: string | null
  message: string
}

/** A rejected line: everything that is wrong with it, by CSV column. */
export class RowRejected extends Error {
  constructor(readonly reasons: Reason[]) {
    super('row rejected')
  }
}

const camel = (column: string) => column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())
const columnOf = (field: string): string => COLUMN_OF_FIELD[field] ?? field

/** Empty cells mean "not given", as if the field were left out of a JSON body. */
function pick(record: Record<string, string>, columns: readonly string[]) {
  const data: Record<string, string> = {}
  for (const column of columns) {
    const value = unescapeCell(record[column] ?? '')
    if (value.trim() !== '') data[camel(column)] = value
  }
  return data
}

async function validate<T>(validator: { validate(data: unknown): Promise<T> }, data: object) {
  try {
    return { value: await validator.validate(data), reasons: [] as Reason[] }
  } catch (error) {
    if (!(error instanceof vineErrors.E_VALIDATION_ERROR)) throw error
    const messages = error.messages as { field: string; message: string }[]
    return {
      value: null,
      reasons: messages.map((m) => ({ field: columnOf(m.field), message: m.message })),
    }
  }
}

const SUBSCRIPTION_COLUMNS = CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('package'))

/** Checks a line without the database: every format problem at once. */
export async function checkRow(record: Record<string, string>) {
  const customer = await validate(importCustomerRow, pick(record, CSV_COLUMNS.slice(0, 8)))
  const accountData = pick(record, SUBSCRIPTION_COLUMNS)
  if (accountData.subscriptionStatus) {
    accountData.status = accountData.subscriptionStatus
    delete accountData.subscriptionStatus
  }
  const account = Object.keys(accountData).length
    ? await validate(importSubscriptionRow, accountData)
    : { value: null, reasons: [] as Reason[] }
  // The account's status arrives as `status` from its validator but lives in its own column.
  const accountReasons = account.reasons.map((r) =>
    r.field === 'status' ? { ...r, field: 'subscription_status' } : r
  )
  const reasons: Reason[] = [...customer.reasons, ...accountReasons]
  return { customer: customer.value, account: account.value, reasons }
}

type Checked = Awaited<ReturnType<typeof checkRow>>

/** What an ApiError says, by CSV column. */
export function reasonsOf(error: ApiError): Reason[] {
  if (error.errors?.length)
    return error.errors.map((e) => ({ field: columnOf(e.field), message: e.message }))
  return [{ field: null, message: `${error.code}: ${error.message}` }]
}

/**
 * Writes one checked line through the same services as the API, so the same
 * rules hold. `customerId` is a customer found earlier (same person on
 * several lines); returns the customer the line belongs to.
 */
export async function applyRow(acting: Acting, row: Checked, customerId: string | null) {
  const { customer, account } = row
  if (!customer) throw new RowRejected(row.reasons)
  const { status, ...details } = customer
  const id = customerId ?? (await createCustomer(acting, details)).id
  if (customerId && !account) {
    throw new RowRejected([
      {
        field: 'name',
        message: 'This customer already exists and the line names no account to add',
      },
    ])
  }
  if (account) {
    const { package: packageName, status: accountStatus, ...fields } = account
    const pkg = await findPackageByName(acting.trx, packageName)
    if (!pkg) {
      throw new RowRejected([
        { field: 'package', message: `No package named "${packageName}" exists in this account` },
      ])
    }
    await assertCanCreate(acting.trx, acting.tenant.id, 'max_user', async (t) => {
      const [count] = await t.from('subscriptions').count('* as total')
      return count.total
    })
    const created = await createSubscription(acting, {
      ...fields,
      customerId: id,
      packageId: pkg.id,
    })
    if (accountStatus && accountStatus !== 'active')
      await updateSubscription(acting, created.id, { status: accountStatus })
  }
  if (status && status !== 'active') await updateCustomer(acting, id, { status })
  return id
}
