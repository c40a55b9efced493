import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { readSettings } from '../models/settings_queries.js'

export default class ShowSettings {
  static docs: EndpointDocs = {
    summary: 'RADIUS settings of the account (what happens to isolated subscribers)',
    tags: ['radius'],
  }

  async handle({ tenantDb, response }: HttpContext) {
    return response.ok(await readSettings(await tenantDb()))
  }
}
