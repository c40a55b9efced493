import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { readSettings } from '../tenant_settings.js'

export default class ShowTenant {
  static docs: EndpointDocs = {
    summary: "The signed-in member's account: name, plan, time zone, language and logo",
    tags: ['team'],
  }

  async handle(ctx: HttpContext) {
    return ctx.response.ok(await readSettings(await ctx.tenantDb(), ctx.tenant!.id))
  }
}
