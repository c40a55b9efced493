import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import { registry } from '../../metrics/metrics.js'
import kernel from '../../services/kernel.js'
import { ApiError } from '../api_error.js'

/** Prometheus scrape endpoint; protected by a bearer token when METRICS_TOKEN is set. */
export default class MetricsController {
  async handle({ request, response }: HttpContext) {
    const token = env.get('METRICS_TOKEN')
    if (token && request.header('authorization') !== `Bearer ${token}`) {
      throw new ApiError(
        401,
        'METRICS_TOKEN_REQUIRED',
        'Send the metrics token as a Bearer authorization header'
      )
    }
    try {
      await kernel.queue.counts()
    } catch {
      // Queue depth is best effort; the rest of the metrics still answer.
    }
    response.header('content-type', registry.contentType)
    return response.send(await registry.metrics())
  }
}
