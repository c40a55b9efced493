import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'

export default class ListNas {
  static docs: EndpointDocs = {
    summary: 'Routers (NAS) whose RADIUS requests belong to this account',
    tags: ['radius'],
  }

  async handle({ tenantDb, response }: HttpContext) {
    const rows = await (
      await tenantDb()
    )
      .from('radius_nas')
      .orderBy('name')
      .select('id', 'name', 'ip_address', 'nas_identifier', 'created_at')
    return response.ok({
      data: rows.map((r) => ({
        id: r.id,
        name: r.name,
        ipAddress: r.ip_address,
        nasIdentifier: r.nas_identifier,
        createdAt: r.created_at,
      })),
    })
  }
}
