import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { ApiError } from '#core/http/api_error'
import { recordAudit } from '#core/audit/audit_log'
import { forgetNas } from '../services/nas_directory.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export default class DeleteNas {
  static docs: EndpointDocs = {
    summary: 'Remove a NAS: its requests are refused from then on',
    tags: ['radius'],
    responses: { 204: 'Removed' },
  }

  async handle({ params, tenant, actor, tenantDb, response }: HttpContext) {
    if (!UUID.test(params.id)) throw ApiError.notFound('NAS')
    const trx = await tenantDb()
    const [row] = await trx
      .from('radius_nas')
      .where('id', params.id)
      .delete()
      .returning(['id', 'name', 'ip_address'])
    if (!row) throw ApiError.notFound('NAS')
    await recordAudit(
      {
        tenantId: tenant!.id,
        actor: `user:${actor!.userId}`,
        action: 'radius.nas_deleted',
        subjectType: 'radius_nas',
        subjectId: row.id,
        before: { name: row.name, ipAddress: row.ip_address },
      },
      trx
    )
    forgetNas(row.ip_address)
    return response.noContent()
  }
}
