import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { listNas } from '../models/nas_queries.js'

export default class ListNas {
  static docs: EndpointDocs = {
    summary: 'Routers (NAS) whose RADIUS requests belong to this account',
    description: 'Secrets never leave the server: `hasSecret` says whether one is on record.',
    tags: ['radius'],
  }

  async handle({ tenantDb, response }: HttpContext) {
    return response.ok({ data: await listNas(await tenantDb()) })
  }
}
