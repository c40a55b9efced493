import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { updateNasValidator } from './validators.js'
import { updateNas } from '../models/nas_queries.js'

export default class UpdateNas {
  static docs: EndpointDocs = {
    summary: 'Change a NAS: name, address, secret (left out: kept), CoA port, linked router',
    tags: ['radius'],
    body: updateNasValidator,
    responses: { 204: 'Changed', 404: 'No such NAS', 422: 'A field is invalid or taken' },
  }

  async handle({ params, tenant, actor, tenantDb, request, response }: HttpContext) {
    const input = await request.validateUsing(updateNasValidator)
    await updateNas(
      await tenantDb(),
      { tenantId: tenant!.id, actor: `user:${actor!.userId}` },
      String(params.id),
      input
    )
    return response.noContent()
  }
}
