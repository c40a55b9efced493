import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { usageQueryValidator } from './validators.js'
import { usageReport } from '../services/usage_report.js'

export default class ShowUsage {
  static docs: EndpointDocs = {
    summary: 'Traffic per login per day (octets in and out, gigawords included)',
    description:
      'Days are in the account time zone, `from` and `to` included (at most 366 days). A session crossing midnight is apportioned by time: its traffic is spread evenly over its duration and each day gets the part that fell on it. Open sessions count up to their last interim update. Newest day first; `total` covers the whole period.',
    tags: ['radius'],
    query: usageQueryValidator,
    responses: { 200: 'The report', 422: 'Bad days or a period longer than 366 days' },
  }

  async handle({ tenant, tenantDb, request, response }: HttpContext) {
    const query = await usageQueryValidator.validate(request.qs())
    return response.ok(
      await usageReport(await tenantDb(), tenant!.timezone ?? 'Asia/Jakarta', query)
    )
  }
}
