import type { HttpContext } from '@adonisjs/core/http'
import type { EndpointDocs } from '#core/openapi/generator'
import { usageQueryValidator } from './validators.js'
import { usageCsv } from '../services/usage_report.js'

export default class ExportUsage {
  static docs: EndpointDocs = {
    summary:
      'The usage report as CSV (day, username, input_octets, output_octets, total_octets, sessions)',
    tags: ['radius'],
    query: usageQueryValidator,
    responses: { 200: 'text/csv', 422: 'Bad days or a period longer than 366 days' },
  }

  async handle({ tenant, tenantDb, request, response }: HttpContext) {
    const query = await usageQueryValidator.validate(request.qs())
    const csv = await usageCsv(await tenantDb(), tenant!.timezone ?? 'Asia/Jakarta', query)
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header(
      'content-disposition',
      `attachment; filename="radius-usage-${query.from}-${query.to}.csv"`
    )
    return response.send(csv)
  }
}
