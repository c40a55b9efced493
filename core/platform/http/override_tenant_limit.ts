import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { overrideLimitValidator } from '../validators.js'
import { overrideLimit } from '../../tenancy/plan_service.js'
import { tenantRecord } from '../tenant_record.js'
import { ADMIN_ONLY_RESPONSES, superAdminOf } from '../super_admin.js'

export default class OverrideTenantLimit {
  static docs: EndpointDocs = {
    summary:
      'Set one limit of a tenant regardless of its plan (null removes the override); billable tells billing to charge it',
    tags: ['platform'],
    body: overrideLimitValidator,
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: 'The limit after the change: { limitKey, plan, override, addons, effective, billable }',
      404: 'No such tenant',
      422: 'Unknown limit or invalid value',
    },
  }

  async handle(ctx: HttpContext) {
    const { by } = superAdminOf(ctx)
    await tenantRecord(ctx.params.id)
    const { value, billable = true } = await ctx.request.validateUsing(overrideLimitValidator)
    const limitKey = ctx.params.limitKey
    const breakdown = await overrideLimit(ctx.params.id, limitKey, value, by, { billable })
    return ctx.response.ok({ limitKey, ...breakdown, billable: value === null ? null : billable })
  }
}
