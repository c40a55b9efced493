import { ApiError } from '#core/http/api_error'
import { auditTeamChange, changedFields, type Acting } from '#core/team/acting'
import { findVoucherPackageOrFail, presentVoucherPackage } from './package_queries.js'

export interface VoucherPackageInput {
  name: string
  price: number
  downloadKbps: number
  uploadKbps: number
  quotaBytes?: number | null
  durationMinutes?: number | null
  validityDays?: number | null
  sharedUsers?: number
  macLock?: boolean
  profileName: string
  hotspotUrl?: string | null
  active?: boolean
}

const COLUMNS: Record<keyof VoucherPackageInput, string> = {
  name: 'name',
  price: 'price',
  downloadKbps: 'download_kbps',
  uploadKbps: 'upload_kbps',
  quotaBytes: 'quota_bytes',
  durationMinutes: 'duration_minutes',
  validityDays: 'validity_days',
  sharedUsers: 'shared_users',
  macLock: 'mac_lock',
  profileName: 'profile_name',
  hotspotUrl: 'hotspot_url',
  active: 'active',
}

const nameTaken = () =>
  ApiError.unprocessable([
    { field: 'name', message: 'Another voucher package already has this name', rule: 'unique' },
  ])

/** The unique index settles two requests racing for one name, and a plain duplicate too. */
async function guardName<T>(work: () => Promise<T>) {
  try {
    return await work()
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'voucher_packages_tenant_name_unique')
      throw nameTaken()
    throw error
  }
}

/** A name clash would abort the request's transaction, so it is looked for before writing. */
async function assertNameFree(acting: Acting, name: string, exceptId?: string) {
  const query = acting.trx.from('voucher_packages').whereRaw('lower(name) = lower(?)', [name])
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) throw nameTaken()
}

function columnsOf(values: Partial<VoucherPackageInput>) {
  const columns: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) columns[COLUMNS[key as keyof VoucherPackageInput]] = value
  }
  return columns
}

const audit = (acting: Acting, action: string, id: string, extra: object) =>
  auditTeamChange(acting, { action, subjectType: 'voucher_package', subjectId: id, ...extra })

export async function createVoucherPackage(acting: Acting, input: VoucherPackageInput) {
  await assertNameFree(acting, input.name)
  const [row] = await guardName(() =>
    acting.trx
      .table('voucher_packages')
      .insert({ tenant_id: acting.tenant.id, ...columnsOf(input) })
      .returning(['id'])
  )
  await audit(acting, 'voucher_package.created', row.id, { after: input })
  return presentVoucherPackage(await findVoucherPackageOrFail(acting.trx, row.id))
}

/** Vouchers already sold keep their batch price; speeds and times apply at their next login. */
export async function updateVoucherPackage(
  acting: Acting,
  id: string,
  change: Partial<VoucherPackageInput>
) {
  const current = presentVoucherPackage(await findVoucherPackageOrFail(acting.trx, id, true))
  const { before, after } = changedFields(current, change)
  if (!Object.keys(after).length) return current
  if (after.name) await assertNameFree(acting, String(after.name), id)
  await guardName(() =>
    acting.trx
      .from('voucher_packages')
      .where('id', id)
      .update({ ...columnsOf(after as Partial<VoucherPackageInput>), updated_at: new Date() })
  )
  await audit(acting, 'voucher_package.updated', id, { before, after })
  return presentVoucherPackage(await findVoucherPackageOrFail(acting.trx, id))
}

/** Removes a package no voucher was made from; one in use can only be set inactive. */
export async function deleteVoucherPackage(acting: Acting, id: string) {
  const current = await findVoucherPackageOrFail(acting.trx, id, true)
  const inUse = Number(current.voucher_count ?? 0)
  // Batches keep the package for their history even after their vouchers are deleted.
  const [{ batches }] = await acting.trx
    .from('voucher_batches')
    .where('package_id', id)
    .count('* as batches')
  if (inUse || Number(batches)) {
    throw new ApiError(
      409,
      'VOUCHER_PACKAGE_IN_USE',
      `${inUse} voucher${inUse === 1 ? ' was' : 's were'} made from "${current.name}" in ${batches} batch${Number(batches) === 1 ? '' : 'es'}, and sales reports need it. Set the package inactive to stop selling it.`
    )
  }
  await acting.trx.from('voucher_packages').where('id', id).delete()
  await audit(acting, 'voucher_package.deleted', id, { before: { name: current.name } })
}
