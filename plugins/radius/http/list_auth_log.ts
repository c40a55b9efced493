import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { pageValidator } from './validators.js'
import { pageResponse } from '#core/http/pagination'

export default class ListAuthLog {
  static docs: EndpointDocs = {
    summary: 'RADIUS logins, accepted and refused with the reason',
    tags: ['radius'],
    query: pageValidator,
  }

  async handle({ tenantDb, request, response }: HttpContext) {
    const filters = await pageValidator.validate(request.qs())
    const query = (await tenantDb()).from('radius_auth_log')
    if (filters.username) query.where('username', filters.username)
    const page = await query
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
    return response.ok(
      pageResponse(page, (r: any) => ({
        id: String(r.id),
        username: r.username,
        result: r.result,
        reason: r.reason,
        nasIp: r.nas_ip,
        macAddress: r.mac_address,
        createdAt: r.created_at,
      }))
    )
  }
}
