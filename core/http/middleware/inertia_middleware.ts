import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import kernel from '../../services/kernel.js'
import { actorCan } from '../../identity/actor.js'
import { platformNavigation } from '../../platform/panel_navigation.js'

/**
 * Props every panel page receives: the tenant and the navigation of the
 * plugins it has enabled (the panel shell builds its sidebar from it).
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  async share(ctx: HttpContext) {
    const tenant = ctx.tenant
    const enabled = tenant ? await kernel.enablement.enabledFor(tenant.id) : new Set<string>()
    return {
      tenant: tenant
        ? {
            id: tenant.id,
            slug: tenant.slug,
            name: tenant.name,
            locale: tenant.locale,
            timezone: tenant.timezone,
          }
        : null,
      user: ctx.actor
        ? { name: ctx.actor.fullName, email: ctx.actor.email, roles: ctx.actor.roleSlugs }
        : null,
      // Messages the server flashed for the form fields (a failed sign-in, a refused form).
      errors: {
        ...(ctx.session?.flashMessages.get('errorsBag', {}) ?? {}),
        ...this.getValidationErrors(ctx),
      },
      // Entries the user's role cannot open are left out, not shown and then refused.
      navigation: kernel.plugins
        .navigation(enabled)
        .filter(
          (entry) =>
            !entry.permission || (ctx.actor ? actorCan(ctx.actor, entry.permission) : false)
        )
        .map((entry) => ({
          plugin: entry.plugin,
          label: entry.label,
          href: entry.href,
          icon: entry.icon ?? null,
          permission: entry.permission ?? null,
        }))
        .concat(platformNavigation(ctx)),
    }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

/**
 * Pages come from plugins discovered at run time (`<plugin-id>/<page>`), so
 * page names are open strings rather than a generated list.
 */
declare module '@adonisjs/inertia/types' {
  interface InertiaPages {
    [page: string]: Record<string, any>
  }
}
