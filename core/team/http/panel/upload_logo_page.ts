import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { replaceLogo } from '../../tenant_settings.js'
import { actingFrom } from '../../acting.js'

/**
 * Raster images only: an SVG can carry scripts, and the logo is served from
 * the panel's own origin. The type is read from the file's bytes, not its name.
 */
const logoValidator = vine.create(
  vine.object({
    logo: vine.file({ size: '1mb', extnames: ['png', 'jpg', 'jpeg', 'webp'] }),
  })
)

export default class UploadLogoPage {
  async handle(ctx: HttpContext) {
    const { logo } = await ctx.request.validateUsing(logoValidator)
    await replaceLogo(await actingFrom(ctx), logo)
    return ctx.response.redirect().withQs().back()
  }
}
