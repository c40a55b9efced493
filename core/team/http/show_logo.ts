import type { HttpContext } from '@adonisjs/core/http'
import { logoFile } from '../tenant_settings.js'
import { ApiError } from '../../http/api_error.js'

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
}

/**
 * Streams the tenant's uploaded logo to its signed-in members (also while
 * the account is suspended: the suspended screen shows it). Cached privately:
 * the address changes with every upload.
 */
export default class ShowLogo {
  async handle(ctx: HttpContext) {
    const file = await logoFile(await ctx.tenantDb(), ctx.tenant!.id)
    if (!file) throw new ApiError(404, 'LOGO_NOT_FOUND', 'This account has no uploaded logo.')
    const type = TYPES[file.key.split('.').pop() ?? ''] ?? 'application/octet-stream'
    ctx.response.header('content-type', type)
    ctx.response.header('x-content-type-options', 'nosniff')
    ctx.response.header('cache-control', 'private, max-age=86400')
    return ctx.response.stream(file.stream)
  }
}
