import type { HttpContext } from '@adonisjs/core/http'
import kernel from '../../services/kernel.js'

/**
 * Where an impersonating super admin lands when they open a platform page:
 * whom they act as, a way into that tenant's panel and a way back. Without
 * an impersonation it is just the platform dashboard.
 */
export default class ImpersonationPage {
  async handle({ actor, inertia, response }: HttpContext) {
    if (!actor?.impersonatorId || !actor.tenantId) return response.redirect('/admin')
    const tenant = await kernel.tenants.byId(actor.tenantId)
    return inertia.render('core/admin/impersonation', {
      impersonation: {
        tenantId: actor.tenantId,
        tenantName: tenant?.name ?? actor.tenantId,
        tenantSlug: tenant?.slug ?? null,
      },
    })
  }
}
