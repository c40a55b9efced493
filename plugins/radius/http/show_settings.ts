import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'

export default class ShowSettings {
  static docs: EndpointDocs = {
    summary: 'RADIUS settings of the account (what happens to isolated subscribers)',
    tags: ['radius'],
  }

  async handle({ tenantDb, response }: HttpContext) {
    const row = await (
      await tenantDb()
    )
      .from('radius_settings')
      .select('isolated_behaviour')
      .first()
    return response.ok({ isolatedBehaviour: row?.isolated_behaviour ?? 'reject' })
  }
}
