import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { updatePlanValidator } from '../validators.js'
import { ApiError } from '../../http/api_error.js'
import { invalid, updatePlan } from '../../tenancy/limits/plan_catalog.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class UpdatePlan {
  static docs: EndpointDocs = {
    summary:
      'Edit a plan: name, price, limits (merged; null = unlimited), feature group, order, on sale; tenants on it follow at once',
    tags: ['platform'],
    body: updatePlanValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: 'The plan',
      404: 'No such plan',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const code = ctx.params.code
    // Plan codes are short identifiers; anything else cannot name a plan (and must not reach SQL as NUL).
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) throw ApiError.notFound(`Plan "${code}"`)
    const patch = await ctx.request.validateUsing(updatePlanValidator)
    const given = Object.entries(patch).filter(([, value]) => value !== undefined)
    if (!given.length) {
      invalid([
        {
          field: 'body',
          message: 'Send at least one of: name, price, limits, featureGroup, sort, active',
        },
      ])
    }
    return ctx.response.ok(await updatePlan(code, patch, by))
  }
}
