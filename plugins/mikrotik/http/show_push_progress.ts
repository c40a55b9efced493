import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/http/api_error'
import type { EndpointDocs } from '#core/openapi/generator'
import { findRouterOrFail } from '../models/router_queries.js'
import { hotspotPushProgress } from '../services/push_progress.js'

export default class ShowPushProgress {
  static docs: EndpointDocs = {
    summary: 'Progress of a queued hotspot user push, by batch id',
    description:
      'state is queued, running, retrying (an attempt failed and is retried with backoff; error says why), completed or failed (error says why, e.g. HOTSPOT_PROFILE_MISSING). Kept for 24 hours after it completes.',
    tags: ['mikrotik'],
    responses: {
      200: '{ batchId, routerId, state, total, done, created, skipped, percent, attempts, error, queuedAt, finishedAt }',
      404: 'ROUTER_NOT_FOUND or PUSH_NOT_FOUND',
    },
  }

  async handle({ params, response, tenantDb, tenant }: HttpContext) {
    const router = await findRouterOrFail(await tenantDb(), params.id)
    const progress = await hotspotPushProgress(tenant!.id, String(params.batch_id), router.id)
    if (!progress) {
      throw new ApiError(404, 'PUSH_NOT_FOUND', 'No push with this batch id for this router')
    }
    return response.ok(progress)
  }
}
