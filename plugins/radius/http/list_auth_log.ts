import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { authLogFiltersValidator } from './validators.js'
import { listAuthLog } from '../models/session_queries.js'

export default class ListAuthLog {
  static docs: EndpointDocs = {
    summary: 'RADIUS logins, accepted and refused with the reason',
    description: 'Filters: `username` and `reason` (part of them), `result` (accept or reject).',
    tags: ['radius'],
    query: authLogFiltersValidator,
  }

  async handle({ tenantDb, request, response }: HttpContext) {
    const filters = await authLogFiltersValidator.validate(request.qs())
    return response.ok(await listAuthLog(await tenantDb(), filters))
  }
}
