import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '../../openapi/generator.js'
import { ADMIN_ONLY_RESPONSES } from '../super_admin.js'
import { listPlans } from '../../tenancy/limits/plan_catalog.js'
import { featureGroups } from '../../tenancy/features/feature_service.js'

export default class ListPlans {
  static docs: EndpointDocs = {
    summary:
      'Every plan, on sale or retired, with its limits and feature group; and the feature groups',
    tags: ['platform'],
    responses: {
      ...ADMIN_ONLY_RESPONSES,
      200: '{ data: plans, featureGroups }',
    },
  }

  async handle({ response }: HttpContext) {
    const [plans, groups] = await Promise.all([
      listPlans({ includeInactive: true }),
      featureGroups(),
    ])
    return response.ok({ data: plans, featureGroups: groups })
  }
}
