import vine from '@vinejs/vine'
import { recordAudit } from '#core/audit/audit_log'
import type { TenantTransaction } from '#core/tenancy/tenant_db'

export type IsolatedBehaviour = 'reject' | 'isolir'

export const settingsValidator = vine.create(
  vine.object({
    // reject: the login is refused; isolir: let in onto the "isolir" address-list, whose redirect asks them to pay.
    isolatedBehaviour: vine.enum(['reject', 'isolir']),
  })
)

export async function readSettings(trx: TenantTransaction) {
  const row = await trx.from('radius_settings').select('isolated_behaviour').first()
  return { isolatedBehaviour: (row?.isolated_behaviour ?? 'reject') as IsolatedBehaviour }
}

export async function saveSettings(
  trx: TenantTransaction,
  acting: { tenantId: string; actor: string },
  isolatedBehaviour: IsolatedBehaviour
) {
  const before = await readSettings(trx)
  await trx.rawQuery(
    `INSERT INTO radius_settings (tenant_id, isolated_behaviour) VALUES (?, ?)
     ON CONFLICT (tenant_id) DO UPDATE SET isolated_behaviour = EXCLUDED.isolated_behaviour`,
    [acting.tenantId, isolatedBehaviour]
  )
  await recordAudit(
    {
      tenantId: acting.tenantId,
      actor: acting.actor,
      action: 'radius.settings_updated',
      before,
      after: { isolatedBehaviour },
    },
    trx
  )
  return { isolatedBehaviour }
}
