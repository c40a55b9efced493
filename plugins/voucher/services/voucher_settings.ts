import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { auditTeamChange, changedFields, type Acting } from '#core/team/acting'

export type Delivery = 'radius' | 'push'
export type CardTemplateSetting = 'a4' | 'thermal58'

export interface VoucherSettings {
  /** `radius`: FreeRADIUS checks every login (recommended); `push`: batches go to a router as hotspot users */
  delivery: Delivery
  defaultRouterId: string | null
  hotspotServer: string | null
  /** Where the QR code of a card points, unless the package names its own address */
  hotspotLoginUrl: string | null
  cardTemplate: CardTemplateSetting
  /** Print the tenant's logo on the cards */
  useLogo: boolean
}

export const DEFAULT_VOUCHER_SETTINGS: VoucherSettings = {
  delivery: 'radius',
  defaultRouterId: null,
  hotspotServer: null,
  hotspotLoginUrl: null,
  cardTemplate: 'a4',
  useLogo: false,
}

const COLUMNS: Record<keyof VoucherSettings, string> = {
  delivery: 'delivery',
  defaultRouterId: 'default_router_id',
  hotspotServer: 'hotspot_server',
  hotspotLoginUrl: 'hotspot_login_url',
  cardTemplate: 'card_template',
  useLogo: 'use_logo',
}

/** The tenant's settings; the defaults until they were first saved. */
export async function readVoucherSettings(
  trx: TransactionClientContract
): Promise<VoucherSettings> {
  const row = await trx.from('voucher_settings').first()
  if (!row) return { ...DEFAULT_VOUCHER_SETTINGS }
  return {
    delivery: row.delivery,
    defaultRouterId: row.default_router_id,
    hotspotServer: row.hotspot_server,
    hotspotLoginUrl: row.hotspot_login_url,
    cardTemplate: row.card_template,
    useLogo: row.use_logo,
  }
}

export async function updateVoucherSettings(acting: Acting, change: Partial<VoucherSettings>) {
  const current = await readVoucherSettings(acting.trx)
  const { before, after } = changedFields(current, change)
  if (!Object.keys(after).length) return current
  const next = { ...current, ...after } as VoucherSettings
  const columns = Object.fromEntries(
    Object.entries(next).map(([key, value]) => [COLUMNS[key as keyof VoucherSettings], value])
  )
  await acting.trx
    .table('voucher_settings')
    .insert({ tenant_id: acting.tenant.id, ...columns, updated_at: new Date() })
    .onConflict('tenant_id')
    .merge()
  await auditTeamChange(acting, {
    action: 'voucher_settings.updated',
    subjectType: 'voucher_settings',
    subjectId: acting.tenant.id,
    before,
    after,
  })
  return next
}
