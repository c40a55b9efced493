import { ApiError } from '#core/http/api_error'
import { auditTeamChange, type Acting } from '#core/team/acting'
import { findVoucherOrFail, presentVoucher } from './voucher_queries.js'

const audit = (acting: Acting, action: string, id: string, extra: object) =>
  auditTeamChange(acting, { action, subjectType: 'voucher', subjectId: id, ...extra })

/**
 * Disabling refuses the voucher at its next login. Enabling gives back the
 * state it had earned: active once someone logged in with it, unused before
 * (the authenticator moves it on to used or expired at the next login).
 */
export async function setVoucherDisabled(acting: Acting, id: string, disabled: boolean) {
  const current = await findVoucherOrFail(acting.trx, id, true)
  const next = disabled ? 'disabled' : current.first_login_at ? 'active' : 'unused'
  if (current.status === next || (!disabled && current.status !== 'disabled')) {
    return presentVoucher(current)
  }
  await acting.trx.from('vouchers').where('id', id).update({ status: next, updated_at: new Date() })
  await audit(acting, disabled ? 'voucher.disabled' : 'voucher.enabled', id, {
    before: { status: current.status },
    after: { status: next },
  })
  return presentVoucher(await findVoucherOrFail(acting.trx, id))
}

/** Only a voucher nobody used may go: used ones are sales the reports count. */
export async function deleteVoucher(acting: Acting, id: string) {
  const current = await findVoucherOrFail(acting.trx, id, true)
  if (current.status !== 'unused') {
    throw new ApiError(
      409,
      'VOUCHER_IN_USE',
      `Voucher ${current.username} is ${current.status}; only unused vouchers can be deleted. Disable it instead to stop it logging in.`
    )
  }
  await acting.trx.from('vouchers').where('id', id).delete()
  await audit(acting, 'voucher.deleted', id, { before: { username: current.username } })
}
