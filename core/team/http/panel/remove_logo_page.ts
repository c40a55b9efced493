import type { HttpContext } from '@adonisjs/core/http'
import { removeLogo } from '../../tenant_settings.js'
import { actingFrom } from '../../acting.js'

export default class RemoveLogoPage {
  async handle(ctx: HttpContext) {
    await removeLogo(await actingFrom(ctx))
    return ctx.response.redirect().withQs().back()
  }
}
