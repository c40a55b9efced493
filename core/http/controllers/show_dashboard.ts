import type { HttpContext } from '@adonisjs/core/http'

/** The tenant's home page; plugins contribute its widgets as the panel grows. */
export default class ShowDashboard {
  async handle({ inertia, tenant, actor }: HttpContext) {
    return inertia.render('core/dashboard', {
      user: { name: actor!.fullName, email: actor!.email, roles: actor!.roleSlugs },
      tenantName: tenant!.name,
    })
  }
}
