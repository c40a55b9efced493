import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { pageValidator } from './validators.js'
import { pageResponse } from '#core/http/pagination'

export default class ListSessions {
  static docs: EndpointDocs = {
    summary: 'RADIUS sessions, newest first (open ones with `open=true`)',
    tags: ['radius'],
    query: pageValidator,
  }

  async handle({ tenantDb, request, response }: HttpContext) {
    const filters = await pageValidator.validate(request.qs())
    const query = (await tenantDb()).from('radius_sessions')
    if (filters.username) query.where('username', filters.username)
    if (filters.open) query.whereNull('stopped_at')
    const page = await query
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 20)
    return response.ok(
      pageResponse(page, (r: any) => ({
        id: String(r.id),
        username: r.username,
        framedIp: r.framed_ip,
        macAddress: r.mac_address,
        startedAt: r.started_at,
        stoppedAt: r.stopped_at,
        sessionTime: r.session_time,
        inputOctets: Number(r.input_octets),
        outputOctets: Number(r.output_octets),
        terminateCause: r.terminate_cause,
      }))
    )
  }
}
