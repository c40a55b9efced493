import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import kernel from '../../services/kernel.js'
import { ApiError } from '../api_error.js'
import { pluginRequests } from '../../metrics/metrics.js'

/** Every installed plugin's routes exist; this decides, per tenant, whether they answer. */
export default class PluginEnabledMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { plugin: string }) {
    const tenant = ctx.tenant!
    if (!(await kernel.enablement.isEnabled(tenant.id, options.plugin))) {
      pluginRequests.inc({ plugin: options.plugin, outcome: 'disabled' })
      throw new ApiError(
        403,
        'PLUGIN_DISABLED',
        `The "${options.plugin}" module is not enabled for this account. Ask the platform administrator to enable it.`
      )
    }
    pluginRequests.inc({ plugin: options.plugin, outcome: 'served' })
    return next()
  }
}
