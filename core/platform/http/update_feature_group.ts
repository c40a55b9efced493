import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { updateFeatureGroupValidator } from '../validators.js'
import { ApiError } from '../../http/api_error.js'
import { invalid } from '../../tenancy/limits/plan_catalog.js'
import { updateFeatureGroup } from '../feature_group_editor.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class UpdateFeatureGroup {
  static docs: EndpointDocs = {
    summary:
      'Edit a feature group (what the plans naming it include): name and features; tenants get the new set when the group is applied to them again',
    tags: ['platform'],
    body: updateFeatureGroupValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: 'The feature group',
      404: 'No such feature group',
      422: 'Unknown feature, or nothing to change',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    const code = ctx.params.code
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(code)) throw ApiError.notFound(`Feature group "${code}"`)
    const patch = await ctx.request.validateUsing(updateFeatureGroupValidator)
    if (patch.name === undefined && patch.features === undefined) {
      invalid([{ field: 'body', message: 'Send at least one of: name, features' }])
    }
    return ctx.response.ok(await updateFeatureGroup(code, patch, by))
  }
}
