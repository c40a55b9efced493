import type { HttpContext } from '@adonisjs/core/http'
import { readinessChecks } from '../../health/checks.js'

/** Database, Redis and queue all answer: the load balancer may send traffic. */
export default class HealthReadyController {
  async handle({ response }: HttpContext) {
    const report = await readinessChecks.run()
    const body = {
      status: report.status,
      checks: report.checks.map((c) => ({
        name: c.name,
        status: c.status,
        message: c.message,
        meta: c.meta,
      })),
    }
    return report.isHealthy ? response.ok(body) : response.serviceUnavailable(body)
  }
}
