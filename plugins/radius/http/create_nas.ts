import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { nasValidator } from './validators.js'
import { createNas } from '../models/nas_queries.js'

export default class CreateNas {
  static docs: EndpointDocs = {
    summary: 'Register a router (NAS) by the address its RADIUS requests come from',
    description:
      '`coaPort` (default 3799, null when the router takes no CoA) is where CoA and Disconnect requests go; `routerId` names the MikroTik router that isolates customers when CoA cannot.',
    tags: ['radius'],
    body: nasValidator,
    responses: { 201: 'Registered', 422: 'A field is invalid, or the address or name is taken' },
  }

  async handle({ tenant, actor, tenantDb, request, response }: HttpContext) {
    const input = await request.validateUsing(nasValidator)
    const created = await createNas(
      await tenantDb(),
      { tenantId: tenant!.id, actor: `user:${actor!.userId}` },
      input
    )
    return response.created(created)
  }
}
