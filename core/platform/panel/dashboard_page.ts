import type { HttpContext } from '@adonisjs/core/http'
import { platformOverview } from '../platform_overview.js'

/** The super admin's home: tenants by status and plan, revenue, sign-ups, recent changes. */
export default class DashboardPage {
  async handle({ inertia }: HttpContext) {
    return inertia.render('core/admin/dashboard', { overview: await platformOverview() })
  }
}
