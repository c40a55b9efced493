import type { HttpContext } from '@adonisjs/core/http'

/** The process is up and serving HTTP; orchestrators restart it when this fails. */
export default class HealthLiveController {
  handle({ response }: HttpContext) {
    return response.ok({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) })
  }
}
