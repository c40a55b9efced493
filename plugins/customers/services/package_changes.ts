import { ApiError, type FieldError } from '#core/http/api_error'
import { auditTeamChange, changedFields, type Acting } from '#core/team/acting'
import { forgetRadiusAccounts } from '#plugins/radius/contracts'
import { burstProblems, type BurstSpec } from '#core/services/package_mapping'
import { findPackageOrFail, presentPackage } from './package_queries.js'

export interface PackageInput {
  name: string
  type: 'postpaid_monthly' | 'prepaid_period'
  periodDays?: number | null
  price: number
  service: 'pppoe' | 'hotspot_member' | 'static_ip'
  downloadKbps: number
  uploadKbps: number
  burst?: BurstSpec | null
  quotaBytes?: number | null
  profileName: string
  addressPool?: string | null
  active?: boolean
}

const COLUMNS: Record<keyof PackageInput, string> = {
  name: 'name',
  type: 'type',
  periodDays: 'period_days',
  price: 'price',
  service: 'service',
  downloadKbps: 'download_kbps',
  uploadKbps: 'upload_kbps',
  burst: 'burst',
  quotaBytes: 'quota_bytes',
  profileName: 'profile_name',
  addressPool: 'address_pool',
  active: 'active',
}

const nameTaken = () =>
  ApiError.unprocessable([
    { field: 'name', message: 'Another package already has this name', rule: 'unique' },
  ])

/** Rules that span fields: a prepaid package lasts some days, a postpaid one a month. */
function problems(input: PackageInput): FieldError[] {
  const errors: FieldError[] = burstProblems(input).map((p) => ({ ...p, rule: 'burst' }))
  if (input.type === 'prepaid_period' && !input.periodDays) {
    errors.push({
      field: 'periodDays',
      message: 'A prepaid package needs the number of days it lasts',
      rule: 'required',
    })
  }
  if (input.type === 'postpaid_monthly' && input.periodDays) {
    errors.push({
      field: 'periodDays',
      message: 'A monthly postpaid package renews every month; leave periodDays out',
      rule: 'prohibited',
    })
  }
  return errors
}

async function assertNameFree(acting: Acting, name: string, exceptId?: string) {
  const query = acting.trx.from('service_packages').whereRaw('lower(name) = lower(?)', [name])
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) throw nameTaken()
}

/** The unique index settles two requests racing for one name. */
async function guardName<T>(work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'service_packages_tenant_name_unique')
      throw nameTaken()
    throw error
  }
}

function columnsOf(values: Partial<PackageInput>) {
  const columns: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    const column = COLUMNS[key as keyof PackageInput]
    columns[column] = key === 'burst' && value ? JSON.stringify(value) : value
  }
  return columns
}

const audit = (acting: Acting, action: string, id: string, extra: object) => {
  acting.afterCommit(() => forgetRadiusAccounts(acting.tenant.id)) // RADIUS answers derive from it
  return auditTeamChange(acting, {
    action,
    subjectType: 'service_package',
    subjectId: id,
    ...extra,
  })
}

export async function createPackage(acting: Acting, input: PackageInput) {
  const values = { ...input, periodDays: input.periodDays ?? null }
  const errors = problems(values)
  if (errors.length) throw ApiError.unprocessable(errors)
  await assertNameFree(acting, input.name)
  const [row] = await guardName(() =>
    acting.trx
      .table('service_packages')
      .insert({ tenant_id: acting.tenant.id, ...columnsOf(values) })
      .returning(['id'])
  )
  const created = presentPackage(await findPackageOrFail(acting.trx, row.id))
  await audit(acting, 'service_package.created', row.id, { after: input })
  return created
}

export async function updatePackage(acting: Acting, id: string, change: Partial<PackageInput>) {
  const current = presentPackage(await findPackageOrFail(acting.trx, id, true))
  const merged = { ...current, ...change } as PackageInput
  // Switching to postpaid drops the period instead of refusing the switch.
  if (change.type === 'postpaid_monthly' && change.periodDays === undefined) {
    merged.periodDays = null
    change = { ...change, periodDays: null }
  }
  const errors = problems(merged)
  if (errors.length) throw ApiError.unprocessable(errors)
  const { before, after } = changedFields(current, change)
  if (!Object.keys(after).length) return current
  if (after.name) await assertNameFree(acting, String(after.name), id)
  await guardName(() =>
    acting.trx
      .from('service_packages')
      .where('id', id)
      .update({ ...columnsOf(after as Partial<PackageInput>), updated_at: new Date() })
  )
  await audit(acting, 'service_package.updated', id, { before, after })
  return presentPackage(await findPackageOrFail(acting.trx, id))
}

/** Removes a package nobody is on; one in use can only be deactivated (PATCH active=false). */
export async function deletePackage(acting: Acting, id: string) {
  const current = await findPackageOrFail(acting.trx, id, true)
  const inUse = Number(current.subscription_count ?? 0)
  if (inUse) {
    throw new ApiError(
      409,
      'PACKAGE_IN_USE',
      `${inUse} subscription${inUse === 1 ? ' uses' : 's use'} "${current.name}". Move ${inUse === 1 ? 'it' : 'them'} to another package first, or set the package inactive to stop selling it.`
    )
  }
  await acting.trx.from('service_packages').where('id', id).delete()
  await audit(acting, 'service_package.deleted', id, { before: { name: current.name } })
}
