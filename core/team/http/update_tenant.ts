import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { updateTenantValidator } from '../validators.js'
import { updateSettings } from '../tenant_settings.js'
import { actingFrom, requireAnyField } from '../acting.js'

export default class UpdateTenant {
  static docs: EndpointDocs = {
    summary: "Change the account's name, time zone (IANA), language (`id` or `en`) or logo URL",
    tags: ['team'],
    body: updateTenantValidator,
    responses: { 200: 'The account as changed', 422: 'Invalid fields or unknown time zone' },
  }

  async handle(ctx: HttpContext) {
    const change = await ctx.request.validateUsing(updateTenantValidator)
    requireAnyField(change, ['name', 'timezone', 'locale', 'logoUrl'])
    return ctx.response.ok(await updateSettings(await actingFrom(ctx), change))
  }
}
