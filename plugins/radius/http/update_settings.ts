import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { saveSettings, settingsValidator } from '../models/settings_queries.js'

export default class UpdateSettings {
  static docs: EndpointDocs = {
    summary:
      'Choose whether isolated subscribers are refused or let in onto the isolir address-list',
    tags: ['radius'],
    body: settingsValidator,
  }

  async handle({ tenant, actor, tenantDb, request, response }: HttpContext) {
    const { isolatedBehaviour } = await request.validateUsing(settingsValidator)
    return response.ok(
      await saveSettings(
        await tenantDb(),
        { tenantId: tenant!.id, actor: `user:${actor!.userId}` },
        isolatedBehaviour
      )
    )
  }
}
