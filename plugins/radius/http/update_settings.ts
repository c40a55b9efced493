import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import type { EndpointDocs } from '#core/openapi/generator'
import { recordAudit } from '#core/audit/audit_log'

const settingsValidator = vine.create(
  vine.object({
    // reject: the login is refused; isolir: let in onto the "isolir" address-list, whose redirect asks them to pay.
    isolatedBehaviour: vine.enum(['reject', 'isolir']),
  })
)

export default class UpdateSettings {
  static docs: EndpointDocs = {
    summary:
      'Choose whether isolated subscribers are refused or let in onto the isolir address-list',
    tags: ['radius'],
    body: settingsValidator,
  }

  async handle({ tenant, actor, tenantDb, request, response }: HttpContext) {
    const { isolatedBehaviour } = await request.validateUsing(settingsValidator)
    const trx = await tenantDb()
    const before = await trx.from('radius_settings').select('isolated_behaviour').first()
    await trx.rawQuery(
      `INSERT INTO radius_settings (tenant_id, isolated_behaviour) VALUES (?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET isolated_behaviour = EXCLUDED.isolated_behaviour`,
      [tenant!.id, isolatedBehaviour]
    )
    await recordAudit(
      {
        tenantId: tenant!.id,
        actor: `user:${actor!.userId}`,
        action: 'radius.settings_updated',
        before: { isolatedBehaviour: before?.isolated_behaviour ?? 'reject' },
        after: { isolatedBehaviour },
      },
      trx
    )
    return response.ok({ isolatedBehaviour })
  }
}
