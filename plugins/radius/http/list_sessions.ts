import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { sessionFiltersValidator } from './validators.js'
import { listSessions } from '../models/session_queries.js'

export default class ListSessions {
  static docs: EndpointDocs = {
    summary: 'RADIUS sessions, newest first (open ones with `open=true`)',
    description:
      'Filters: `username` (part of it), `nasId`, `from`/`to` (days the session started, in the account time zone), `terminateCause`.',
    tags: ['radius'],
    query: sessionFiltersValidator,
  }

  async handle({ tenant, tenantDb, request, response }: HttpContext) {
    const filters = await sessionFiltersValidator.validate(request.qs())
    return response.ok(
      await listSessions(await tenantDb(), tenant!.timezone ?? 'Asia/Jakarta', filters)
    )
  }
}
