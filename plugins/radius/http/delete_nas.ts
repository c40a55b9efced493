import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { deleteNas } from '../models/nas_queries.js'

export default class DeleteNas {
  static docs: EndpointDocs = {
    summary: 'Remove a NAS: its requests are refused from then on',
    tags: ['radius'],
    responses: { 204: 'Removed' },
  }

  async handle({ params, tenant, actor, tenantDb, response }: HttpContext) {
    await deleteNas(
      await tenantDb(),
      { tenantId: tenant!.id, actor: `user:${actor!.userId}` },
      String(params.id)
    )
    return response.noContent()
  }
}
